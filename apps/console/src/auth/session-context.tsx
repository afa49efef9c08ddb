import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useApi } from '../api/api-context.js';
import { toApiError, type ApiError } from '../api/api-error.js';
import { consoleSessionApi, type ConsoleSession } from './console-session.js';

export interface SessionState {
  /** `loading` until the first probe answers. */
  readonly status: 'loading' | 'signed-in' | 'signed-out' | 'error';
  readonly session: ConsoleSession | null;
  /** Set when a request was refused with 401 while signed in (the sign-in page says so). */
  readonly expired: boolean;
  /** The probe's failure (server unreachable), shown with a retry. */
  readonly error: ApiError | undefined;
  readonly signIn: (key: string) => Promise<ConsoleSession>;
  readonly signOut: () => Promise<void>;
  readonly retry: () => void;
}

const SessionContext = createContext<SessionState | null>(null);

/** Probes the cookie session once, then tracks sign-in, sign-out and 401s from any call. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [status, setStatus] = useState<SessionState['status']>('loading');
  const [session, setSession] = useState<ConsoleSession | null>(null);
  const [expired, setExpired] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    consoleSessionApi.get(api, controller.signal).then(
      (current) => {
        setSession(current);
        setStatus(current ? 'signed-in' : 'signed-out');
      },
      (reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(toApiError(reason));
        setStatus('error');
      },
    );
    return () => controller.abort();
  }, [api, attempt]);

  useEffect(
    () =>
      api.onUnauthorized(() => {
        setSession(null);
        setStatus('signed-out');
        setExpired(true);
      }),
    [api],
  );

  const signIn = useCallback(
    async (key: string) => {
      const current = await consoleSessionApi.signIn(api, key);
      setSession(current);
      setStatus('signed-in');
      setExpired(false);
      return current;
    },
    [api],
  );
  const signOut = useCallback(async () => {
    try {
      await consoleSessionApi.signOut(api);
    } finally {
      setSession(null);
      setStatus('signed-out');
      setExpired(false);
    }
  }, [api]);
  const retry = useCallback(() => {
    setStatus('loading');
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ status, session, expired, error, signIn, signOut, retry }), [status, session, expired, error, signIn, signOut, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession must be used inside <SessionProvider>');
  return state;
}

/** The signed-in session; only for components under `<RequireSession>`. */
export function useSignedIn(): ConsoleSession {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn used outside <RequireSession>');
  return session;
}

/** Home page of a kind: builders land on connectors, subscriber admins on their setup checklist. */
export const homePathOf = (session: ConsoleSession): string => (session.kind === 'admin' ? '/connectors' : '/setup/connectors');
