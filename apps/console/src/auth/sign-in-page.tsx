import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { localError, toApiError, type ApiError } from '../api/api-error.js';
import { Button } from '../components/button.js';
import { ErrorState } from '../components/error-state.js';
import { Field } from '../components/field.js';
import { TextInput } from '../components/inputs.js';
import { Loading } from '../components/loading.js';
import type { SignInState } from './require-session.js';
import { homePathOf, useSession } from './session-context.js';

/**
 * Exchange the admin key or an org key for the session cookie. The key lives only in this
 * component's state and is cleared as soon as it is sent, whatever the outcome: never in storage,
 * never in a URL (the form posts through fetch, not a navigation).
 */
export function SignInPage() {
  const { status, session, signIn, expired } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [key, setKey] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  useEffect(() => {
    document.title = 'Sign in · Switchboard';
  }, []);

  if (status === 'loading') return <div className="center-page"><Loading label="Checking your session…" /></div>;
  if (status === 'signed-in' && session && !pending) return <Navigate to={homePathOf(session)} replace />;

  const from = (location.state as SignInState | null)?.from;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const submitted = key.trim();
    setKey('');
    if (submitted === '') {
      setError(localError('key_required', 'Enter a key', 'Paste the admin key or an org key.'));
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      const current = await signIn(submitted);
      // Only go back to a page this kind of user may see.
      const back = from && (current.kind === 'admin' ? !from.startsWith('/setup') : from.startsWith('/setup')) ? from : homePathOf(current);
      navigate(back, { replace: true });
    } catch (reason) {
      setError(toApiError(reason));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="center-page">
      <main className="sign-in card" id="main">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">⇄</span>
          Switchboard
        </div>
        <h1>Sign in</h1>
        {expired && !error && (
          <p className="notice" role="status">
            Your session ended. Sign in again to continue.
          </p>
        )}
        <form onSubmit={onSubmit} noValidate>
          <Field
            label="Key"
            required
            error={error?.fieldError('key')}
            help={
              <>
                The <strong>admin key</strong> (<code>sbk_…</code>, printed when the server starts) signs you in as the builder: connectors, solutions,
                webhooks. An <strong>org key</strong> (<code>sbo_…</code>, created by the builder for a subscriber org) signs you in as that org’s
                admin: its connector setup, installations and events.
              </>
            }
          >
            <TextInput type="password" name="key" autoComplete="off" spellCheck={false} value={key} onChange={(event) => setKey(event.target.value)} />
          </Field>
          {error && <ErrorState error={error} compact />}
          <Button type="submit" variant="primary" loading={pending} className="btn-block">
            Sign in
          </Button>
        </form>
        <p className="fine-print">The key is exchanged for a session cookie and is not stored by this page.</p>
      </main>
    </div>
  );
}
