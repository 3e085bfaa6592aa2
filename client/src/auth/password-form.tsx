import { useState } from 'react';
import { changePassword, errorText } from '../api';
import { useLang, useMessages } from '../i18n/use-messages';
import { loadSession } from '../session';

/** A new password: asked at a first sign-in with a generated or reset one, and from the header any time. */
export function PasswordForm({ required = false, onDone }: { required?: boolean; onDone?(): void }) {
  const t = useMessages();
  const lang = useLang();
  const [fields, setFields] = useState({ current: '', next: '', again: '' });
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const set = (key: keyof typeof fields) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setFields((f) => ({ ...f, [key]: e.target.value }));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (fields.next !== fields.again) return setState({ busy: false, error: t.passwordsDiffer });
    setState({ busy: true, error: null });
    try {
      await changePassword(fields.current, fields.next);
      await loadSession();
      onDone?.();
    } catch (err) {
      setState({ busy: false, error: errorText(err, lang) });
    }
  };
  return (
    <form className="sign-in-card" onSubmit={submit} data-testid="password-form">
      <h2>{t.changePassword}</h2>
      {required && <p className="muted">{t.mustChangePassword}</p>}
      <label>
        {t.currentPassword}
        <input
          type="password"
          autoComplete="current-password"
          value={fields.current}
          onChange={set('current')}
          required
          data-testid="password-current"
        />
      </label>
      <label>
        {t.newPassword}
        <input
          type="password"
          autoComplete="new-password"
          value={fields.next}
          onChange={set('next')}
          required
          data-testid="password-next"
        />
      </label>
      <label>
        {t.repeatPassword}
        <input
          type="password"
          autoComplete="new-password"
          value={fields.again}
          onChange={set('again')}
          required
          data-testid="password-again"
        />
      </label>
      {state.error && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      <div className="sign-in-actions">
        <button type="submit" className="primary" disabled={state.busy} data-testid="password-save">
          {t.savePassword}
        </button>
        {!required && onDone && (
          <button type="button" className="link" onClick={onDone}>
            {t.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
