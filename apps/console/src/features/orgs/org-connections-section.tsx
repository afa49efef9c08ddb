import { endpoints, type ConnectionView } from '@switchboard/contracts';
import { useApi } from '../../api/api-context.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { DateTime } from '../../components/date-time.js';
import { EmptyState } from '../../components/empty-state.js';
import { QueryContent } from '../../components/query-content.js';
import { Section } from '../../components/section.js';
import { StatusBadge } from '../../components/status-badge.js';
import { Table, type Column } from '../../components/table.js';
import type { OrgSectionProps } from './org-page.js';
import { DEV_ORG } from './org-paths.js';

const columns: readonly Column<ConnectionView>[] = [
  {
    key: 'connector',
    header: 'Connector',
    cell: (item) => (
      <span className="org-stack">
        <strong>{item.name}</strong>
        <code className="muted">{item.connector}</code>
      </span>
    ),
  },
  {
    key: 'version',
    header: 'Version',
    cell: (item) => (item.version === null ? <span className="muted">Draft</span> : `v${item.version}`),
  },
  {
    key: 'solutions',
    header: 'From',
    cell: (item) => (item.solutions.length === 0 ? <span className="muted">—</span> : item.solutions.map((solution) => <code key={solution}>{solution} </code>)),
  },
  {
    key: 'status',
    header: 'Status',
    cell: (item) => (
      <span className="org-stack">
        <StatusBadge status={item.status} />
        {item.lastError && (
          <span className="org-error-text">
            {item.lastError.message} (<code>{item.lastError.code}</code>)
          </span>
        )}
      </span>
    ),
  },
  {
    key: 'authorized',
    header: 'Authorized',
    cell: (item) => (item.authorizedAt ? <DateTime iso={item.authorizedAt} /> : <span className="muted">—</span>),
  },
];

export interface OrgConnectionsSectionProps extends OrgSectionProps {
  /** Bumped when installations change, to read the checklist again. */
  readonly revision: number;
}

/**
 * The org's connector checklist, read-only: the org's own admin authorizes and revokes on their
 * Setup pages (signed in with an org key), with their own accounts at the provider.
 */
export function OrgConnectionsSection({ org, revision }: OrgConnectionsSectionProps) {
  const api = useApi();
  const query = useApiQuery(async (signal) => (await api.call(endpoints.listConnections, { params: { org: org.id }, signal })).items, [org.id, revision]);
  const isDev = org.id === DEV_ORG;

  return (
    <Section
      headingId="org-connections-heading"
      title="Connections"
      intro={
        isDev
          ? 'Every connector, as you authorize it while building (Authorize connector on a connector’s page).'
          : `The connectors ${org.name} has installed and whether its admin has authorized them. They authorize on their own Setup pages, signed in with an org key: you cannot consent for them.`
      }
    >
      <QueryContent
        query={query}
        data={query.data}
        loadingLabel="Loading connections…"
        empty={
          <EmptyState level={3} title="No connectors yet">
            <p>{isDev ? 'Create a connector: it appears here at once.' : 'Install a solution release above: its connectors appear here, not authorized until the org’s admin consents.'}</p>
          </EmptyState>
        }
      >
        {(items) => (
          <>
            <p className="org-summary">
              {items.filter((item) => item.status === 'authorized').length} of {items.length} connector{items.length === 1 ? '' : 's'} authorized.
            </p>
            <Table caption={`Connections of ${org.name}`} columns={columns} rows={items} rowKey={(item) => item.connector} />
          </>
        )}
      </QueryContent>
    </Section>
  );
}
