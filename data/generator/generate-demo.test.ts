import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { CATEGORY_CODES, categoryByCode } from '../../server/src/domain/categories';
import { EVENT_TYPE_KEYS, PROBLEM_KEYS } from '../../server/src/domain/event-types';
import { generateDemo } from './generate-demo';
import { idCheckDigit } from './id-number';

const demo = generateDemo();
const villageByCode = new Map(demo.villages.features.map((v) => [v.properties.code, v]));

describe('generateDemo', () => {
  it('makes the same demo from the same seed and another from another seed', () => {
    const again = generateDemo({ premises: 300 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(generateDemo({ premises: 300 })));
    expect(JSON.stringify(generateDemo({ premises: 300, seed: 7 }))).not.toBe(JSON.stringify(again));
  });

  it('describes the campaign', () => {
    expect(demo.campaign).toEqual({
      name: '十小整治三年行动',
      nameEn: 'Ten Small Industries Campaign',
      township: '丁桥镇',
      townshipEn: 'Dingqiao',
      townshipCode: '330104010000',
      townshipOtherNames: ['丁兰街道', '丁兰街道办事处'],
      province: '浙江省',
      city: '杭州市',
      district: '江干区',
      districtCode: '330104',
      districtOtherNames: ['上城区'],
      start: '2008-01-01',
      end: '2010-12-31',
      sample: true,
      seed: 2008,
    });
  });

  it('has one township, 丁桥镇, and 16–20 villages with unique 12-digit codes under it', () => {
    expect(demo.townships.features.map((t) => t.properties)).toEqual([
      { code: '330104010000', name: '丁桥镇' },
    ]);
    const codes = demo.villages.features.map((v) => v.properties.code);
    expect(codes.length).toBeGreaterThanOrEqual(16);
    expect(codes.length).toBeLessThanOrEqual(20);
    expect(new Set(codes).size).toBe(codes.length);
    for (const v of demo.villages.features) {
      expect(v.properties.code).toMatch(/^330104010\d{3}$/);
      expect(v.properties.townshipCode).toBe('330104010000');
      // 社区 0xx, 村 2xx, as in the national scheme.
      expect(v.properties.code[9]).toBe(v.properties.kind === 'community' ? '0' : '2');
      expect(v.properties.name.endsWith(v.properties.kind === 'community' ? '社区' : '村')).toBe(true);
    }
  });

  it('marks 3–5 fringe villages in the southwest and 3–4 pilot villages', () => {
    const fringe = demo.villages.features.filter((v) => v.properties.fringe);
    const pilots = demo.villages.features.filter((v) => v.properties.pilot);
    expect(fringe.length).toBeGreaterThanOrEqual(3);
    expect(fringe.length).toBeLessThanOrEqual(5);
    expect(pilots.length).toBeGreaterThanOrEqual(3);
    expect(pilots.length).toBeLessThanOrEqual(4);
    const southwest = (v: (typeof fringe)[number]) => {
      const ring = v.geometry.coordinates[0];
      return -ring.reduce((s, p) => s + p[0] + p[1], 0) / ring.length;
    };
    const others = demo.villages.features.filter((v) => !v.properties.fringe);
    expect(Math.min(...fringe.map(southwest))).toBeGreaterThan(Math.max(...others.map(southwest)) - 0.01);
  });

  it('has a basemap of main and village roads, a river, a canal, hills, a market and village seats', () => {
    const classes = demo.basemap.features.map((f) => `${f.properties.layer}/${f.properties.class}`);
    for (const c of [
      'road/main',
      'road/village',
      'water/river',
      'water/canal',
      'hill/hill',
      'place/market',
    ]) {
      expect(classes).toContain(c);
    }
    expect(classes.filter((c) => c === 'place/village_centre')).toHaveLength(demo.villages.features.length);
    expect(
      new Set(
        demo.basemap.features.filter((f) => f.properties.class === 'main').map((f) => f.properties.name),
      ).size,
    ).toBe(3);
  });

  it('has 1,200 premises with unique archive numbers in the survey-year style', () => {
    expect(demo.premises).toHaveLength(1200);
    const numbers = demo.premises.map((p) => p.archiveNo);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) expect(n).toMatch(/^DQ20(08|09|10)-\d{4}$/);
  });

  it('places every premise inside the village it is assigned to', () => {
    for (const p of demo.premises) {
      const village = villageByCode.get(p.villageCode);
      expect(village?.properties.name).toBe(p.villageName);
      expect(village && booleanPointInPolygon(p.lngLat, village), p.archiveNo).toBe(true);
      expect(p.lngLat.every((x) => Math.round(x * 1e6) / 1e6 === x)).toBe(true);
    }
  });

  it('mixes categories like a real township: groceries and restaurants most, LPG and audio-video fewest', () => {
    const counts = Object.fromEntries(
      CATEGORY_CODES.map((c) => [c, demo.premises.filter((p) => p.category === c).length]),
    );
    const ranked = [...CATEGORY_CODES].sort((a, b) => counts[b] - counts[a]);
    expect(ranked.slice(0, 2).sort()).toEqual(['grocery', 'restaurant']);
    expect(ranked.slice(-2).sort()).toEqual(['audio_video', 'lpg_point']);
    expect(Math.min(...Object.values(counts))).toBeGreaterThan(0);
  });

  it('fills the survey columns in plausible forms', () => {
    for (const p of demo.premises) {
      expect(p.phone).toMatch(/^1[358]\d{9}$/);
      expect(p.idNumber).toMatch(/^\d{17}[\dX]$/);
      expect(p.idNumber[17]).toBe(idCheckDigit(p.idNumber));
      expect(p.name.length).toBeGreaterThan(2);
      expect(p.address).toMatch(/号(商铺)?$/);
    }
    const withPrefix = demo.premises.filter((p) => p.address.startsWith('杭州市江干区丁桥镇')).length;
    expect(withPrefix).toBeGreaterThan(0);
    expect(withPrefix).toBeLessThan(demo.premises.length / 2);
    expect(new Set(demo.premises.map((p) => p.geocodeMethod))).toEqual(
      new Set(['address_point', 'road_interpolation', 'village_fallback', 'manual']),
    );
  });

  it('gives every premise records sorted by day that start with its survey and fit the rule book', () => {
    const end = Date.UTC(2010, 11, 31) / 86_400_000;
    for (const p of demo.premises) {
      const required = categoryByCode(p.category)?.licences ?? [];
      expect(p.events[0].type, p.archiveNo).toBe('surveyed');
      expect(p.events.filter((e) => e.type === 'surveyed')).toHaveLength(1);
      let closed = false;
      p.events.forEach((e, i) => {
        if (i > 0) expect(e.day).toBeGreaterThanOrEqual(p.events[i - 1].day);
        expect(e.day).toBeLessThanOrEqual(end);
        expect(EVENT_TYPE_KEYS).toContain(e.type);
        for (const problem of e.problems ?? []) expect(PROBLEM_KEYS).toContain(problem);
        if (e.licence) expect(required).toContain(e.licence);
        if (e.type === 'ordered') expect(e.deadlineDay).toBeGreaterThan(e.day);
        if (e.type === 'reinspected') expect(typeof e.passed).toBe('boolean');
        // Once closed, only a reopening (or paperwork) follows.
        if (closed && !e.type.startsWith('licence_')) expect(e.type, p.archiveNo).toBe('reopened');
        if (e.type === 'closed' || e.type === 'converted') closed = true;
        if (e.type === 'reopened') closed = false;
      });
    }
  });
});

describe('generateDemo with several townships', () => {
  const big = generateDemo({ premises: 2000, townships: 3 });

  it('splits the premises over townships with distinct codes, names and villages', () => {
    const codes = big.townships.features.map((t) => t.properties.code);
    expect(codes).toEqual(['330104010000', '330104011000', '330104012000']);
    expect(new Set(big.townships.features.map((t) => t.properties.name)).size).toBe(3);
    const villageCodes = big.villages.features.map((v) => v.properties.code);
    expect(new Set(villageCodes).size).toBe(villageCodes.length);
    expect(new Set(big.villages.features.map((v) => v.properties.name)).size).toBe(villageCodes.length);
    const perTownship = codes.map((c) => big.premises.filter((p) => p.townshipCode === c).length);
    expect(perTownship).toEqual([667, 667, 666]);
    expect(new Set(big.premises.map((p) => p.archiveNo)).size).toBe(2000);
  });

  it('lays the townships side by side without overlap', () => {
    const boxes = big.townships.features.map((t) => {
      const ring = t.geometry.coordinates[0];
      return [Math.min(...ring.map((p) => p[0])), Math.max(...ring.map((p) => p[0]))];
    });
    expect(boxes[0][1]).toBeLessThan(boxes[1][0]);
    expect(boxes[1][1]).toBeLessThan(boxes[2][0]);
  });
});
