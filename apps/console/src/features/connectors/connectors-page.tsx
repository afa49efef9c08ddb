import { endpoints, type ConnectorView } from '@switchboard/contracts';
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { ButtonLink } from '../../components/button.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { StatusBadge } from '../../components/status-badge.js';
import { Table, type Column } from '../../components/table.js';

/** A connector with what the list shows about it (counts are undefined when their call failed). */
export interface ConnectorRow {
  readonly connector: ConnectorView;
  readonly apiCount: number | undefined;
  readonly latestVersion: number | null | undefined;
}

/** `query` matches name, API name or service name, case-insensitively. */
export function filterConnectors(rows: readonly ConnectorRow[], query: string): ConnectorRow[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...rows];
  return rows.filter(({ connector }) => [connector.name, connector.apiName, connector.serviceName].some((text) => text.toLowerCase().includes(needle)));
}

const columns: readonly Column<ConnectorRow>[] = [
  {
    key: 'name',
    header: 'Name',
    cell: ({ connector }) => (
      <Link to={`/connectors/${encodeURIComponent(connector.apiName)}`} className="strong-link">
        {connector.name}
      </Link>
    ),
  },
  { key: 'apiName', header: 'API name', cell: ({ connector }) => <code>{connector.apiName}</code> },
  { key: 'service', header: 'Service', cell: ({ connector }) => connector.serviceName },
  {
    key: 'credentials',
    header: 'Credentials',
    cell: ({ connector }) => (connector.credentialsSet ? <StatusBadge status="set" /> : <StatusBadge status="not_set" />),
  },
  { key: 'apis', header: 'APIs', className: 'numeric', cell: ({ apiCount }) => (apiCount === undefined ? <span className="muted">—</span> : apiCount) },
  {
    key: 'version',
    header: 'Latest version',
    cell: ({ latestVersion }) =>
      latestVersion === undefined ? <span className="muted">—</span> : latestVersion === null ? <StatusBadge status="draft" label="Not published" /> : `v${latestVersion}`,
  },
];

/** All Connectors: the builder's home. */
export function ConnectorsPage() {
  const api = useApi();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const query = useApiQuery(async (signal): Promise<ConnectorRow[]> => {
    const { items } = await api.call(endpoints.listConnectors, { signal });
    // The list has no counts: ask each connector (a console has tens of them, not thousands).
    return Promise.all(
      items.map(async (connector) => {
        const params = { connector: connector.apiName };
        const [apis, versions] = await Promise.allSettled([api.call(endpoints.listApis, { params, signal }), api.call(endpoints.listVersions, { params, signal })]);
        return {
          connector,
          apiCount: apis.status === 'fulfilled' ? apis.value.items.length : undefined,
          latestVersion: versions.status === 'fulfilled' ? (versions.value.items[0]?.version ?? null) : undefined,
        };
      }),
    );
  }, []);
  const rows = useMemo(() => filterConnectors(query.data ?? [], search), [query.data, search]);
  const create = (
    <ButtonLink to="/connectors/new" variant="primary">
      Create connector
    </ButtonLink>
  );

  return (
    <>
      <PageHeader title="Connectors" description="Each connector describes one OAuth 2.0 service and the APIs you call on it." actions={query.data && query.data.length > 0 ? create : undefined} />
      {query.error ? (
        <ErrorState error={query.error} onRetry={query.reload} />
      ) : !query.data ? (
        <Loading label="Loading connectors…" />
      ) : query.data.length === 0 ? (
        <EmptyState title="No connectors yet" action={create}>
          <p>Create a connector for a service (its authorization and token URLs), register the redirect URL there, and add the APIs you want to call.</p>
        </EmptyState>
      ) : (
        <>
          <div className="toolbar">
            <label htmlFor={searchId} className="visually-hidden">
              Search connectors
            </label>
            <input
              id={searchId}
              type="search"
              className="input search-input"
              placeholder="Search by name, API name or service"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
            <span className="muted" role="status" aria-live="polite">
              {rows.length === query.data.length ? `${rows.length} connector${rows.length === 1 ? '' : 's'}` : `${rows.length} of ${query.data.length}`}
            </span>
          </div>
          {rows.length === 0 ? (
            <EmptyState title="No connector matches">
              <p>Nothing matches “{search}”. Try part of the name, API name or service.</p>
            </EmptyState>
          ) : (
            <Table caption="Connectors" columns={columns} rows={rows} rowKey={({ connector }) => connector.id} />
          )}
        </>
      )}
    </>
  );
}
