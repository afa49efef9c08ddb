import { endpoints, type SolutionView } from '@switchboard/contracts';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/api-context.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { Button } from '../../components/button.js';
import { EmptyState } from '../../components/empty-state.js';
import { QueryContent } from '../../components/query-content.js';
import { PageHeader } from '../../components/page-header.js';
import { Table, type Column } from '../../components/table.js';
import { formatDateTime } from '../../format/format-date-time.js';
import { SolutionFormDialog } from './solution-form-dialog.js';

const columns: readonly Column<SolutionView>[] = [
  {
    key: 'name',
    header: 'Name',
    cell: (solution) => (
      <Link to={`/solutions/${encodeURIComponent(solution.apiName)}`} className="strong-link">
        {solution.name}
      </Link>
    ),
  },
  { key: 'apiName', header: 'API name', cell: (solution) => <code>{solution.apiName}</code> },
  { key: 'description', header: 'Description', cell: (solution) => (solution.description ? <span className="break">{solution.description}</span> : <span className="muted">—</span>) },
  { key: 'updated', header: 'Last changed', cell: (solution) => formatDateTime(solution.updatedAt) },
];

/** `/solutions`: every solution, and "Create solution". */
export function SolutionsPage() {
  const api = useApi();
  const navigate = useNavigate();
  const [createOpen, setCreateOpen] = useState(false);
  const query = useApiQuery((signal) => api.call(endpoints.listSolutions, { signal }), []);
  const solutions = query.data?.items;
  const create = (
    <Button variant="primary" onClick={() => setCreateOpen(true)}>
      Create solution
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Solutions"
        description="A solution bundles connectors at published versions, with functions and actions, into releases that subscriber orgs install."
        actions={solutions && solutions.length > 0 ? create : undefined}
      />
      <QueryContent
        query={query}
        data={solutions}
        loadingLabel="Loading solutions…"
        empty={
          <EmptyState title="No solutions yet" action={create}>
            <p>Create a solution, associate published connector versions with it, then cut a release that subscriber orgs can install.</p>
          </EmptyState>
        }
      >
        {(solutions) => <Table caption="Solutions" columns={columns} rows={solutions} rowKey={(solution) => solution.id} />}
      </QueryContent>
      <SolutionFormDialog
        open={createOpen}
        onClose={() => setCreateOpen(false)}
        onSaved={(solution) => {
          setCreateOpen(false);
          navigate(`/solutions/${encodeURIComponent(solution.apiName)}`);
        }}
      />
    </>
  );
}
