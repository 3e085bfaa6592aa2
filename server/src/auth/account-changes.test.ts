import { describe, expect, it } from 'vitest';
import { testBoot } from '../../../tests/helpers/test-app';
import { insertUser } from '../db/users';
import { addAccount, addApiToken, revokeApiToken, updateAccount } from './account-changes';

const demo = async () => (await testBoot('demo')).db;
const officer = { displayName: '', role: 'village' as const, villages: [], department: null };

describe('account changes (the admin page and the CLI alike)', () => {
  it('refuses with messages that name the field: a taken name in any case, a scope, a weak password', async () => {
    const db = await demo();
    await addAccount(
      db,
      { ...officer, role: 'viewer', username: 'wangli', password: 'long-enough-1' },
      'cli',
    );
    const add = (a: Partial<Parameters<typeof addAccount>[1]>) =>
      addAccount(db, { ...officer, username: 'zhao', ...a }, 'cli');
    await expect(add({ username: 'WangLi' })).rejects.toThrow('username: WangLi is taken');
    await expect(add({})).rejects.toThrow(
      'villages: a village officer keeps at least one village (its code)',
    );
    await expect(add({ villages: ['000000000000'] })).rejects.toThrow(
      'villages: no village with code 000000000000 on record',
    );
    await expect(add({ role: 'inspector' })).rejects.toThrow(
      /^department: an inspector belongs to a department/,
    );
    await expect(add({ role: 'viewer', password: '1234567890' })).rejects.toThrow(
      'password: a password of digits only is too easy to guess; mix in letters',
    );
    db.close();
  }, 30_000);

  it('disables an officer whose village has since left the record: only a change of scope is checked', async () => {
    const db = await demo();
    const id = insertUser(db, {
      username: 'gone',
      displayName: '',
      role: 'village',
      villageCodes: ['000000000000'],
      department: null,
      passwordHash: 'x',
      mustChangePassword: false,
    });
    expect(updateAccount(db, id, { disabled: true }, 'cli').disabled).toBe(true);
    expect(() => updateAccount(db, id, { villages: ['111111111111'] }, 'cli')).toThrow(
      /no village with code/,
    );
    db.close();
  }, 30_000);

  it('revokes a token once: a second revoke changes nothing and audits nothing', async () => {
    const db = await demo();
    await addAccount(db, { ...officer, role: 'viewer', username: 'gis', password: 'long-enough-1' }, 'cli');
    expect(() => addApiToken(db, { name: 'QGIS', username: 'nobody' }, 'cli')).toThrow(
      'user: no account nobody',
    );
    const { token } = addApiToken(db, { name: 'QGIS', username: 'gis' }, 'cli');
    const first = revokeApiToken(db, token.id, 'cli').revokedAt;
    expect(first).not.toBeNull();
    expect(revokeApiToken(db, token.id, 'cli').revokedAt).toBe(first);
    const revokes = db.prepare("SELECT count(*) FROM audit_log WHERE action = 'revoke'").pluck().get();
    expect(revokes).toBe(1);
    db.close();
  }, 30_000);
});
