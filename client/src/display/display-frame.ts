import type { Status } from '../../../server/src/domain/statuses';
import type { DisplayReplayResponse, DisplaySummaryResponse } from './display-api';

export interface GroupCounts {
  surveyed: number;
  unlicensed: number;
  progress: number;
  byStatus: Readonly<Record<Status, number>>;
}

export type CategoryCounts = Omit<GroupCounts, 'byStatus'>;

/** Heat cells as deck.gl binary data: one position and one weight per cell. */
export interface HeatData {
  length: number;
  attributes: {
    getPosition: { value: Float32Array; size: 2 };
    getWeight: { value: Float32Array; size: 1 };
  };
}

export interface TickerEntry {
  /** Stable across updates, so an item already shown keeps its row. */
  key: string;
  date: string;
  text: string;
  textEn: string;
}

export interface AreaCounts {
  surveyed: number | null;
  unlicensed: number | null;
  progress: number | null;
}

/** One picture of the screen: live (a summary) or one step of the replay. */
export interface DisplayFrame {
  at: string;
  totals: GroupCounts;
  byVillage: ReadonlyMap<number, GroupCounts>;
  byCategory: Readonly<Record<string, CategoryCounts>>;
  heat: HeatData;
  /**
   * How hot this frame's heat is against the hottest of its series (0–1): the replay dims the
   * heatmap as unlicensed business recedes, where a heatmap alone would rescale to its own peak.
   */
  heatScale: number;
  /** Newest first, at most TICKER_ROWS. */
  ticker: readonly TickerEntry[];
  /** The progress line: its first `length` points are drawn. */
  series: { days: readonly string[]; progress: readonly number[]; length: number };
  areas: ReadonlyMap<number, AreaCounts>;
}

export const TICKER_ROWS = 7;

function heatData(positions: Float32Array, weights: Float32Array): HeatData {
  return {
    length: weights.length,
    attributes: { getPosition: { value: positions, size: 2 }, getWeight: { value: weights, size: 1 } },
  };
}

/** Keys that stay put for a repeated sentence: its date and text, and which repeat it is. */
function keyed(items: readonly { date: string; text: string; textEn: string }[]): TickerEntry[] {
  const seen = new Map<string, number>();
  return items.map((t) => {
    const base = `${t.date}|${t.text}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { key: `${base}|${n}`, date: t.date, text: t.text, textEn: t.textEn };
  });
}

/** The live screen's frame from a summary. */
export function frameFromSummary(s: DisplaySummaryResponse): DisplayFrame {
  const n = s.heat.cells.length / 3;
  const positions = new Float32Array(2 * n);
  const weights = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    positions[2 * i] = s.heat.cells[3 * i];
    positions[2 * i + 1] = s.heat.cells[3 * i + 1];
    weights[i] = s.heat.cells[3 * i + 2];
  }
  return {
    at: s.at,
    totals: s.totals,
    byVillage: new Map(Object.entries(s.byVillage).map(([id, g]) => [Number(id), g])),
    byCategory: s.byCategory,
    heat: heatData(positions, weights),
    heatScale: 1,
    ticker: keyed(s.ticker.slice(0, TICKER_ROWS)),
    series: { days: s.series.days, progress: s.series.progress, length: s.series.days.length },
    areas: new Map(s.areas.map((a) => [a.id, a])),
  };
}

type Group = DisplayReplayResponse['totals'];

/** The largest count in a sparse [cell, count, …] frame. */
function hottest(frame: readonly number[]): number {
  let max = 0;
  for (let i = 1; i < frame.length; i += 2) if (frame[i] > max) max = frame[i];
  return max;
}

function groupAt(g: Group, j: number): GroupCounts {
  const byStatus = {} as Record<Status, number>;
  for (const [k, v] of Object.entries(g.byStatus)) byStatus[k as Status] = v[j];
  return { surveyed: g.surveyed[j], unlicensed: g.unlicensed[j], progress: g.progress[j], byStatus };
}

/**
 * The replay, step by step. Every frame is built up front and kept, so looping for days allocates
 * nothing new: the same objects (and the same heat buffers) come round again.
 */
export class ReplayFrames {
  private readonly frames: DisplayFrame[];
  private readonly positions: Float32Array;
  private readonly ticker: (TickerEntry & { frame: number })[];
  private readonly hottestCell: number;

  constructor(private readonly r: DisplayReplayResponse) {
    this.positions = Float32Array.from(r.heat.cells);
    this.ticker = keyed(r.ticker).map((t, i) => ({ ...t, key: `${i}`, frame: r.ticker[i].frame }));
    this.hottestCell = Math.max(1, ...r.heat.frames.map(hottest));
    this.frames = r.days.map((_, j) => this.build(j));
  }

  get length(): number {
    return this.r.days.length;
  }

  get version(): number {
    return this.r.version;
  }

  frame(j: number): DisplayFrame {
    return this.frames[Math.min(Math.max(0, j), this.frames.length - 1)];
  }

  private build(j: number): DisplayFrame {
    const r = this.r;
    const weights = new Float32Array(r.heat.cells.length / 2);
    const hot = r.heat.frames[j];
    for (let i = 0; i < hot.length; i += 2) weights[hot[i]] = hot[i + 1];
    const byCategory: Record<string, CategoryCounts> = {};
    for (const [code, c] of Object.entries(r.byCategory)) {
      byCategory[code] = { surveyed: c.surveyed[j], unlicensed: c.unlicensed[j], progress: c.progress[j] };
    }
    let end = 0;
    while (end < this.ticker.length && this.ticker[end].frame <= j) end++;
    return {
      at: r.days[j],
      totals: groupAt(r.totals, j),
      byVillage: new Map(Object.entries(r.byVillage).map(([id, g]) => [Number(id), groupAt(g, j)])),
      byCategory,
      heat: heatData(this.positions, weights),
      heatScale: hottest(hot) / this.hottestCell,
      ticker: this.ticker.slice(Math.max(0, end - TICKER_ROWS), end).reverse(),
      series: { days: r.days, progress: r.totals.progress, length: j + 1 },
      areas: new Map(
        r.areas.map((a) => [
          a.id,
          { surveyed: a.surveyed[j], unlicensed: a.unlicensed[j], progress: a.progress[j] },
        ]),
      ),
    };
  }
}
