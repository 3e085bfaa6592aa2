import { CATEGORY_CODES } from '@domain/categories';
import { day } from '@domain/dates';
import { buildColumns, type PremiseInput } from '@domain/premise-columns';
import type { PremiseEvent } from '@domain/premise-event';
import { premisesForTest } from './premises-fixture';

/** Campaign start of the test township. */
export const START_DAY = day('2008-01-01');
const start = START_DAY;

/** A small deterministic township: premises with varied histories, as the server would model them. */
export function township(): PremiseInput[] {
  const out: PremiseInput[] = [];
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < 120; i++) {
    const category = CATEGORY_CODES[i % CATEGORY_CODES.length];
    const surveyed = start + Math.floor(rand() * 300);
    const events: PremiseEvent[] = [{ day: surveyed, type: 'surveyed' }];
    if (rand() < 0.5) {
      events.push({
        day: surveyed + 30,
        type: 'licence_obtained',
        licence: 'business',
        validToDay: surveyed + 400,
      });
    }
    if (rand() < 0.7) events.push({ day: surveyed + 60, type: 'inspected', problems: ['unsanitary'] });
    if (rand() < 0.6) events.push({ day: surveyed + 90, type: 'ordered', deadlineDay: surveyed + 120 });
    if (rand() < 0.5) events.push({ day: surveyed + 130, type: 'reinspected', passed: true });
    const fate = rand();
    if (fate < 0.2) events.push({ day: surveyed + 200, type: 'model' });
    else if (fate < 0.36) events.push({ day: surveyed + 220, type: 'closed' });
    else if (fate < 0.44) events.push({ day: surveyed + 240, type: 'converted' });
    out.push({
      id: 1000 + i,
      lng: 120 + rand() / 10,
      lat: 30 + rand() / 10,
      category,
      villageId: 1 + (i % 5),
      events,
    });
  }
  return out;
}

/** The server's columns for the premises and the binary layer it would send. */
export function townshipLayer(premises: PremiseInput[]) {
  const cols = buildColumns(premises);
  const layer = premisesForTest({
    startDay: start,
    premises: premises.map((p, i) => ({
      id: p.id,
      lng: p.lng,
      lat: p.lat,
      category: cols.category[i],
      village: p.villageId,
    })),
    intervals: [...cols.intervalPremise].map((premise, k) => ({
      premise,
      status: cols.status[k],
      unlicensed: cols.unlicensed[k],
      from: cols.fromDay[k] - start,
      to: cols.toDay[k] - start,
    })),
  });
  return { cols, layer };
}
