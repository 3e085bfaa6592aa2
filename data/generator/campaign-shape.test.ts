import { describe, expect, it } from 'vitest';
import { CATEGORY_CODES, categoryByCode } from '../../server/src/domain/categories';
import { day } from '../../server/src/domain/dates';
import { isUnlicensed, stateAt, statusAt } from '../../server/src/domain/status-at';
import type { Status } from '../../server/src/domain/statuses';
import { generateDemo } from './generate-demo';

const demo = generateDemo();
const fringe = new Set(
  demo.villages.features.filter((v) => v.properties.fringe).map((v) => v.properties.code),
);

/** Every premise's status and licence state on `date`, by the domain's own fold. */
function on(date: string) {
  const at = day(date);
  return demo.premises.map((p) => ({ premise: p, ...statusAt(p.category, p.events, at) }));
}

const operating = (s: Status | null) => s !== null && s !== 'closed' && s !== 'converted';
const done = (s: Status | null) => s === 'compliant' || s === 'model' || s === 'closed' || s === 'converted';

function share<T>(items: T[], test: (item: T) => boolean): number {
  return items.length === 0 ? 0 : items.filter(test).length / items.length;
}

describe('the demo follows the three-year plan', () => {
  it('surveys at least 85% of premises in the first nine months of 2008', () => {
    expect(share(on('2008-10-01'), (x) => x.status !== null)).toBeGreaterThanOrEqual(0.85);
    expect(share(on('2008-01-01'), (x) => x.status !== null)).toBe(0);
  });

  it('starts with 35–50% unlicensed, far more in the urban fringe than elsewhere', () => {
    const surveyed = on('2008-06-30').filter((x) => operating(x.status));
    const overall = share(surveyed, (x) => x.unlicensed);
    expect(overall).toBeGreaterThan(0.35);
    expect(overall).toBeLessThan(0.55);
    const inFringe = share(
      surveyed.filter((x) => fringe.has(x.premise.villageCode)),
      (x) => x.unlicensed,
    );
    const elsewhere = share(
      surveyed.filter((x) => !fringe.has(x.premise.villageCode)),
      (x) => x.unlicensed,
    );
    expect(inFringe).toBeGreaterThan(elsewhere * 1.6);
  });

  it('has model sites in every category by the end of 2008', () => {
    const models = new Set(
      on('2008-12-31')
        .filter((x) => x.status === 'model')
        .map((x) => x.premise.category),
    );
    expect([...models].sort()).toEqual([...CATEGORY_CODES].sort());
  });

  it('makes progress year by year, roughly to the plan', () => {
    const progress = (date: string) =>
      share(
        on(date).filter((x) => x.status !== null),
        (x) => done(x.status),
      );
    expect(progress('2008-12-31')).toBeGreaterThan(0.2);
    expect(progress('2008-12-31')).toBeLessThan(0.5);
    expect(progress('2009-12-31')).toBeGreaterThan(0.7);
    expect(progress('2010-12-31')).toBeGreaterThan(0.9);
    expect(progress('2010-12-31')).toBeLessThan(1);
  });

  it('closes or converts about a tenth of the premises by the end', () => {
    const gone = share(on('2010-12-31'), (x) => x.status === 'closed' || x.status === 'converted');
    expect(gone).toBeGreaterThanOrEqual(0.06);
    expect(gone).toBeLessThanOrEqual(0.15);
  });

  it('ends with unlicensed business near zero, but not zero', () => {
    const open = on('2010-12-31').filter((x) => operating(x.status));
    const unlicensed = share(open, (x) => x.unlicensed);
    expect(unlicensed).toBeGreaterThan(0);
    expect(unlicensed).toBeLessThan(0.03);
  });

  it('has new premises opening in 2010, a few incidents, reopenings and lapsed licences', () => {
    const types = demo.premises.flatMap((p) => p.events.map((e) => e.type));
    expect(demo.premises.filter((p) => p.archiveNo.startsWith('DQ2010-')).length).toBeGreaterThan(20);
    expect(types.filter((t) => t === 'incident').length).toBeGreaterThanOrEqual(2);
    expect(types.filter((t) => t === 'reopened').length).toBeGreaterThanOrEqual(1);
    expect(types.filter((t) => t === 'licence_expired').length).toBeGreaterThan(10);
  });

  it('never records a premise as in order on a day it lacks a required licence', () => {
    for (const p of demo.premises) {
      const category = categoryByCode(p.category);
      if (!category) throw new Error(p.category);
      for (const e of p.events) {
        const inOrder =
          (e.type === 'inspected' && !e.problems?.length) ||
          (e.type === 'reinspected' && e.passed) ||
          e.type === 'upgraded' ||
          e.type === 'model';
        if (inOrder) expect(isUnlicensed(stateAt(p.events, e.day), category, e.day), p.archiveNo).toBe(false);
      }
    }
  });
});
