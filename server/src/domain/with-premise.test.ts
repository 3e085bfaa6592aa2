import { describe, expect, it } from 'vitest';
import { day } from './dates';
import { buildColumns, type PremiseInput } from './premise-columns';
import { withPremise, withPremises } from './with-premise';

const premise = (id: number, lng: number, closedOn?: string): PremiseInput => ({
  id,
  lng,
  lat: 30.35,
  category: 'grocery',
  villageId: 7,
  events: [
    { day: day('2008-02-01'), type: 'surveyed' },
    { day: day('2008-06-01'), type: 'upgraded' },
    ...(closedOn ? [{ day: day(closedOn), type: 'closed' as const }] : []),
  ],
});

const plain = (c: ReturnType<typeof buildColumns>) => ({
  id: [...c.id],
  lng: [...c.lng],
  intervalStart: [...c.intervalStart],
  intervalPremise: [...c.intervalPremise],
  status: [...c.status],
  fromDay: [...c.fromDay],
  toDay: [...c.toDay],
});

describe('withPremise', () => {
  const base = [premise(1, 120.1), premise(2, 120.2, '2009-01-01'), premise(3, 120.3)];

  it('replacing a premise equals building from scratch', () => {
    const changed = premise(2, 120.25);
    const updated = withPremise(buildColumns(base), changed);
    expect(plain(updated)).toEqual(plain(buildColumns([base[0], changed, base[2]])));
    expect(updated.index.range(120.24, 30, 120.26, 31)).toEqual([1]);
  });

  it('adding a premise equals building from scratch, and leaves the old columns alone', () => {
    const old = buildColumns(base);
    const snapshot = plain(old);
    const added = withPremise(old, premise(9, 120.4, '2010-01-01'));
    expect(plain(added)).toEqual(plain(buildColumns([...base, premise(9, 120.4, '2010-01-01')])));
    expect(added.rowOf.get(9)).toBe(3);
    expect(plain(old)).toEqual(snapshot);
    expect(old.rowOf.has(9)).toBe(false);
  });
});

describe('withPremises (an import: many at once)', () => {
  const base = [premise(1, 120.1), premise(2, 120.2, '2009-01-01'), premise(3, 120.3), premise(4, 120.4)];

  it('replacing some and adding others equals building from scratch, and leaves the old columns alone', () => {
    const old = buildColumns(base);
    const before = plain(old);
    const changed = [
      premise(3, 120.35, '2009-03-01'),
      premise(2, 120.2),
      premise(7, 120.7),
      premise(5, 120.5, '2010-01-01'),
    ];
    const updated = withPremises(old, changed);
    expect(plain(updated)).toEqual(
      plain(buildColumns([base[0], changed[1], changed[0], base[3], changed[2], changed[3]])),
    );
    expect(updated.rowOf.get(7)).toBe(4);
    expect(updated.index.range(120.34, 30, 120.36, 31)).toEqual([2]);
    expect(updated.index.range(120.69, 30, 120.71, 31)).toEqual([4]);
    expect(plain(old)).toEqual(before);
    expect(old.rowOf.has(7)).toBe(false);
  });

  it('gives the same columns as one withPremise after another', () => {
    const changed = [premise(9, 121), premise(1, 120.1, '2008-12-01'), premise(10, 121.1)];
    const oneByOne = changed.reduce(withPremise, buildColumns(base));
    expect(plain(withPremises(buildColumns(base), changed))).toEqual(plain(oneByOne));
  });
});
