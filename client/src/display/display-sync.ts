import {
  DISPLAY_STREAM_PATH,
  type DisplayVillages,
  fetchDisplayAreas,
  fetchDisplayCampaign,
  fetchDisplayReplay,
  fetchDisplaySummary,
  fetchDisplayVillages,
} from './display-api';
import { DisplayFeed } from './display-feed';
import { frameFromSummary, ReplayFrames } from './display-frame';
import { insideVillages } from './display-geo';
import type { DisplayState } from './display-store';

const RETRY_MS = 3000;
/** Spreads the fetches of many screens after one change over a moment (still well under 2 s). */
const JITTER_MS = 300;

type SetState = (partial: Partial<DisplayState>) => void;

/** Milliseconds until the next midnight in China (UTC+8), when "today" moves on. */
export function msUntilChinaMidnight(nowMs: number): number {
  const day = 86_400_000;
  const offset = 8 * 3_600_000;
  return day - ((nowMs + offset) % day);
}

/**
 * Keeps the screen's data current: the campaign and villages once, then on every change the
 * live stream announces (and at midnight, in live mode) the areas and the picture. A failed fetch
 * keeps the last picture, raises the badge, and tries again.
 */
export class DisplaySync {
  private readonly feed: DisplayFeed;
  private readonly abort = new AbortController();
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private inFlight = false;
  private again = false;
  private stopped = false;
  /** The villages once loaded: the heat of a picture is kept inside them. */
  private readonly villages: Promise<DisplayVillages>;
  private villagesLoaded: (v: DisplayVillages) => void = () => {};

  constructor(
    private readonly mode: 'live' | 'replay',
    private readonly set: SetState,
  ) {
    this.villages = new Promise((resolve) => {
      this.villagesLoaded = resolve;
    });
    this.feed = new DisplayFeed({
      url: DISPLAY_STREAM_PATH,
      onChanged: () => this.refresh(Math.random() * JITTER_MS),
      onStatus: (link) => this.set({ link }),
    });
  }

  start(): void {
    void this.loadStatic();
    this.feed.start();
    if (this.mode === 'live') this.scheduleMidnight();
  }

  stop(): void {
    this.stopped = true;
    this.feed.stop();
    this.abort.abort();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.stopped) fn();
    }, ms);
    this.timers.add(t);
  }

  private async loadStatic(): Promise<void> {
    try {
      const signal = this.abort.signal;
      const [campaign, villages] = await Promise.all([
        fetchDisplayCampaign(signal),
        fetchDisplayVillages(signal),
      ]);
      if (!this.stopped) this.set({ campaign, villages });
      this.villagesLoaded(villages);
    } catch {
      if (!this.stopped) this.later(RETRY_MS, () => void this.loadStatic());
    }
  }

  private scheduleMidnight(): void {
    this.later(msUntilChinaMidnight(Date.now()) + 5000, () => {
      this.refresh(0);
      this.scheduleMidnight();
    });
  }

  /** Fetches the picture once, after `delayMs`; calls during a fetch make one more afterwards. */
  private refresh(delayMs: number): void {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    this.later(delayMs, () => void this.fetchPicture());
  }

  private async fetchPicture(): Promise<void> {
    const signal = this.abort.signal;
    let failed = false;
    try {
      const areas = await fetchDisplayAreas(signal);
      if (this.mode === 'live') {
        const summary = await fetchDisplaySummary(signal);
        const inside = insideVillages(await this.villages);
        if (this.stopped) return;
        this.set({ areas, frame: frameFromSummary(summary, inside), fetchFailed: false });
      } else {
        const replay = await fetchDisplayReplay(signal);
        const inside = insideVillages(await this.villages);
        if (this.stopped) return;
        this.set({ areas, replay: new ReplayFrames(replay, inside), fetchFailed: false });
      }
    } catch {
      failed = true;
      if (!this.stopped) this.set({ fetchFailed: true });
    } finally {
      this.inFlight = false;
      if ((failed || this.again) && !this.stopped) {
        this.again = false;
        this.refresh(failed ? RETRY_MS : 0);
      }
    }
  }
}
