import { describe, expect, it } from 'vitest';
import { accountToken, actingAs, demoApp, getJson } from '../../../tests/helpers/test-app';

type AuditAnswer = { items: { entity: string; action: string; before: unknown; after: unknown }[] };

const PHONE = '13812345678';
const ID_NUMBER = '11010519491231002X';

/** A premise whose phone and ID number an admin just edited, and the audit log as a leader and as the admin read it. */
async function editedPremise() {
  const { app, db, ctx } = await demoApp();
  const id = ctx.model.columns.id[0];
  const file = await getJson<{ updatedAt: string }>(app, `/api/premises/${id}`);
  const res = await app.request(`/api/premises/${id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ baseUpdatedAt: file.updatedAt, phone: PHONE, idNumber: ID_NUMBER }),
  });
  expect(res.status).toBe(200);
  const leader = actingAs(app, accountToken(db, 'leader-1', 'leader'));
  return {
    asLeader: await getJson<AuditAnswer>(leader, `/api/audit?premise=${id}&entity=premise`),
    asAdmin: await getJson<AuditAnswer>(app, `/api/audit?premise=${id}&entity=premise`),
  };
}

describe('GET /api/audit shows personal data as the reader may see it', () => {
  it('masks a leader’s phones and everyone’s ID numbers in the before and after of a premise edit', async () => {
    const { asLeader, asAdmin } = await editedPremise();
    const leaderEdit = asLeader.items.find((i) => i.action === 'update');
    expect(leaderEdit).toBeDefined();
    const leaderText = JSON.stringify(asLeader);
    expect(leaderText).not.toContain(PHONE);
    expect(leaderText).not.toContain(ID_NUMBER);
    expect(leaderEdit?.after).toMatchObject({ phone: expect.stringMatching(/^138\*+5678$/) });
    const adminEdit = asAdmin.items.find((i) => i.action === 'update');
    // the admin sees phones in full; an ID number only through 查看完整信息 (unmask), which is logged
    expect(adminEdit?.after).toMatchObject({ phone: PHONE });
    expect(JSON.stringify(asAdmin)).not.toContain(ID_NUMBER);
  });
});
