import { describe, expect, it } from 'vitest';
import { accountToken, actingAs, demoApp } from '../../../tests/helpers/test-app';
import { departmentCategories } from '../domain/auth/roles';
import { formatDay, todayInChina } from '../domain/dates';
import { daysAgo, newPremise, pointIn, send, villages } from './premise-writes.fixture';

type App = Awaited<ReturnType<typeof demoApp>>['app'];

/** The status and both messages of a refusal. */
async function refusal(app: App, path: string, body: unknown) {
  const res = await send(app, 'POST', path, body);
  const { error } = (await res.json()) as { error: { message: string; messageZh?: string } };
  return { status: res.status, message: error.message, messageZh: error.messageZh };
}

describe('refusals the page shows in Chinese (messageZh), with the English unchanged', {
  timeout: 60_000,
}, () => {
  it('says in Chinese what is wrong and what to do, across premises, inspections, licences, tasks and 双随机', async () => {
    const { app, db } = await demoApp();
    const today = formatDay(todayInChina());
    const file = await newPremise(app, pointIn(villages(db)[0]));

    expect(
      await refusal(app, '/api/premises', {
        name: '测试小吃店',
        category: 'restaurant',
        address: '丁桥镇测试路2号',
        lngLat: pointIn(villages(db)[0]),
        surveyDate: '2999-01-01',
      }),
    ).toEqual({
      status: 400,
      message: `surveyDate: 2999-01-01 is in the future (today is ${today})`,
      messageZh: `建档日期：2999-01-01 晚于今天（${today}），请填写实际建档的日期`,
    });

    const inspection = {
      date: daysAgo(10),
      items: [{ code: 'staff.health_cert', passed: false }],
    };
    const noOrder = await refusal(app, `/api/premises/${file.id}/inspections`, inspection);
    expect([noOrder.status, noOrder.messageZh]).toEqual([
      400,
      '整改通知：检查发现问题（unsanitary），须下达整改通知；请填写整改期限和责任人',
    ]);
    const early = daysAgo(20);
    const lateOrder = await refusal(app, `/api/premises/${file.id}/inspections`, {
      ...inspection,
      order: { deadline: early, responsible: '王测试' },
    });
    expect(lateOrder).toEqual({
      status: 400,
      message: `order.deadline: ${early} is before the record's date`,
      messageZh: `整改期限：${early} 早于本次记录的日期，整改期限应在记录日期当天或之后`,
    });

    const licence = await refusal(app, `/api/premises/${file.id}/licences`, {
      licence: 'business',
      licenceNo: '1',
      validFrom: daysAgo(1),
      validTo: daysAgo(5),
    });
    expect([licence.status, licence.messageZh]).toEqual([
      400,
      `有效期至：${daysAgo(5)} 早于发证日期 ${daysAgo(1)}，请核对证照上的日期`,
    ]);

    accountToken(db, 'gs-a', 'inspector', { department: 'aic' });
    const shape = await refusal(app, '/api/tasks', {
      geometry: { type: 'Point', coordinates: [120, 30] },
      assignee: { kind: 'user', username: 'gs-a' },
      due: '2009-07-31',
    });
    expect([shape.status, shape.messageZh]).toEqual([
      400,
      '范围：范围应是一个多边形（面），请在地图上重新画出范围',
    ]);

    const draw = await refusal(app, '/api/draws', {
      filter: { at: '2009-06-30', categories: departmentCategories('aic') },
      premises: 2,
      pool: ['gs-a'],
      perTeam: 2,
      due: '2009-07-31',
    });
    expect(draw).toEqual({
      status: 422,
      message: 'pool: a team of 2 needs at least 2 inspectors; the pool has 1',
      messageZh: '检查人员：每组 2 人，至少需要 2 名检查人员，名单中只有 1 名；请增加人员或减少每组人数',
    });
  });

  it('tells a village officer in Chinese that a premise elsewhere is not theirs', async () => {
    const { app, db } = await demoApp();
    const [home, other] = villages(db);
    const file = await newPremise(app, pointIn(other));
    const officer = actingAs(app, accountToken(db, 'cun-test', 'village', { villageCodes: [home.code] }));
    const res = await officer.request(`/api/premises/${file.id}`);
    expect(res.status).toBe(403);
    const { error } = (await res.json()) as { error: { messageZh?: string } };
    expect(error.messageZh).toBe(`经营户 ${file.id} 不在本账号负责的村（社区）或行业范围内，无权查看或修改`);
  });
});
