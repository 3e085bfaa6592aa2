import type { Status } from '@domain/statuses';
import type { GroupTally, StatusCounts } from '@domain/tally';
import type { DisplayReplayResponse, DisplaySummaryResponse } from './display-api';
import { type HeatSpread, type InsideTownship, spreadCount, spreadHeatCells } from './heat-spread';

/** A trade's township figures; null when it has too few premises to show (see k-anonymity.ts). */
export type CategoryCounts = Omit<GroupTally, 'byStatus'> | null;

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

export type AreaCounts = Omit<GroupTally, 'byStatus'>;

/** One picture of the screen: live (a summary) or one step of the replay. */
export interface DisplayFrame {
  at: string;
  totals: GroupTally;
  byVillage: ReadonlyMap<number, GroupTally>;
  byCategory: Readonly<Record<string, CategoryCounts>>;
  heat: HeatData;
  /**
   * How hot the frame's hottest cell is against a hot spot (HOT_SPOT_COUNT unlicensed premises in
   * one finest cell), 0–1: the heatmap alone rescales to its own peak, so a few shops scattered
   * over a merged cell would glow like a cluster; the layer dims by this instead.
   */
  heatScale: number;
  /** Newest first, at most TICKER_ROWS. */
  ticker: readonly TickerEntry[];
  /** The progress line: its first `length` points are drawn. */
  series: { days: readonly string[]; progress: readonly number[]; length: number };
  /** The key areas shown on this frame: an area not in here is not drawn at all. */
  areas: ReadonlyMap<number, AreaCounts>;
}

export const TICKER_ROWS = 7;

/** Unlicensed premises in one finest (200 m) cell that make a hot spot: full heat on the screen. */
export const HOT_SPOT_COUNT = 10;

const heatScaleOf = (hottest: number) => Math.min(1, hottest / Math.sqrt(HOT_SPOT_COUNT));

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

/** The live screen's frame from a summary (heat kept inside the township where it is known). */
export function frameFromSummary(s: DisplaySummaryResponse, inside?: InsideTownship): DisplayFrame {
  const { cells, cellMeters, cellDegrees } = s.heat;
  const spread = spreadHeatCells(cells, 4, cellMeters, cellDegrees, inside);
  const weights = new Float32Array(spread.positions.length / 2);
  let hottest = 0;
  for (let i = 0; 4 * i < cells.length; i++)
    hottest = Math.max(hottest, spreadCount(spread, weights, i, cells[4 * i + 3]));
  return {
    at: s.at,
    totals: s.totals,
    byVillage: new Map(Object.entries(s.byVillage).map(([id, g]) => [Number(id), g])),
    byCategory: s.byCategory,
    heat: heatData(spread.positions, weights),
    heatScale: heatScaleOf(hottest),
    ticker: keyed(s.ticker.slice(0, TICKER_ROWS)),
    series: { days: s.series.days, progress: s.series.progress, length: s.series.days.length },
    areas: new Map(s.areas.map((a) => [a.id, a])),
  };
}

type Group = DisplayReplayResponse['totals'];

/** A sparse [cell, count, …] frame's weights over the spread points, and its hottest cell's heat. */
function frameWeights(
  spread: HeatSpread,
  frame: readonly number[],
): { weights: Float32Array; hottest: number } {
  const weights = new Float32Array(spread.positions.length / 2);
  let hottest = 0;
  for (let i = 0; i < frame.length; i += 2)
    hottest = Math.max(hottest, spreadCount(spread, weights, frame[i], frame[i + 1]));
  return { weights, hottest };
}

function groupAt(g: Group, j: number): GroupTally {
  const byStatus = {} as StatusCounts;
  for (const [k, v] of Object.entries(g.byStatus)) byStatus[k as Status] = v[j];
  return { surveyed: g.surveyed[j], unlicensed: g.unlicensed[j], progress: g.progress[j], byStatus };
}

/**
 * The replay, step by step. Every frame is built up front and kept, so looping for days allocates
 * nothing new: the same objects (and the same heat buffers) come round again.
 */
export class ReplayFrames {
  private readonly frames: DisplayFrame[];
  private readonly spread: HeatSpread;
  private readonly ticker: (TickerEntry & { frame: number })[];

  constructor(
    private readonly r: DisplayReplayResponse,
    inside?: InsideTownship,
  ) {
    this.spread = spreadHeatCells(r.heat.cells, 3, r.heat.cellMeters, r.heat.cellDegrees, inside);
    this.ticker = keyed(r.ticker).map((t, i) => ({ ...t, key: `${i}`, frame: r.ticker[i].frame }));
    const heat = r.heat.frames.map((f) => frameWeights(this.spread, f));
    this.frames = r.days.map((_, j) => this.build(j, heat[j].weights, heatScaleOf(heat[j].hottest)));
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

  private build(j: number, weights: Float32Array, heatScale: number): DisplayFrame {
    const r = this.r;
    const byCategory: Record<string, CategoryCounts> = {};
    for (const [code, c] of Object.entries(r.byCategory)) {
      const [surveyed, unlicensed, progress] = [c.surveyed[j], c.unlicensed[j], c.progress[j]];
      byCategory[code] =
        surveyed === null || unlicensed === null || progress === null
          ? null
          : { surveyed, unlicensed, progress };
    }
    const areas = new Map<number, AreaCounts>();
    for (const a of r.areas) {
      const [surveyed, unlicensed, progress] = [a.surveyed[j], a.unlicensed[j], a.progress[j]];
      if (surveyed !== null && unlicensed !== null && progress !== null)
        areas.set(a.id, { surveyed, unlicensed, progress });
    }
    let end = 0;
    while (end < this.ticker.length && this.ticker[end].frame <= j) end++;
    return {
      at: r.days[j],
      totals: groupAt(r.totals, j),
      byVillage: new Map(Object.entries(r.byVillage).map(([id, g]) => [Number(id), groupAt(g, j)])),
      byCategory,
      heat: heatData(this.spread.positions, weights),
      heatScale,
      ticker: this.ticker.slice(Math.max(0, end - TICKER_ROWS), end).reverse(),
      series: { days: r.days, progress: r.totals.progress, length: j + 1 },
      areas,
    };
  }
}
