import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useMessages } from '../i18n/use-messages';
import { loadSession, useSession } from '../session';
import { PasswordForm } from './password-form';
import { SignInPage } from './sign-in-page';

/**
 * The page for the signed-in only: asks who is signed in, shows the sign-in when nobody is (and
 * again whenever a request finds the session over), and a new password first when one is due.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const t = useMessages();
  const session = useSession();
  const qc = useQueryClient();
  useEffect(() => {
    loadSession().catch(() => useSession.setState({ state: 'signed-out' }, true));
  }, []);
  // What one account was shown is not kept for the next (scopes differ): signed out, the cache goes.
  const signedOut = session.state === 'signed-out';
  useEffect(() => {
    if (signedOut) qc.clear();
  }, [signedOut, qc]);
  if (session.state === 'unknown') return <div className="splash">{t.loading}</div>;
  if (session.state === 'signed-out') return <SignInPage />;
  if (session.me.mustChangePassword)
    return (
      <main className="sign-in">
        <PasswordForm required />
      </main>
    );
  return <>{children}</>;
}
