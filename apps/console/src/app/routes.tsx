import type { RouteObject } from 'react-router';
import { HomeRedirect, RequireKind, RequireSession } from '../auth/require-session.js';
import { SignInPage } from '../auth/sign-in-page.js';
import { AppShell } from '../components/app-shell.js';
import { ConnectorCreatePage } from '../features/connectors/connector-create-page.js';
import { ConnectorEditPage } from '../features/connectors/connector-edit-page.js';
import { ConnectorPage } from '../features/connectors/connector-page.js';
import { ConnectorsPage } from '../features/connectors/connectors-page.js';
import { FunctionEditorPage } from '../features/functions/function-editor-page.js';
import { SolutionPage } from '../features/solutions/solution-page.js';
import { SolutionsPage } from '../features/solutions/solutions-page.js';
import { EventsPage } from '../features/events/events-page.js';
import { OrgPage } from '../features/orgs/org-page.js';
import { OrgsPage } from '../features/orgs/orgs-page.js';
import { SetupConnectorsPage } from '../features/setup/setup-connectors-page.js';
import { SetupEventsPage } from '../features/setup/setup-events-page.js';
import { SetupInstallationsPage } from '../features/setup/setup-installations-page.js';
import { WebhookPage } from '../features/webhooks/webhook-page.js';
import { WebhooksPage } from '../features/webhooks/webhooks-page.js';
import { NotFoundPage, RouteErrorPage } from './route-error-page.js';

/**
 * Every page of the console, in one table. To add a page: build it under `features/<area>/`,
 * then put its element on its path here — under `builder` (admin key) or `subscriber` (org key).
 * Add a nav entry in components/app-shell.tsx if it is a top-level page.
 */
export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteErrorPage /> },
  {
    element: (
      <RequireSession>
        <AppShell />
      </RequireSession>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        // builder: signed in with the admin key
        element: <RequireKind kind="admin" />,
        children: [
          { path: '/connectors', element: <ConnectorsPage /> },
          { path: '/connectors/new', element: <ConnectorCreatePage /> },
          { path: '/connectors/:connector', element: <ConnectorPage /> },
          { path: '/connectors/:connector/edit', element: <ConnectorEditPage /> },
          { path: '/solutions', element: <SolutionsPage /> },
          { path: '/solutions/:solution', element: <SolutionPage /> },
          { path: '/solutions/:solution/functions/:function', element: <FunctionEditorPage /> },
          { path: '/orgs', element: <OrgsPage /> },
          { path: '/orgs/:org', element: <OrgPage /> },
          { path: '/webhooks', element: <WebhooksPage /> },
          { path: '/webhooks/:webhook', element: <WebhookPage /> },
          { path: '/events', element: <EventsPage /> },
        ],
      },
      {
        // subscriber admin: signed in with an org key
        element: <RequireKind kind="org" />,
        children: [
          { path: '/setup/connectors', element: <SetupConnectorsPage /> },
          { path: '/setup/installations', element: <SetupInstallationsPage /> },
          { path: '/setup/events', element: <SetupEventsPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
