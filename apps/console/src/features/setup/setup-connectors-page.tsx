import { endpoints, type ConnectionView } from '@switchboard/contracts';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { EmptyState } from '../../components/empty-state.js';
import { QueryContent } from '../../components/query-content.js';
import { PageHeader } from '../../components/page-header.js';
import { ConnectionCard } from './connection-card.js';
import { SampleWidgetSection } from './sample-widget-section.js';
import { useOrgSession } from './use-org-session.js';
import './setup.css';

/** How many connectors need the admin, for the page's one-line summary. */
export function checklistSummary(items: readonly ConnectionView[]): string {
  const authorized = items.filter((item) => item.status === 'authorized').length;
  const reauth = items.filter((item) => item.status === 'needs_reauthorization').length;
  const parts = [`${authorized} of ${items.length} connector${items.length === 1 ? '' : 's'} authorized`];
  if (reauth > 0) parts.push(`${reauth} need${reauth === 1 ? 's' : ''} re-authorization`);
  return `${parts.join('; ')}.`;
}

/** `/setup/connectors`: the org's checklist — every connector it may use, with its status and actions. */
export function SetupConnectorsPage() {
  const api = useApi();
  const { org, orgName } = useOrgSession();
  const query = useApiQuery((signal) => api.call(endpoints.listConnections, { params: { org }, signal }), [org]);
  const items = query.data?.items;
  const replace = (next: ConnectionView) =>
    query.setData((current) => ({ items: (current?.items ?? []).map((item) => (item.connector === next.connector ? next : item)) }));

  return (
    <>
      <PageHeader
        title="Setup › Connectors"
        description={`The services ${orgName} connects to. Authorize each one by signing in at the service; you can revoke access at any time.`}
      />
      <QueryContent
        query={query}
        data={items}
        loadingLabel="Loading connectors…"
        empty={
          <EmptyState title="No connectors installed yet">
            <p>
              Connectors arrive with the solutions installed in your org. Ask your provider to install one, then authorize its connectors here. See <Link to="/setup/installations">Installations</Link>.
            </p>
          </EmptyState>
        }
      >
        {(items) => (
          <>
            <p className="muted" role="status">
              {checklistSummary(items)}
            </p>
            <div className="connection-grid">
              {items.map((connection) => (
                <ConnectionCard key={connection.connector} org={org} connection={connection} onChange={replace} />
              ))}
            </div>
          </>
        )}
      </QueryContent>
      {items && items.length > 0 && <SampleWidgetSection org={org} connectors={items.map((item) => item.connector)} />}
    </>
  );
}
