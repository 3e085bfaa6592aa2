import { useState } from 'react';
import { createPortal } from 'react-dom';
import { signOut } from '../api';
import { PasswordForm } from '../auth/password-form';
import { useLang, useMessages } from '../i18n/use-messages';
import { useSession } from '../session';

/** Who is signed in (name, role, the villages or department it keeps), to change the password or sign out. */
export function UserMenu() {
  const t = useMessages();
  const lang = useLang();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [changing, setChanging] = useState(false);
  if (session.state !== 'signed-in') return null;
  const { me } = session;
  const limits =
    me.villages.length > 0 ? me.villages.map((v) => v.name).join('、') : (me.departmentName ?? '');
  return (
    <div className="user-menu">
      <button
        type="button"
        className="user-button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="user-menu"
      >
        {me.displayName || me.username}
        <small>{lang === 'en' ? me.roleNameEn : me.roleName}</small>
      </button>
      {open && (
        <div className="user-pop" role="menu">
          <div className="user-who">
            <b>{me.username}</b>
            <span>{lang === 'en' ? me.roleNameEn : me.roleName}</span>
            {limits && <span data-testid="user-scope">{limits}</span>}
          </div>
          <button
            type="button"
            onClick={() => {
              setChanging(true);
              setOpen(false);
            }}
          >
            {t.changePassword}
          </button>
          <button
            type="button"
            data-testid="sign-out"
            onClick={() => {
              void signOut().then(() => useSession.setState({ state: 'signed-out' }, true));
            }}
          >
            {t.signOut}
          </button>
        </div>
      )}
      {changing &&
        createPortal(
          <div className="modal-backdrop">
            <PasswordForm onDone={() => setChanging(false)} />
          </div>,
          document.body,
        )}
    </div>
  );
}
