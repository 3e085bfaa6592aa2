import { CATEGORY_CODES } from '../categories';
import type { PremiseInput } from '../premise-columns';
import type { PremiseEvent } from '../premise-event';

/** mulberry32: a tiny seeded PRNG for tests, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Epoch day of 2008-01-01, the demo campaign's start. */
export const START_DAY = 13879;

/**
 * Premises for tests: positions in a 0.1° box at (120.2, 30.3) — a third of them on a 0.005° lattice
 * so shapes can pass exactly through them, some stacked on the same spot — with histories that
 * survey, inspect, license, expire, close and reopen at random over three years.
 */
export function randomPremises(count: number, seed = 1): PremiseInput[] {
  const rnd = seededRandom(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const out: PremiseInput[] = [];
  for (let i = 0; i < count; i++) {
    let lng = 120.2 + rnd() * 0.1;
    let lat = 30.3 + rnd() * 0.1;
    if (i % 3 === 0) {
      lng = 120.2 + int(21) * 0.005;
      lat = 30.3 + int(21) * 0.005;
    } else if (i % 17 === 1 && out.length > 0) {
      ({ lng, lat } = out[out.length - 1]);
    }
    const category = CATEGORY_CODES[int(CATEGORY_CODES.length)];
    const events: PremiseEvent[] = [];
    let day = START_DAY + int(400);
    events.push({ day, type: 'surveyed' });
    day += 10 + int(60);
    events.push({ day, type: 'inspected', problems: rnd() < 0.5 ? ['unlicensed'] : [] });
    if (rnd() < 0.7) {
      day += int(200);
      events.push({ day, type: 'licence_obtained', licence: 'business', validToDay: day + 100 + int(500) });
      events.push({ day, type: 'licence_obtained', licence: 'food_trade' });
    }
    const fate = rnd();
    if (fate < 0.3) {
      day += 1 + int(200);
      events.push({ day, type: 'closed' });
      if (rnd() < 0.3) events.push({ day: day + 1 + int(100), type: 'reopened' });
    } else if (fate < 0.51) {
      events.push({ day: day + int(300), type: 'model' });
    }
    out.push({ id: i + 1, lng, lat, category, villageId: 100 + Math.floor((lng - 120.2) * 40), events });
  }
  return out;
}
