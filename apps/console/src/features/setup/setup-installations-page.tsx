import { endpoints, type ConnectionView, type InstallationView } from '@switchboard/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context.js';
import { toApiError, type ApiError } from '../../api/api-error.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { QueryContent } from '../../components/query-content.js';
import { PageHeader } from '../../components/page-header.js';
import { Table, type Column } from '../../components/table.js';
import { useToast } from '../../components/toast.js';
import { connectionsNeedingReauthorization } from './upgrade-outcome.js';
import { useOrgSession } from './use-org-session.js';
import './setup.css';
import { DateTime } from '../../components/date-time.js';

/** The last upgrade and what it asks of the admin (connections read again after it). */
interface UpgradeOutcome {
  readonly solution: string;
  readonly fromRelease: string;
  readonly toRelease: string;
  readonly reauthorize: readonly ConnectionView[] | undefined;
  readonly connectionsError: ApiError | undefined;
}

const date = (iso: string) => <DateTime iso={iso} />;

/** `/setup/installations`: the solutions installed in the org, and upgrades to their newest release. */
export function SetupInstallationsPage() {
  const api = useApi();
  const toast = useToast();
  const { org, orgName } = useOrgSession();
  const query = useApiQuery((signal) => api.call(endpoints.listInstallations, { params: { org }, signal }), [org]);
  const [confirming, setConfirming] = useState<InstallationView | null>(null);
  const [outcome, setOutcome] = useState<UpgradeOutcome | null>(null);
  const upgrade = useApiMutation((installation: InstallationView) =>
    api.call(endpoints.upgradeInstallation, { params: { org, solution: installation.solution }, body: { release: installation.availableRelease! } }),
  );

  const runUpgrade = async (installation: InstallationView) => {
    const result = await upgrade.run(installation);
    if (!result.ok) return;
    setConfirming(null);
    query.setData((current) => ({ items: (current?.items ?? []).map((item) => (item.solution === result.data.solution ? result.data : item)) }));
    toast.show(`${installation.solution} upgraded to ${result.data.release}`, 'success');
    // The upgrade may have changed scopes or endpoints: read the checklist again to say which connectors need consent.
    let reauthorize: ConnectionView[] | undefined;
    let connectionsError: ApiError | undefined;
    try {
      const { items } = await api.call(endpoints.listConnections, { params: { org } });
      reauthorize = connectionsNeedingReauthorization(items, result.data);
    } catch (error) {
      connectionsError = toApiError(error);
    }
    setOutcome({ solution: installation.solution, fromRelease: installation.release, toRelease: result.data.release, reauthorize, connectionsError });
  };

  const columns: readonly Column<InstallationView>[] = [
    { key: 'solution', header: 'Solution', cell: (item) => <code className="strong-link">{item.solution}</code> },
    { key: 'release', header: 'Release', cell: (item) => item.release },
    {
      key: 'connectors',
      header: 'Connectors',
      cell: (item) => (
        <ul className="installation-connectors" aria-label={`Connectors of ${item.solution}`}>
          {item.connectors.map((connector) => (
            <li key={connector.connector}>
              <code>{connector.connector}</code> <span className="muted">v{connector.version}</span>
            </li>
          ))}
        </ul>
      ),
    },
    { key: 'installed', header: 'Installed', cell: (item) => date(item.installedAt) },
    { key: 'updated', header: 'Updated', cell: (item) => date(item.updatedAt) },
    {
      key: 'upgrade',
      header: 'Upgrade',
      cell: (item) =>
        item.availableRelease ? (
          <Button
            size="small"
            variant="primary"
            onClick={() => {
              upgrade.reset();
              setConfirming(item);
            }}
          >
            Upgrade to {item.availableRelease}
            <span className="visually-hidden"> ({item.solution})</span>
          </Button>
        ) : (
          <span className="muted">Up to date</span>
        ),
    },
  ];
  const items = query.data?.items;

  return (
    <>
      <PageHeader title="Installations" eyebrow="Setup" description={`The solutions installed in ${orgName}, at the release each runs. When a newer release is available you can upgrade to it here.`} />
      {outcome && <UpgradeOutcomeNotice outcome={outcome} onDismiss={() => setOutcome(null)} />}
      <QueryContent
        query={query}
        data={items}
        loadingLabel="Loading installations…"
        empty={
          <EmptyState title="No solutions installed">
            <p>Your provider installs solutions in your org. Once one is installed, its connectors appear on <Link to="/setup/connectors">Setup › Connectors</Link> for you to authorize.</p>
          </EmptyState>
        }
      >
        {(items) => <Table caption="Installed solutions" columns={columns} rows={items} rowKey={(item) => item.solution} />}
      </QueryContent>
      <Dialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming ? `Upgrade ${confirming.solution} to ${confirming.availableRelease}?` : 'Upgrade'}
        description="The org starts using the new release's connector versions at once. If they ask for new scopes or call new endpoints, those connectors need to be authorized again before they work."
        footer={
          <>
            <Button onClick={() => setConfirming(null)}>Cancel</Button>
            <Button variant="primary" onClick={() => confirming && runUpgrade(confirming)} loading={upgrade.pending} data-autofocus>
              Upgrade
            </Button>
          </>
        }
      >
        {confirming && (
          <p>
            From release <strong>{confirming.release}</strong> to <strong>{confirming.availableRelease}</strong>.
          </p>
        )}
        {upgrade.error && <ErrorState error={upgrade.error} compact />}
      </Dialog>
    </>
  );
}

function UpgradeOutcomeNotice({ outcome, onDismiss }: { outcome: UpgradeOutcome; onDismiss: () => void }) {
  const needs = outcome.reauthorize ?? [];
  return (
    <div className={needs.length > 0 ? 'notice notice-warning upgrade-result' : 'notice-success upgrade-result'} role="status">
      <p>
        <strong>
          {outcome.solution} upgraded from {outcome.fromRelease} to {outcome.toRelease}.
        </strong>
      </p>
      {outcome.connectionsError ? (
        <p>
          Could not check which connectors need re-authorization ({outcome.connectionsError.detail}, code <code>{outcome.connectionsError.code}</code>). Look at{' '}
          <Link to="/setup/connectors">Setup › Connectors</Link>.
        </p>
      ) : needs.length > 0 ? (
        <>
          <p>
            {needs.length === 1 ? 'This connector needs' : 'These connectors need'} to be authorized again before {needs.length === 1 ? 'it works' : 'they work'}:
          </p>
          <ul>
            {needs.map((item) => (
              <li key={item.connector}>
                {item.name} (<code>{item.connector}</code>){item.lastError ? `: ${item.lastError.message}` : ''}
              </li>
            ))}
          </ul>
          <p>
            <Link to="/setup/connectors">Re-authorize on Setup › Connectors</Link>
          </p>
        </>
      ) : (
        <p>No connector needs to be authorized again.</p>
      )}
      <div>
        <Button size="small" variant="ghost" onClick={onDismiss}>
          Dismiss
        </Button>
      </div>
    </div>
  );
}
