import { endpoints, type FunctionView, type SolutionConnectorView, type SolutionView } from '@switchboard/contracts';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { useApiQuery, type ApiQuery } from '../../api/use-api-query.js';
import { Button } from '../../components/button.js';
import { ConfirmDialog, useConfirmation } from '../../components/confirm-dialog.js';
import { PageFallback } from '../../components/page-fallback.js';
import { PageHeader } from '../../components/page-header.js';
import { useToast } from '../../components/toast.js';
import { ConnectorActionsSection } from '../actions/connector-actions-section.js';
import { FunctionsSection } from '../functions/functions-section.js';
import { SolutionConnectorsSection } from './solution-connectors-section.js';
import { SolutionFormDialog } from './solution-form-dialog.js';
import { SolutionReleasesSection } from './solution-releases-section.js';
import './solution-sections.css';

/** What every section of the solution page receives. */
export interface SolutionSectionProps {
  readonly solution: SolutionView;
  /** The associated connectors (one load for the page: the actions section needs them too). */
  readonly connectors: ApiQuery<SolutionConnectorView[]>;
  /** The solution's draft functions (the actions section offers them). */
  readonly functions: ApiQuery<FunctionView[]>;
}

/**
 * `/solutions/:solution`: the solution's connectors (pinned versions), functions, connector
 * actions and releases, in the order a builder fills them in.
 */
export function SolutionPage() {
  const { solution: apiName = '' } = useParams();
  const api = useApi();
  const navigate = useNavigate();
  const toast = useToast();
  const [editOpen, setEditOpen] = useState(false);
  const query = useApiQuery((signal) => api.call(endpoints.getSolution, { params: { solution: apiName }, signal }), [apiName]);
  const connectors = useApiQuery(async (signal) => (await api.call(endpoints.listSolutionConnectors, { params: { solution: apiName }, signal })).items, [apiName]);
  const functions = useApiQuery(async (signal) => (await api.call(endpoints.listFunctions, { params: { solution: apiName }, signal })).items, [apiName]);
  const remove = useApiMutation(() => api.call(endpoints.deleteSolution, { params: { solution: apiName } }));
  const confirmDelete = useConfirmation<true>(remove);
  const solution = query.data;

  if (query.error || !solution) {
    return <PageFallback error={query.error} onRetry={query.reload} title="Solution" eyebrow={<Link to="/solutions">Solutions</Link>} loadingLabel="Loading solution…" />;
  }

  const props: SolutionSectionProps = { solution, connectors, functions };
  return (
    <>
      <PageHeader
        title={solution.name}
        eyebrow={<Link to="/solutions">Solutions</Link>}
        description={
          <>
            <code>{solution.apiName}</code>
            {solution.description && <> · {solution.description}</>}
          </>
        }
        actions={
          <>
            <Button onClick={() => setEditOpen(true)}>Edit solution</Button>
            <Button variant="ghost" onClick={() => confirmDelete.ask(true)}>
              Delete solution
            </Button>
          </>
        }
      />
      <div className="sections">
        <SolutionConnectorsSection {...props} />
        <FunctionsSection {...props} />
        <ConnectorActionsSection {...props} />
        <SolutionReleasesSection {...props} />
      </div>
      <SolutionFormDialog
        open={editOpen}
        solution={solution}
        onClose={() => setEditOpen(false)}
        onSaved={(saved) => {
          setEditOpen(false);
          query.setData(saved);
        }}
      />
      <ConfirmDialog
        {...confirmDelete.dialog}
        title="Delete solution"
        confirmLabel="Delete solution"
        onConfirm={async () => {
          const result = await remove.run();
          if (result.ok) {
            toast.show(`Solution “${solution.name}” deleted`, 'success');
            navigate('/solutions');
          }
        }}
      >
        <p>
          Delete <strong>{solution.name}</strong> with its connector associations, functions and releases? This cannot be undone. A solution that an org has
          installed cannot be deleted: uninstall it from those orgs first.
        </p>
      </ConfirmDialog>
    </>
  );
}
