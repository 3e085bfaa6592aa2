import { describe, expect, it } from 'vitest';
import { demoApp } from '../../../tests/helpers/test-app';
import type { PremiseFile } from '../http/premise-file';
import { daysAgo, newPremise, pointIn, send, sendOk, stats, today, villages } from './premise-writes.fixture';

describe('licences on the file', () => {
  it('adding the licences a trade needs takes a premise off “unlicensed”; ending one puts it back', async () => {
    const { app, db } = await demoApp();
    const start = await stats(app);
    const file = await newPremise(app, pointIn(villages(db)[0]));
    expect((await stats(app)).unlicensed).toBe(start.unlicensed + 1);
    for (const [licence, licenceNo] of [
      ['business', '330104000012345'],
      ['catering', '餐饮证字2024第001号'],
    ])
      await sendOk(
        app,
        'POST',
        `/api/premises/${file.id}/licences`,
        { licence, licenceNo, validFrom: daysAgo(10), validTo: '2099-12-31' },
        201,
      );
    expect((await stats(app)).unlicensed).toBe(start.unlicensed);
    const ended = await sendOk<{ record: { type: string; licence: string; actor: string } }>(
      app,
      'POST',
      `/api/premises/${file.id}/licences/catering/end`,
      { date: today(), note: '许可证被注销' },
      201,
    );
    expect(ended.record).toMatchObject({ type: 'licence_expired', licence: 'catering', actor: 'test-admin' });
    expect((await stats(app)).unlicensed).toBe(start.unlicensed + 1);
    const again = await send(app, 'POST', `/api/premises/${file.id}/licences/catering/end`, {
      date: today(),
    });
    expect(again.status).toBe(409);
  });

  it('records a licence that started before the survey on the survey day, noting its real start', async () => {
    const { app, db } = await demoApp();
    const file = await newPremise(app, pointIn(villages(db)[0]));
    await sendOk(
      app,
      'POST',
      `/api/premises/${file.id}/licences`,
      { licence: 'business', licenceNo: '330104000099999', validFrom: daysAgo(400) },
      201,
    );
    const after = await sendOk<PremiseFile>(app, 'GET', `/api/premises/${file.id}`, undefined, 200);
    expect(after.events.at(-1)).toMatchObject({ date: daysAgo(30), note: `有效期自 ${daysAgo(400)}` });
  });

  it('refuses a licence the trade does not need, a period that ends before it starts, a future start', async () => {
    const { app, db } = await demoApp();
    const file = await newPremise(app, pointIn(villages(db)[0]));
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { licence: 'drug_trade', licenceNo: '1', validFrom: daysAgo(1) },
        /licence: a 小餐饮店 needs business/,
      ],
      [
        { licence: 'business', licenceNo: '1', validFrom: daysAgo(1), validTo: daysAgo(5) },
        /validTo: .* is before validFrom/,
      ],
      [{ licence: 'business', licenceNo: '1', validFrom: '2999-01-01' }, /validFrom: .* is in the future/],
      [
        { licence: 'business', licenceNo: 'x'.repeat(65), validFrom: daysAgo(1) },
        /licenceNo: .*64 characters/,
      ],
    ];
    for (const [body, message] of cases) {
      const res = await send(app, 'POST', `/api/premises/${file.id}/licences`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
  });
});
