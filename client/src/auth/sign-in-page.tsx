import { useState } from 'react';
import { errorText, signIn } from '../api';
import { useLang, useMessages } from '../i18n/use-messages';
import { loadSession } from '../session';
import { useStore } from '../store';

/** The sign-in, in place of the page asked for: after it the same URL opens. */
export function SignInPage() {
  const t = useMessages();
  const lang = useLang();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setState({ busy: true, error: null });
    try {
      await signIn(username, password);
      await loadSession();
    } catch (err) {
      setState({ busy: false, error: errorText(err, lang) });
    }
  };
  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={submit}>
        <h1>{t.appTitle}</h1>
        <h2>{t.signInTitle}</h2>
        <p className="muted">{t.signInIntro}</p>
        <label>
          {t.username}
          <input
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
            data-testid="login-username"
          />
        </label>
        <label>
          {t.password}
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            data-testid="login-password"
          />
        </label>
        {state.error && (
          <p className="error" role="alert" data-testid="login-error">
            {t.signInFailed}：{state.error}
          </p>
        )}
        <button type="submit" className="primary" disabled={state.busy} data-testid="login-submit">
          {state.busy ? t.signingIn : t.signIn}
        </button>
        <button
          type="button"
          className="link"
          onClick={() => useStore.getState().setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {t.switchLanguage}
        </button>
      </form>
    </main>
  );
}
