import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createApiClient, type ApiClient } from '../api/api-client.js';
import { ApiProvider } from '../api/api-context.js';
import { SessionProvider } from '../auth/session-context.js';
import { ToastProvider } from '../components/toast.js';
import { routes } from './routes.js';

/** The console: one api client, the session, toasts, and the route table. */
export function App({ client }: { client?: ApiClient }) {
  const [api] = useState(() => client ?? createApiClient());
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <ApiProvider client={api}>
      <SessionProvider>
        <ToastProvider>
          <RouterProvider router={router} />
        </ToastProvider>
      </SessionProvider>
    </ApiProvider>
  );
}
