import { describe, expect, it } from 'vitest';
import { type LocatedPremise, reviewQueue } from './review-queue';
import { testGazetteer } from './test-gazetteer.fixture';

const premise = (
  id: number,
  address: string,
  lngLat: [number, number],
  method: LocatedPremise['method'],
): LocatedPremise => ({
  id,
  archiveNo: `DQ-${id}`,
  name: `店${id}`,
  address,
  villageId: 1,
  lngLat,
  method,
});

describe('reviewQueue', () => {
  it('lists village fallbacks and conflicts, not good points nor points placed by hand', () => {
    const items = reviewQueue(
      [
        premise(1, '大唐村1组23号', [120.203, 30.302], 'address_point'),
        premise(2, '三义村5组12号', [120.215, 30.315], 'village_fallback'),
        premise(3, '三义村长睦路101号', [120.205, 30.3051], 'road_interpolation'),
        premise(4, '三义村5组13号', [120.205, 30.305], 'manual'),
      ],
      [],
      testGazetteer(),
    );
    expect(items.map((i) => [i.premiseId, i.reasons])).toEqual([
      [2, ['low_confidence']],
      [3, ['conflict']],
    ]);
    expect(items[1]).toMatchObject({
      villageInAddress: { id: 4, name: '三义村' },
      villageAtPoint: { id: 1, name: '大唐村' },
      conflict: true,
      confidence: 0.8,
    });
  });

  it('shows what an importer recorded, unmatched included', () => {
    const [item] = reviewQueue(
      [premise(7, '火星路1号', [120.205, 30.305], 'village_fallback')],
      [{ premiseId: 7, method: null, confidence: 0, matchedText: '' }],
      testGazetteer(),
    );
    expect(item).toMatchObject({
      premiseId: 7,
      method: null,
      confidence: 0,
      reasons: ['unmatched'],
      suggestion: null,
    });
  });

  it('suggests the gazetteer’s better answer when it has learnt the address since', () => {
    const [item] = reviewQueue(
      [premise(5, '大唐村1组23号', [120.205, 30.305], 'village_fallback')],
      [],
      testGazetteer(),
    );
    expect(item.suggestion).toMatchObject({ method: 'address_point', lngLat: [120.203, 30.302] });
  });
});
