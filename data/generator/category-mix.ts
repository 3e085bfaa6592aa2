import { CATEGORY_CODES, type CategoryCode } from '../../server/src/domain/categories';
import type { Rng } from './prng';

/** Relative frequency of each category among a township's small premises. */
const CATEGORY_WEIGHTS: Readonly<Record<CategoryCode, number>> = {
  grocery: 29,
  restaurant: 25,
  beauty_salon: 9,
  food_workshop: 7,
  agri_supply: 6.5,
  pharmacy: 6,
  passenger_transport: 5,
  market: 3,
  lpg_point: 1.8,
  audio_video: 1.7,
};

/**
 * Exactly `n` categories in the weights' proportions (largest remainder), shuffled; every category
 * appears at least once when n allows, so each can have its model site.
 */
export function categoryMix(rng: Rng, n: number): CategoryCode[] {
  const total = CATEGORY_CODES.reduce((sum, c) => sum + CATEGORY_WEIGHTS[c], 0);
  const exact = CATEGORY_CODES.map((c) => (n * CATEGORY_WEIGHTS[c]) / total);
  const counts = exact.map((x) => (n >= CATEGORY_CODES.length ? Math.max(1, Math.floor(x)) : Math.floor(x)));
  let left = n - counts.reduce((a, b) => a + b, 0);
  const byRemainder = CATEGORY_CODES.map((_, i) => i).sort(
    (a, b) => exact[b] - counts[b] - (exact[a] - counts[a]),
  );
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length, left--) counts[byRemainder[k]]++;
  for (let k = byRemainder.length - 1; left < 0; k = (k + byRemainder.length - 1) % byRemainder.length) {
    const i = byRemainder[k];
    if (counts[i] > 1) {
      counts[i]--;
      left++;
    }
  }
  const out: CategoryCode[] = [];
  CATEGORY_CODES.forEach((c, i) => {
    for (let k = 0; k < counts[i]; k++) out.push(c);
  });
  return rng.shuffle(out);
}
