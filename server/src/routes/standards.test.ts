import { describe, expect, it } from 'vitest';
import { accountToken, actingAs, demoApp } from '../../../tests/helpers/test-app';
import { CATEGORY_CODES } from '../domain/categories';
import type { Standard } from '../domain/inspection/standard';
import { daysAgo, newPremise, pointIn, send, sendOk, villages } from './premise-writes.fixture';

const lpgItems = [
  {
    code: 'licence.gas_supply',
    text: '持有有效的燃气经营许可证',
    textEn: 'Holds a gas supply permit',
    problem: 'unlicensed',
  },
  {
    code: 'lpg.cylinder_inspection',
    text: '钢瓶定期检验',
    textEn: 'Cylinders inspected',
    problem: 'substandard_facilities',
  },
];

const slimRestaurant = {
  code: 'licence.catering',
  text: '持有有效的餐饮服务许可证',
  textEn: 'Holds a valid catering permit',
  problem: 'unlicensed',
};

describe('standards per trade', () => {
  it('seeds a checklist for every trade from the plan’s key problems and the licences it needs', async () => {
    const { app } = await demoApp();
    const { standards } = await sendOk<{ standards: Standard[] }>(
      app,
      'GET',
      '/api/standards',
      undefined,
      200,
    );
    expect(standards.map((s) => s.category).sort()).toEqual([...CATEGORY_CODES].sort());
    const restaurant = standards.find((s) => s.category === 'restaurant') as Standard;
    expect(restaurant.version).toBe(1);
    const codes = restaurant.items.map((i) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'licence.business',
        'licence.catering',
        'staff.health_cert',
        'facilities.disinfection',
      ]),
    );
    const problems = new Set(restaurant.items.map((i) => i.problem));
    expect([...problems].sort()).toEqual([
      'counterfeit',
      'out_of_scope',
      'substandard_facilities',
      'unlicensed',
      'unsanitary',
    ]);
    const lpg = standards.find((s) => s.category === 'lpg_point') as Standard;
    expect(lpg.items.map((i) => i.code)).toContain('lpg.cylinder_inspection');
    expect(standards.find((s) => s.category === 'pharmacy')?.items.map((i) => i.code)).toContain(
      'pharmacy.pharmacist',
    );
  });

  it('keeps every version: an inspection uses the current one unless it names an older one it worked from', async () => {
    const { app, db } = await demoApp();
    const written = await sendOk<Standard>(
      app,
      'PUT',
      '/api/standards/restaurant',
      { items: [slimRestaurant], note: '精简' },
      201,
    );
    expect(written).toMatchObject({
      category: 'restaurant',
      version: 2,
      createdBy: 'test-admin',
      note: '精简',
    });
    const all = await sendOk<{ versions: Standard[] }>(
      app,
      'GET',
      '/api/standards/restaurant',
      undefined,
      200,
    );
    expect(all.versions.map((v) => v.version)).toEqual([2, 1]);
    const file = await newPremise(app, pointIn(villages(db)[0]));
    const path = `/api/premises/${file.id}/inspections`;
    const current = await sendOk<{ record: { checklist: { version: number; items: unknown[] } } }>(
      app,
      'POST',
      path,
      { date: daysAgo(5), items: [{ code: 'licence.catering', passed: true }] },
      201,
    );
    expect(current.record.checklist).toMatchObject({
      version: 2,
      items: [{ code: 'licence.catering', passed: true }],
    });
    const older = await sendOk<{ record: { checklist: { version: number } } }>(
      app,
      'POST',
      path,
      { date: daysAgo(4), standardVersion: 1, items: [{ code: 'facilities.fume', passed: true }] },
      201,
    );
    expect(older.record.checklist.version).toBe(1);
    expect((await send(app, 'POST', path, { date: daysAgo(3), standardVersion: 7 })).status).toBe(400);
  });

  it('is written by the admin only, and checked', async () => {
    const { app, db } = await demoApp();
    const officer = actingAs(
      app,
      accountToken(db, 'cunguan', 'village', { villageCodes: [villages(db)[0].code] }),
    );
    expect((await send(officer, 'GET', '/api/standards/restaurant')).status).toBe(200);
    expect((await send(officer, 'PUT', '/api/standards/restaurant', { items: lpgItems })).status).toBe(403);
    const twice = await send(app, 'PUT', '/api/standards/lpg_point', { items: [lpgItems[0], lpgItems[0]] });
    expect(twice.status).toBe(400);
    expect(((await twice.json()) as { error: { message: string } }).error.message).toMatch(/used twice/);
    expect((await send(app, 'PUT', '/api/standards/lpg_point', { items: [] })).status).toBe(400);
    expect((await send(app, 'PUT', '/api/standards/bakery', { items: lpgItems })).status).toBe(404);
  });
});
