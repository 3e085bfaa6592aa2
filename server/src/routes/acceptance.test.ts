import { beforeAll, describe, expect, it } from 'vitest';
import { bringInShitang } from '../../../tests/helpers/second-township';
import { accountToken, actingAs, demoApp, emptyApp } from '../../../tests/helpers/test-app';
import type { Db } from '../db/open-database';
import { day } from '../domain/dates';
import { DONE_STATUSES } from '../domain/statuses';
import type { GroupTally } from '../domain/tally';
import type { AcceptanceAnswer, VillageScorecard } from '../pipelines/acceptance';
import type { TargetsVersion } from '../pipelines/acceptance-targets';
import type { AccountabilityAnswer } from '../pipelines/accountability';

type App = Awaited<ReturnType<typeof demoApp>>['app'];
interface Stats extends GroupTally {
  byVillage: Record<string, GroupTally>;
  byCategory: Record<string, GroupTally>;
}
interface ErrorBody {
  error: { code: string; message: string; messageZh?: string; details?: { path: string }[] };
}

async function json<T>(app: App, path: string, init?: RequestInit & { status?: number }): Promise<T> {
  const res = await app.request(path, init);
  const body = await res.json();
  expect(res.status, `${init?.method ?? 'GET'} ${path}: ${JSON.stringify(body)}`).toBe(init?.status ?? 200);
  return body as T;
}
const send = (method: string, body: unknown) => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/**
 * Every village's scorecard for every campaign year against /api/stats on that year's last day:
 * the same surveyed, progress and unlicensed per village; the evidence lists as long as the stats'
 * counts (models, done, unlicensed); each trade's progress and model sites as the stats' category.
 */
async function expectScorecardsEqualStats(app: App, years: number[]) {
  for (const year of years) {
    const acceptance = await json<AcceptanceAnswer>(app, `/api/acceptance?year=${year}`);
    const stats = await json<Stats>(app, `/api/stats?at=${year}-12-31`);
    expect(acceptance.asOf).toBe(`${year}-12-31`);
    expect(acceptance.final).toBe(true);
    expect(acceptance.villages.length).toBe(Object.keys(stats.byVillage).length);
    let counted = 0;
    for (const v of acceptance.villages) {
      const s = stats.byVillage[String(v.id)];
      expect({ id: v.id, surveyed: v.surveyed, progress: v.progress, unlicensed: v.unlicensed }).toEqual({
        id: v.id,
        surveyed: s.surveyed,
        progress: s.progress,
        unlicensed: s.unlicensed,
      });
      const line = (item: string) => v.scores.lines.find((l) => l.item === item);
      expect(line('modelSites')?.count).toBe(s.byStatus.model);
      expect(line('progress')?.count).toBe(DONE_STATUSES.reduce((n, st) => n + s.byStatus[st], 0));
      expect(line('unlicensedShare')?.count).toBe(s.unlicensed);
      counted += v.surveyed;
    }
    expect(counted).toBe(stats.surveyed);
    for (const t of acceptance.trades ?? []) {
      expect([t.code, t.surveyed, t.progress, t.modelSites]).toEqual([
        t.code,
        stats.byCategory[t.code].surveyed,
        stats.byCategory[t.code].progress,
        stats.byCategory[t.code].byStatus.model,
      ]);
    }
  }
}

describe('annual acceptance on the demo township', { timeout: 60_000 }, () => {
  let app: App;
  let db: Db;
  let anonymous: App;
  /** The village with the most premises, and another. */
  let big: number;
  let other: number;

  beforeAll(async () => {
    ({ app, db, anonymous } = await demoApp());
    const answer = await json<AcceptanceAnswer>(app, '/api/acceptance?year=2009');
    const bySize = [...answer.villages].sort((a, b) => b.surveyed - a.surveyed);
    big = bySize[0].id;
    other = bySize[1].id;
  }, 60_000);

  it('scores each village from the record on 31 December: the figures equal /api/stats on that day', async () => {
    await expectScorecardsEqualStats(app, [2008, 2009, 2010]);
  });

  it('names the premises behind every line of a scorecard, each as it stood on the year’s end', async () => {
    // The village of the longest overdue order, so that every line has premises behind it.
    const longest = await json<{ items: { village: { id: number } }[] }>(
      app,
      '/api/worklists/overdue?at=2010-12-31',
    );
    const village = longest.items[0].village.id;
    const card = await json<VillageScorecard>(app, `/api/acceptance/${village}?year=2010`);
    const stats = await json<Stats>(app, `/api/stats?at=2010-12-31&village=${village}`);
    expect(card.facts.surveyed).toBe(stats.surveyed);
    expect(card.facts.rectified.length / card.facts.surveyed).toBeCloseTo(stats.progress, 9);
    const status = new Map(card.premises.map((p) => [p.id, p.status]));
    for (const id of card.facts.models) expect(status.get(id)).toBe('model');
    for (const id of card.facts.rectified) expect(DONE_STATUSES).toContain(status.get(id));
    const named = new Set(card.scorecard.lines.flatMap((l) => l.premises));
    expect(card.premises.map((p) => p.id).sort((a, b) => a - b)).toEqual([...named].sort((a, b) => a - b));
    expect(card.premises.every((p) => p.archiveNo !== '' && p.name !== '')).toBe(true);
    // The overdue line is the work list's overdue premises of the village on that day.
    const overdue = await json<{ items: { premiseId: number }[] }>(
      app,
      `/api/worklists/overdue?at=2010-12-31&village=${village}`,
    );
    expect(card.facts.overdue.length).toBeGreaterThan(0);
    expect([...card.facts.overdue].sort()).toEqual(overdue.items.map((i) => i.premiseId).sort());
  });

  it('pre-fills each year’s targets from the plan and keeps every edit as a new version, with who and when', async () => {
    const plan = await json<{ years: number[]; current: TargetsVersion; history: TargetsVersion[] }>(
      app,
      '/api/targets?year=2009',
    );
    expect(plan.years).toEqual([2008, 2009, 2010]);
    expect(plan.current).toMatchObject({ version: 0, source: 'plan', createdBy: null });
    expect(plan.current.targets.village.progress).toBe(0.8);
    const { year: _year, ...targets } = plan.current.targets;
    const edited = {
      ...targets,
      village: { ...targets.village, progress: 0.05 },
      note: '试行：降低完成率目标',
    };
    const written = await json<TargetsVersion>(app, '/api/targets?year=2009', {
      ...send('PUT', edited),
      status: 201,
    });
    expect(written).toMatchObject({ version: 1, source: 'edited', createdBy: 'test-admin' });
    const after = await json<{ current: TargetsVersion; history: TargetsVersion[] }>(
      app,
      '/api/targets?year=2009',
    );
    expect(after.history.map((h) => [h.version, h.note])).toEqual([
      [1, '试行：降低完成率目标'],
      [0, '依据整治方案的年度目标'],
    ]);
    expect(after.current.targets.village.progress).toBe(0.05);
    const acceptance = await json<AcceptanceAnswer>(app, '/api/acceptance?year=2009');
    expect(acceptance.targetsVersion).toBe(1);
    const v = acceptance.villages.find((x) => x.id === big);
    expect(v?.targets.progress).toBe(0.05);
    expect(v?.scores.lines.find((l) => l.item === 'progress')?.met).toBe((v?.progress ?? 0) >= 0.05);
    // Versions are kept as written: the database refuses to change one.
    expect(() => db.prepare('UPDATE acceptance_targets SET note = ?').run('x')).toThrow(/kept as written/);
  });

  it('takes the team’s adjustments and remarks, signs off, refuses edits until taken back, and audits each', async () => {
    const base = await json<VillageScorecard>(app, `/api/acceptance/${other}?year=2010`);
    const noted = await json<VillageScorecard>(app, `/api/acceptance/${other}?year=2010`, {
      ...send('PUT', {
        adjustments: [{ item: 'other', points: -5, remark: '年内发生一起质量安全事故' }],
        remarks: '整改台账不全',
      }),
    });
    expect(noted.scorecard.adjusted).toBeCloseTo(Math.max(0, base.scorecard.computed - 5), 6);
    expect(noted.record).toMatchObject({ remarks: '整改台账不全', passed: null, signedOffBy: null });
    const signed = await json<VillageScorecard>(app, `/api/acceptance/${other}/sign-off?year=2010`, {
      ...send('POST', { passed: false }),
      status: 201,
    });
    expect(signed.result).toBe('failed');
    expect(signed.record).toMatchObject({
      passed: false,
      signedOffBy: 'test-admin',
      remarks: '整改台账不全',
    });
    expect(signed.record?.snapshot).toMatchObject({ asOf: '2010-12-31', adjusted: noted.scorecard.adjusted });
    const list = await json<AcceptanceAnswer>(app, '/api/acceptance?year=2010');
    expect(list.villages.find((v) => v.id === other)).toMatchObject({
      passed: false,
      signedOffBy: 'test-admin',
      result: 'failed',
    });
    expect(list.summary.failed).toBe(1);

    const refused = await json<ErrorBody>(app, `/api/acceptance/${other}?year=2010`, {
      ...send('PUT', { adjustments: [], remarks: '' }),
      status: 409,
    });
    expect(refused.error.messageZh).toMatch(/已由 test-admin 于 \d{4}-\d\d-\d\d 签署，请先撤回签署/);

    const failed = await json<AccountabilityAnswer>(app, '/api/accountability?year=2010');
    const item = failed.items.find((i) => i.kind === 'acceptance_failed');
    expect(item).toMatchObject({ village: { id: other }, acceptance: { remarks: '整改台账不全' } });

    const reopened = await json<VillageScorecard>(app, `/api/acceptance/${other}/sign-off?year=2010`, {
      method: 'DELETE',
    });
    expect(reopened.record).toMatchObject({ passed: null, signedOffAt: null, remarks: '整改台账不全' });
    const actions = db
      .prepare("SELECT action FROM audit_log WHERE entity = 'acceptance' ORDER BY id")
      .pluck()
      .all();
    expect(actions).toEqual(['update', 'sign_off', 'reopen']);
  });

  it('lists for 问责 the orders past N days with who answers, incidents, and nothing under N days', async () => {
    const overdue = await json<{ items: { premiseId: number; daysOverdue: number }[] }>(
      app,
      '/api/worklists/overdue?at=2010-12-31',
    );
    const byDefault = await json<AccountabilityAnswer>(app, '/api/accountability?year=2010');
    expect(byDefault.days).toBe(60);
    expect(byDefault.counts.overdue).toBe(overdue.items.filter((i) => i.daysOverdue >= 60).length);
    // Half the longest overdue: some orders are past it, some not.
    const days = Math.ceil(Math.max(...overdue.items.map((i) => i.daysOverdue)) / 2);
    const at60 = await json<AccountabilityAnswer>(app, `/api/accountability?year=2010&days=${days}`);
    const expected = overdue.items.filter((i) => i.daysOverdue >= days).map((i) => i.premiseId);
    const listed = at60.items.filter((i) => i.kind === 'overdue');
    expect(listed.map((i) => i.premise?.id).sort()).toEqual(expected.sort());
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThan(overdue.items.length);
    for (const i of listed) {
      expect(i.days).toBeGreaterThanOrEqual(days);
      expect(i.responsible.village?.name).not.toBe('');
      expect(i.responsible.department?.name).toBeTruthy();
    }
    const at1 = await json<AccountabilityAnswer>(app, '/api/accountability?year=2010&days=1');
    expect(at1.counts.overdue).toBe(overdue.items.filter((i) => i.daysOverdue >= 1).length);
    const incidents = Number(
      db
        .prepare("SELECT count(*) FROM events WHERE type = 'incident' AND day BETWEEN ? AND ?")
        .pluck()
        .get(day('2010-01-01'), day('2010-12-31')),
    );
    expect(at60.counts.incident).toBe(incidents);
  });

  it('shows a village officer only their villages, refuses them another’s scorecard, and keeps inspectors and viewers to their grants', async () => {
    const code = String(db.prepare('SELECT code FROM villages WHERE id = ?').pluck().get(big));
    const officer = actingAs(anonymous, accountToken(db, 'cunguan', 'village', { villageCodes: [code] }));
    const mine = await json<AcceptanceAnswer>(officer, '/api/acceptance?year=2009');
    expect(mine.villages.map((v) => v.id)).toEqual([big]);
    expect(mine.trades).toBeNull();
    const everyone = await json<AcceptanceAnswer>(app, '/api/acceptance?year=2009');
    expect(mine.villages[0]).toEqual(everyone.villages.find((v) => v.id === big));
    await json(officer, `/api/acceptance/${big}?year=2009`);
    const refused = await json<ErrorBody>(officer, `/api/acceptance/${other}?year=2009`, { status: 403 });
    expect(refused.error.messageZh).toContain('不在本账号负责的范围内');
    await json(officer, `/api/acceptance/${big}/sign-off?year=2009`, {
      ...send('POST', { passed: true }),
      status: 403,
    });
    const theirs = await json<AccountabilityAnswer>(officer, '/api/accountability?year=2009&days=1');
    expect(theirs.total).toBeGreaterThan(0);
    expect(theirs.items.every((i) => i.village.id === big)).toBe(true);

    const inspector = actingAs(anonymous, accountToken(db, 'gongshang', 'inspector', { department: 'aic' }));
    await json(inspector, '/api/acceptance?year=2009', { status: 403 });
    const viewer = actingAs(anonymous, accountToken(db, 'guanzhong', 'viewer'));
    await json(viewer, '/api/accountability', { status: 403 });
    const leader = actingAs(anonymous, accountToken(db, 'lingdao', 'leader'));
    await json(leader, '/api/targets?year=2009', { ...send('PUT', {}), status: 403 });
  });

  it('answers bad input with what to fix, in Chinese and English', async () => {
    const outside = await json<ErrorBody>(app, '/api/acceptance?year=2015', { status: 400 });
    expect(outside.error.message).toBe(
      "year: 2015 is not a year of the campaign; expected one of the campaign's years: 2008, 2009, 2010",
    );
    expect(outside.error.messageZh).toBe('年度 2015 不在整治期内，应为 2008、2009、2010 年之一');
    const missing = await json<ErrorBody>(app, '/api/acceptance', { status: 400 });
    expect(missing.error.messageZh).toContain('年度未填写');
    await json(app, '/api/acceptance?year=20o9', { status: 400 });
    const unknown = await json<ErrorBody>(app, `/api/acceptance/999999?year=2009`, { status: 404 });
    expect(unknown.error.messageZh).toBe('找不到编号为 999999 的村（社区）');
    // Whatever is wrong with a body, the answer says it in Chinese too (not zod's own English).
    const chinese = /[\u4e00-\u9fff]/;
    for (const [path, method, body] of [
      [`/api/acceptance/${big}?year=2009`, 'PUT', { remarks: 5 }],
      [`/api/acceptance/${big}?year=2009`, 'PUT', { remark: '字段名写错' }],
      [`/api/acceptance/${big}?year=2009`, 'PUT', { adjustments: [{ item: 'other', points: 1, why: '' }] }],
      [`/api/acceptance/${big}/sign-off?year=2009`, 'POST', { passed: true, remarks: ['x'] }],
      [`/api/acceptance/${big}/sign-off?year=2009`, 'POST', { passed: true, by: 'me' }],
      ['/api/targets?year=2010', 'PUT', { year: '2010' }],
      ['/api/targets?year=2010', 'PUT', { note: 7 }],
      ['/api/targets?year=2010', 'PUT', []],
    ] as const) {
      const refused = await json<ErrorBody>(app, path, { ...send(method, body), status: 400 });
      expect(refused.error.message, `${method} ${path} ${JSON.stringify(body)}`).toMatch(chinese);
    }

    const malformed = await json<ErrorBody>(app, `/api/acceptance/${big}?year=2009`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"adjustments": [',
      status: 400,
    });
    expect(malformed.error).toMatchObject({
      message: 'the request body is not valid JSON: check its brackets, quotes and commas',
      messageZh: '请求内容不是有效的 JSON：请检查括号、引号和逗号',
    });
    const zero = await json<ErrorBody>(app, `/api/acceptance/${big}?year=2009`, {
      ...send('PUT', { adjustments: [{ item: 'progress', points: 0, remark: '无' }] }),
      status: 400,
    });
    expect(zero.error.message).toBe(
      'adjustments.0.points: an adjustment of 0 points changes nothing (调整分值不能为 0)',
    );
    const noChoice = await json<ErrorBody>(app, `/api/acceptance/${big}/sign-off?year=2009`, {
      ...send('POST', {}),
      status: 400,
    });
    expect(noChoice.error.message).toContain('请选择通过或不通过');
    const current = await json<{ current: TargetsVersion }>(app, '/api/targets?year=2010');
    const { year: _y, ...targets } = current.current.targets;
    const badPilot = await json<ErrorBody>(app, '/api/targets?year=2010', {
      ...send('PUT', { ...targets, pilotVillages: ['000000000000'] }),
      status: 400,
    });
    expect(badPilot.error.messageZh).toBe('没有代码为 000000000000 的村（社区）（pilotVillages.0）');
    const badShare = await json<ErrorBody>(app, '/api/targets?year=2010', {
      ...send('PUT', { ...targets, village: { ...targets.village, progress: 1.5 } }),
      status: 400,
    });
    expect(badShare.error.message).toBe(
      'village.progress: expected a share from 0 to 1, e.g. 0.8 (整治完成率应为 0 到 1 之间的比例，如 0.8)',
    );
    await json(app, '/api/accountability?days=0', { status: 400 });
  });
});

describe('annual acceptance on 石塘镇, set up from nothing', { timeout: 120_000 }, () => {
  let app: App;

  beforeAll(async () => {
    const booted = await emptyApp();
    app = booted.app;
    await bringInShitang(booted.ctx, { gazetteer: false, survey: 'fixed' });
    // A few records in the first year: an order left unanswered, a model site, an incident.
    const ids = (
      booted.db.prepare('SELECT id FROM premises ORDER BY id LIMIT 3').pluck().all() as number[]
    ).map(Number);
    await json(app, `/api/premises/${ids[0]}/inspections`, {
      ...send('POST', {
        date: '2008-05-06',
        problems: ['unsanitary'],
        order: { deadline: '2008-06-30', responsible: '李村长' },
      }),
      status: 201,
    });
    await json(app, `/api/premises/${ids[1]}/outcomes`, {
      ...send('POST', { date: '2008-07-01', outcome: 'model' }),
      status: 201,
    });
    await json(app, `/api/premises/${ids[2]}/events`, {
      ...send('POST', {
        date: '2008-09-09',
        type: 'incident',
        problems: ['counterfeit'],
        note: '售卖过期食品',
      }),
      status: 201,
    });
  }, 120_000);

  it('scores each village as /api/stats counts it on each year’s end', async () => {
    await expectScorecardsEqualStats(app, [2008, 2009, 2010]);
    const year1 = await json<AcceptanceAnswer>(app, '/api/acceptance?year=2008');
    expect(year1.villages.reduce((n, v) => n + v.surveyed, 0)).toBeGreaterThan(0);
  });

  it('holds the unanswered order and the incident to account, naming the person the order named', async () => {
    const answer = await json<AccountabilityAnswer>(app, '/api/accountability?year=2008');
    expect(answer.counts).toMatchObject({ incident: 1, acceptance_failed: 0 });
    const order = answer.items.find((i) => i.kind === 'overdue');
    expect(order).toMatchObject({ since: '2008-06-30', responsible: { person: '李村长' } });
    expect(order?.days).toBe(184);
    expect(answer.items.find((i) => i.kind === 'incident')?.detail).toContain('售卖过期食品');
  });
});
