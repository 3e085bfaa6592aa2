import { dayParts } from '../../server/src/domain/dates';
import { workday } from './calendar';
import { categoryMix } from './category-mix';
import { planHistories } from './history-plan';
import { PremisePlacer } from './placement';
import { draftPremise } from './premise-draft';
import { premiseHistory } from './premise-history';
import { mixSeed, Rng } from './prng';
import type { TownshipLayout } from './township-layout';
import type { DemoPremise } from './types';

/**
 * `count` premises of one township with their histories, in archive-number order: numbers run
 * per survey year in the order premises were surveyed (DQ2008-0001, …, DQ2010-0042).
 */
export function* townshipPremises(
  seed: number,
  layout: TownshipLayout,
  count: number,
): Generator<DemoPremise> {
  const rng = new Rng(mixSeed(seed, 2000 + layout.index));
  const placer = new PremisePlacer(layout, rng);
  const marketName = `${layout.stem}农贸市场`;
  const drafts = categoryMix(rng, count).map((category) =>
    draftPremise(rng, layout, placer, category, marketName),
  );
  const plans = planHistories(
    rng,
    drafts.map((d) => ({
      category: d.category,
      fringe: d.placement.village.fringe,
      pilot: d.placement.village.pilot,
    })),
  );
  const surveyed = plans.map((p) => workday(p.surveyDay));
  const order = drafts.map((_, i) => i).sort((a, b) => surveyed[a] - surveyed[b] || a - b);
  const width = Math.max(4, String(count).length);
  const lastNumber = new Map<number, number>();
  // Records are made as each premise is taken, so a big run's premises die young.
  for (const i of order) {
    const { placement, ...draft } = drafts[i];
    const year = dayParts(surveyed[i]).year;
    const number = (lastNumber.get(year) ?? 0) + 1;
    lastNumber.set(year, number);
    const ctx = { category: draft.category, pilot: placement.village.pilot };
    yield {
      archiveNo: `${layout.archivePrefix}${year}-${String(number).padStart(width, '0')}`,
      ...draft,
      events: premiseHistory(new Rng(mixSeed(seed, layout.index, i)), plans[i], ctx),
    };
  }
}
