import { describe, expect, it } from 'vitest';
import { accountToken, actingAs, demoApp, getJson } from '../../../tests/helpers/test-app';
import { formatDay, todayInChina } from '../domain/dates';
import type { PremiseFile } from '../http/premise-file';
import { daysAgo, newPremise, pointIn, sendOk, villages } from './premise-writes.fixture';

const OPERATOR = '王小明';

describe('the premise file shows the person who answers for a rectification as the operator is shown', () => {
  it('masks an order’s 责任人 for a viewer (who sees operators masked), not for a leader', async () => {
    const { app, db } = await demoApp();
    const file = await newPremise(app, pointIn(villages(db)[0]), { operator: OPERATOR });
    await sendOk(
      app,
      'POST',
      `/api/premises/${file.id}/inspections`,
      {
        date: daysAgo(10),
        items: [{ code: 'staff.health_cert', passed: false }],
        order: { deadline: formatDay(todayInChina() + 30), responsible: OPERATOR },
      },
      201,
    );
    const viewer = actingAs(app, accountToken(db, 'viewer-1', 'viewer'));
    const seen = await getJson<PremiseFile>(viewer, `/api/premises/${file.id}`);
    expect(seen.operator).toBe('王**');
    expect(seen.events.find((e) => e.type === 'ordered')?.responsible).toBe('王**');
    expect(JSON.stringify(seen)).not.toContain(OPERATOR);
    const leader = actingAs(app, accountToken(db, 'leader-1', 'leader'));
    const led = await getJson<PremiseFile>(leader, `/api/premises/${file.id}`);
    expect(led.events.find((e) => e.type === 'ordered')?.responsible).toBe(OPERATOR);
  });
});
