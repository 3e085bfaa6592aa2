import { DEPARTMENTS, ROLE_NAMES, ROLES, type Role } from '@domain/auth/roles';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { addToken, addUser, resetUser, revokeToken, type UserAccount, updateUser } from '../api';
import { useCampaignData } from '../campaign-data';
import { useTownshipList } from '../district/district-api';
import { tokensQuery, usersQuery } from '../queries';
import { useStore } from '../store';
import { accountsWritten } from '../writes';
import { fill, useDataMessages, useErrorText } from './data-i18n';

type Secret = { label: string; value: string } | null;

/** Accounts and API tokens (the admin): add, disable, reset; issue and revoke. Secrets are shown once. */
export function UsersAdmin() {
  const t = useDataMessages();
  const errorText = useErrorText();
  const lang = useStore((s) => s.lang);
  const { villages } = useCampaignData();
  const qc = useQueryClient();
  const usersList = useQuery(usersQuery);
  const tokensList = useQuery(tokensQuery);
  const users = usersList.data ?? [];
  const tokens = tokensList.data ?? [];
  const [secret, setSecret] = useState<Secret>(null);
  /** The account whose role and reach are being changed, in the form below the list. */
  const [editing, setEditing] = useState<UserAccount | null>(null);
  const [actError, setActError] = useState<string | null>(null);
  const loadError = usersList.error ?? tokensList.error;
  const error = actError ?? (loadError ? errorText(loadError) : null);
  const act = async (work: () => Promise<void>) => {
    setActError(null);
    try {
      await work();
      await accountsWritten(qc);
    } catch (e) {
      setActError(errorText(e));
    }
  };
  const roleName = (r: Role) => (lang === 'en' ? ROLE_NAMES[r].nameEn : ROLE_NAMES[r].name);
  const villageName = new Map(villages.features.map((f) => [f.properties.code, f.properties.name]));
  // A district of several townships: an account may be limited to some of them.
  const townships = useTownshipList();
  const townshipName = new Map(townships.map((x) => [x.code, x.name]));
  const scopeOf = (u: UserAccount) =>
    [
      u.townships.length > 0
        ? fill(t.userTownshipScope, { names: u.townships.map((c) => townshipName.get(c) ?? c).join('、') })
        : '',
      u.role === 'village'
        ? u.villages.map((c) => villageName.get(c) ?? c).join('、')
        : u.role === 'inspector'
          ? (DEPARTMENTS.find((d) => d.code === u.department)?.name ?? '')
          : '',
    ]
      .filter(Boolean)
      .join('；');

  return (
    <div data-testid="users-admin">
      {error && (
        <p className="data-error" role="alert">
          {error}
        </p>
      )}
      {secret && (
        <div className="data-ok" data-testid="one-time-secret">
          {secret.label}
          <code className="secret">{secret.value}</code>
        </div>
      )}
      <h3>{t.usersTitle}</h3>
      <table>
        <thead>
          <tr>
            <th>{t.userName}</th>
            <th>{t.userRole}</th>
            <th>{t.userScope}</th>
            <th>{t.userState}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-testid={`user-${u.username}`}>
              <td>
                {u.username}
                {u.displayName && <div className="data-note">{u.displayName}</div>}
              </td>
              <td>{roleName(u.role)}</td>
              <td>{scopeOf(u)}</td>
              <td>{u.disabled ? t.userDisabled : u.mustChangePassword ? t.userMustChange : t.userActive}</td>
              <td className="row-actions">
                <button
                  type="button"
                  className="data-button secondary"
                  onClick={() => setEditing(u)}
                  data-testid={`user-edit-${u.username}`}
                >
                  {t.userEdit}
                </button>
                <button
                  type="button"
                  className="data-button secondary"
                  onClick={() => act(async () => void (await updateUser(u.id, { disabled: !u.disabled })))}
                >
                  {u.disabled ? t.userEnable : t.userDisable}
                </button>
                <button
                  type="button"
                  className="data-button secondary"
                  onClick={() =>
                    act(async () => {
                      const r = await resetUser(u.id);
                      setSecret({ label: fill(t.oneTimePassword, { name: r.username }), value: r.password });
                    })
                  }
                >
                  {t.userReset}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && <h4>{fill(t.userEditing, { name: editing.username })}</h4>}
      <UserForm
        // A new form for each account edited (and a blank one after), not the last one's choices.
        key={editing?.id ?? 'new'}
        editing={editing}
        villages={villages.features.map((f) => f.properties)}
        townships={townships.length > 1 ? townships : []}
        roleName={roleName}
        onCancel={() => setEditing(null)}
        onSubmit={(user) =>
          act(async () => {
            if (editing) {
              const { username: _, password: __, ...patch } = user;
              await updateUser(editing.id, patch);
              setEditing(null);
              return;
            }
            const r = await addUser(user);
            setSecret(
              'password' in r && r.password
                ? { label: fill(t.oneTimePassword, { name: r.username }), value: String(r.password) }
                : null,
            );
          })
        }
      />
      <h3>{t.tokensTitle}</h3>
      <table>
        <thead>
          <tr>
            <th>{t.tokenName}</th>
            <th>{t.tokenUser}</th>
            <th>{t.tokenLastUsed}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tokens.map((k) => (
            <tr key={k.id}>
              <td>
                {k.name}
                <div className="data-note">
                  {t.tokenCreated} {k.createdAt.slice(0, 10)}
                </div>
              </td>
              <td>{k.username}</td>
              <td>{k.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? '—'}</td>
              <td>
                {k.revokedAt ? (
                  t.tokenRevoked
                ) : (
                  <button
                    type="button"
                    className="data-button secondary"
                    onClick={() => act(async () => void (await revokeToken(k.id)))}
                  >
                    {t.tokenRevoke}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <NewTokenForm
        users={users.filter((u) => !u.disabled).map((u) => u.username)}
        onAdd={(name, user) =>
          act(async () => {
            const r = await addToken(name, user);
            setSecret({ label: t.oneTimeToken, value: r.token });
          })
        }
      />
    </div>
  );
}

/** A new account, or (`editing`) an existing one's name, role and reach: its user name stays, its password is reset apart. */
function UserForm({
  editing,
  villages,
  townships,
  roleName,
  onSubmit,
  onCancel,
}: {
  editing: UserAccount | null;
  villages: { code: string; name: string }[];
  /** The district's townships, when there are several to limit an account to. */
  townships: { code: string; name: string }[];
  roleName(r: Role): string;
  onSubmit(user: Parameters<typeof addUser>[0]): void;
  onCancel(): void;
}) {
  const t = useDataMessages();
  const [f, setF] = useState({
    username: editing?.username ?? '',
    displayName: editing?.displayName ?? '',
    role: editing?.role ?? ('viewer' as Role),
    department: editing?.department ?? '',
    password: '',
  });
  const [codes, setCodes] = useState<string[]>(editing?.villages ?? []);
  const [townshipCodes, setTownshipCodes] = useState<string[]>(editing?.townships ?? []);
  // An admin keeps the whole district; any other role may be limited to some townships.
  const limitable = townships.length > 0 && f.role !== 'admin';
  // The form sits below the list: an account chosen far down is edited in view.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (editing) form.current?.scrollIntoView({ block: 'nearest' });
  }, [editing]);
  return (
    <form
      ref={form}
      className="data-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({
          username: f.username,
          displayName: f.displayName,
          role: f.role,
          villages: f.role === 'village' ? codes : [],
          // Sent only when the choice was on screen (an admin's is the whole district): a list still
          // loading must not clear an account's limits.
          ...(limitable ? { townships: townshipCodes } : f.role === 'admin' ? { townships: [] } : {}),
          department: f.role === 'inspector' ? (f.department as never) : null,
          ...(f.password ? { password: f.password } : {}),
        });
      }}
      data-testid="new-user"
    >
      <span>{t.userName}</span>
      <input
        value={f.username}
        onChange={(e) => setF({ ...f, username: e.target.value })}
        required
        readOnly={editing !== null}
        data-testid="new-user-name"
      />
      <span>{t.userDisplay}</span>
      <input value={f.displayName} onChange={(e) => setF({ ...f, displayName: e.target.value })} />
      <span>{t.userRole}</span>
      <select
        value={f.role}
        onChange={(e) => setF({ ...f, role: e.target.value as Role })}
        data-testid="new-user-role"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {roleName(r)}
          </option>
        ))}
      </select>
      {limitable && (
        <CodeChoice
          label={t.userTownships}
          places={townships}
          value={townshipCodes}
          onChange={setTownshipCodes}
          testId="new-user-townships"
        />
      )}
      {f.role === 'village' && (
        <CodeChoice
          label={t.userVillages}
          places={villages}
          value={codes}
          onChange={setCodes}
          testId="new-user-villages"
        />
      )}
      {f.role === 'inspector' && (
        <>
          <span>{t.userDepartment}</span>
          <select value={f.department} onChange={(e) => setF({ ...f, department: e.target.value })} required>
            <option value="" />
            {DEPARTMENTS.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </>
      )}
      {editing === null && (
        <>
          <span>{t.userPassword}</span>
          <input
            type="password"
            autoComplete="new-password"
            value={f.password}
            onChange={(e) => setF({ ...f, password: e.target.value })}
          />
        </>
      )}
      <span />
      <span className="row-actions">
        <button type="submit" className="data-button" data-testid="new-user-add">
          {editing ? t.userSave : t.userAdd}
        </button>
        {editing && (
          <button type="button" className="data-button secondary" onClick={onCancel}>
            {t.cancel}
          </button>
        )}
      </span>
    </form>
  );
}

/** A labelled choice of several places (townships, villages) by their codes. */
function CodeChoice({
  label,
  places,
  value,
  onChange,
  testId,
}: {
  label: string;
  places: readonly { code: string; name: string }[];
  value: string[];
  onChange(codes: string[]): void;
  testId: string;
}) {
  return (
    <>
      <span>{label}</span>
      <select
        multiple
        size={Math.min(6, places.length)}
        value={value}
        onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
        data-testid={testId}
      >
        {places.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name}
          </option>
        ))}
      </select>
    </>
  );
}

function NewTokenForm({ users, onAdd }: { users: string[]; onAdd(name: string, user: string): void }) {
  const t = useDataMessages();
  const [name, setName] = useState('');
  const [user, setUser] = useState('');
  return (
    <form
      className="data-form"
      onSubmit={(e) => {
        e.preventDefault();
        onAdd(name, user || users[0]);
      }}
    >
      <span>{t.tokenName}</span>
      <input value={name} onChange={(e) => setName(e.target.value)} required placeholder="QGIS" />
      <span>{t.tokenUser}</span>
      <select value={user || users[0]} onChange={(e) => setUser(e.target.value)}>
        {users.map((u) => (
          <option key={u}>{u}</option>
        ))}
      </select>
      <span />
      <button type="submit" className="data-button">
        {t.tokenAdd}
      </button>
    </form>
  );
}
