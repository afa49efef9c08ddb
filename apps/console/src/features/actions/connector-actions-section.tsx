import { ErrorState } from '../../components/error-state.js';
import { Loading } from '../../components/loading.js';
import { Section } from '../../components/section.js';
import type { SolutionSectionProps } from '../solutions/solution-page.js';
import { ConnectorActionsForm } from './connector-actions-form.js';

/**
 * Per associated connector, the functions run when an org authorizes it (On Authorization) and
 * when its connection is revoked (On Revoking).
 */
export function ConnectorActionsSection({ solution, connectors, functions }: SolutionSectionProps) {
  const error = connectors.error ?? functions.error;
  return (
    <Section
      headingId="solution-actions-heading"
      title="Actions"
      intro={
        <>
          An action runs a function of this solution when a subscriber org authorizes a connector or its connection is revoked. It runs in the background just
          after, and each run is listed in the org’s executions. The function receives <code>{'{event, connector, org, scopes, at}'}</code> as its arguments.
        </>
      }
    >
      {error ? (
        <ErrorState
          error={error}
          onRetry={() => {
            connectors.reload();
            functions.reload();
          }}
        />
      ) : !connectors.data || !functions.data ? (
        <Loading label="Loading actions…" />
      ) : connectors.data.length === 0 ? (
        <p className="muted">Associate a connector first: actions are set per connector.</p>
      ) : (
        <div className="actions-grid">
          {functions.data.length === 0 && <p className="notice">This solution has no functions yet. Create one in Functions, then choose it here.</p>}
          {connectors.data.map((connector) => (
            <ConnectorActionsForm key={connector.connector} solution={solution.apiName} connector={connector} functions={functions.data ?? []} />
          ))}
        </div>
      )}
    </Section>
  );
}
