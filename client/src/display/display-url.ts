/** What the big screen shows, all from its URL: nobody is there to click. */
export interface DisplayOptions {
  /** live: today's state, updated when the data changes; replay: the three years in a loop. */
  mode: 'live' | 'replay';
  /** Seconds per village when touring them; null: no tour. */
  rotateSeconds: number | null;
  /** A village to focus on (its numbers, its map); null: the whole township. */
  village: number | null;
  lang: 'zh' | 'en';
  /** Seconds the replay takes over the campaign, before holding on the end state. */
  cycleSeconds: number;
}

export const DEFAULT_CYCLE_SECONDS = 60;
const MIN_ROTATE_SECONDS = 5;

function positive(text: string | null): number | null {
  if (text === null || !/^\d+(\.\d+)?$/.test(text)) return null;
  const n = Number(text);
  return n > 0 ? n : null;
}

/** Reads the options from a query string; anything malformed falls back to the default. */
export function parseDisplayOptions(search: string): DisplayOptions {
  const q = new URLSearchParams(search);
  const rotate = positive(q.get('rotate'));
  const village = positive(q.get('village'));
  return {
    mode: q.get('mode') === 'replay' ? 'replay' : 'live',
    rotateSeconds: rotate === null ? null : Math.max(MIN_ROTATE_SECONDS, rotate),
    village: village !== null && Number.isInteger(village) ? village : null,
    lang: q.get('lang') === 'en' ? 'en' : 'zh',
    cycleSeconds: Math.max(10, positive(q.get('cycle')) ?? DEFAULT_CYCLE_SECONDS),
  };
}
