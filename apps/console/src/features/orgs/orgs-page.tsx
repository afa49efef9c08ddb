import { endpoints, type OrgView } from '@switchboard/contracts';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/api-context.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { Button } from '../../components/button.js';
import { DateTime } from '../../components/date-time.js';
import { EmptyState } from '../../components/empty-state.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryContent } from '../../components/query-content.js';
import { StatusBadge } from '../../components/status-badge.js';
import { Table, type Column } from '../../components/table.js';
import { CreateOrgDialog } from './create-org-dialog.js';
import './orgs.css';
import { DEV_ORG, orgPath } from './org-paths.js';

const columns: readonly Column<OrgView>[] = [
  {
    key: 'name',
    header: 'Name',
    cell: (org) => (
      <span className="org-name-cell">
        <Link to={orgPath(org.id)} className="strong-link">
          {org.name}
        </Link>
        {org.id === DEV_ORG && <StatusBadge status="builder" label="Your test org" tone="info" />}
      </span>
    ),
  },
  { key: 'id', header: 'Org id', cell: (org) => <code>{org.id}</code> },
  {
    key: 'kind',
    header: 'Kind',
    cell: (org) => (org.id === DEV_ORG ? <span className="muted">Builder: uses your draft connectors</span> : 'Subscriber'),
  },
  { key: 'created', header: 'Created', cell: (org) => <DateTime iso={org.createdAt} /> },
];

/** `/orgs`: the builder's own org `dev` and every subscriber org, and "Create org". */
export function OrgsPage() {
  const api = useApi();
  const navigate = useNavigate();
  const [createOpen, setCreateOpen] = useState(false);
  const query = useApiQuery((signal) => api.call(endpoints.listOrgs, { signal }), []);
  const orgs = query.data?.items;
  // `dev` always exists, so "no orgs" means no subscriber org yet.
  const subscribers = orgs?.filter((org) => org.id !== DEV_ORG) ?? [];
  const create = (
    <Button variant="primary" onClick={() => setCreateOpen(true)}>
      Create org
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Orgs"
        description={
          <>
            Your customers’ orgs: each installs solution releases, authorizes their connectors with its own accounts and signs in to this console with an org key.{' '}
            <code>{DEV_ORG}</code> is your own org, where you test draft connectors.
          </>
        }
        actions={subscribers.length > 0 ? create : undefined}
      />
      <QueryContent query={query} data={orgs} loadingLabel="Loading orgs…">
        {(orgs) => (
          <div className="sections">
            <Table caption="Orgs" columns={columns} rows={orgs} rowKey={(org) => org.id} />
            {subscribers.length === 0 && (
              <EmptyState title="No subscriber orgs yet" action={create}>
                <p>Create an org for a customer, install a solution release in it, then give its admin an org key to sign in with.</p>
              </EmptyState>
            )}
          </div>
        )}
      </QueryContent>
      <CreateOrgDialog
        open={createOpen}
        onClose={() => setCreateOpen(false)}
        onCreated={(org) => {
          setCreateOpen(false);
          navigate(orgPath(org.id));
        }}
      />
    </>
  );
}
