import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '../components/error-state.js';
import { Loading } from '../components/loading.js';
import type { ConsoleSession } from './console-session.js';
import { homePathOf, useSession } from './session-context.js';

/** Where to come back after signing in (router state: a path, never the key). */
export interface SignInState {
  readonly from?: string;
}

/** Renders its children (or the nested routes) only when signed in; else goes to /sign-in. */
export function RequireSession({ children }: { children?: ReactNode }) {
  const { status, error, retry } = useSession();
  const location = useLocation();
  if (status === 'loading') return <div className="center-page"><Loading label="Checking your session…" /></div>;
  if (status === 'error' && error) return <div className="center-page"><ErrorState error={error} onRetry={retry} /></div>;
  if (status !== 'signed-in') {
    const state: SignInState = { from: location.pathname + location.search };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  return <>{children ?? <Outlet />}</>;
}

/**
 * Only for one kind of user: builders (`admin`) or subscriber org admins (`org`); the other
 * kind is sent to its own home page. The server enforces the same rule on every call.
 */
export function RequireKind({ kind, children }: { kind: ConsoleSession['kind']; children?: ReactNode }) {
  const { session } = useSession();
  if (!session) return <Navigate to="/sign-in" replace />;
  if (session.kind !== kind) return <Navigate to={homePathOf(session)} replace />;
  return <>{children ?? <Outlet />}</>;
}

/** `/`: the signed-in user's home. */
export function HomeRedirect() {
  const { session } = useSession();
  return <Navigate to={session ? homePathOf(session) : '/sign-in'} replace />;
}
