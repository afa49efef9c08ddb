import { endpoints, type InstallationView, type UninstallResult } from '@switchboard/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { Button } from '../../components/button.js';
import { ConfirmDialog, useConfirmation } from '../../components/confirm-dialog.js';
import { DateTime } from '../../components/date-time.js';
import { EmptyState } from '../../components/empty-state.js';
import { QueryContent } from '../../components/query-content.js';
import { Section } from '../../components/section.js';
import { Table, type Column } from '../../components/table.js';
import { useToast } from '../../components/toast.js';
import { InstallReleaseDialog } from './install-release-dialog.js';
import type { OrgSectionProps } from './org-page.js';
import { DEV_ORG } from './org-paths.js';
import { UninstallResultNotice } from './uninstall-result-notice.js';
import { UpgradeInstallationDialog } from './upgrade-installation-dialog.js';

export interface OrgInstallationsSectionProps extends OrgSectionProps {
  /** Installing, upgrading or uninstalling changes the org's connections: the page reloads them. */
  readonly onChanged: () => void;
}

/**
 * The solution releases installed in a subscriber org: install, upgrade, uninstall. Org `dev`
 * takes no installations (it always uses the drafts), so for it the section only says so.
 */
export function OrgInstallationsSection({ org, onChanged }: OrgInstallationsSectionProps) {
  if (org.id === DEV_ORG) {
    return (
      <Section headingId="org-installations-heading" title="Installations">
        <p className="notice" role="note">
          Nothing is installed in <code>{DEV_ORG}</code>: it always uses every connector as drafted (and the solutions’ draft functions), so you can test
          changes before you publish them. Install releases in a subscriber org instead.
        </p>
      </Section>
    );
  }
  return <SubscriberInstallations org={org} onChanged={onChanged} />;
}

function SubscriberInstallations({ org, onChanged }: OrgInstallationsSectionProps) {
  const api = useApi();
  const toast = useToast();
  const query = useApiQuery(async (signal) => (await api.call(endpoints.listInstallations, { params: { org: org.id }, signal })).items, [org.id]);
  const [installOpen, setInstallOpen] = useState(false);
  const [upgrading, setUpgrading] = useState<InstallationView | null>(null);
  const [uninstalled, setUninstalled] = useState<UninstallResult | null>(null);
  const uninstall = useApiMutation((solution: string) => api.call(endpoints.uninstallSolution, { params: { org: org.id, solution } }));
  const confirmUninstall = useConfirmation<InstallationView>(uninstall);
  const uninstalling = confirmUninstall.subject;
  const items = query.data;

  const replace = (installation: InstallationView) =>
    query.setData((current) => {
      const rest = (current ?? []).filter((item) => item.solution !== installation.solution);
      return [...rest, installation].sort((a, b) => a.solution.localeCompare(b.solution));
    });

  const install = (
    <Button variant={items && items.length > 0 ? 'secondary' : 'primary'} onClick={() => setInstallOpen(true)}>
      Install release
    </Button>
  );

  const columns: readonly Column<InstallationView>[] = [
    { key: 'solution', header: 'Solution', cell: (item) => <Link to={`/solutions/${encodeURIComponent(item.solution)}`} className="strong-link mono">{item.solution}</Link> },
    {
      key: 'release',
      header: 'Release',
      cell: (item) => (
        <span className="org-release">
          <strong>{item.release}</strong>
          {item.availableRelease && <span className="muted"> · {item.availableRelease} available</span>}
        </span>
      ),
    },
    {
      key: 'connectors',
      header: 'Connectors',
      cell: (item) => (
        <ul className="org-inline-list" aria-label={`Connectors of ${item.solution}`}>
          {item.connectors.map((connector) => (
            <li key={connector.connector}>
              <code>
                {connector.connector} v{connector.version}
              </code>
            </li>
          ))}
        </ul>
      ),
    },
    { key: 'updated', header: 'Installed or upgraded', cell: (item) => <DateTime iso={item.updatedAt} /> },
    {
      key: 'actions',
      header: 'Actions',
      cell: (item) => (
        <span className="org-row-actions">
          {item.availableRelease && (
            <Button size="small" variant="primary" onClick={() => setUpgrading(item)}>
              Upgrade<span className="visually-hidden"> {item.solution}</span>
            </Button>
          )}
          <Button size="small" variant="ghost" onClick={() => confirmUninstall.ask(item)}>
            Uninstall<span className="visually-hidden"> {item.solution}</span>
          </Button>
        </span>
      ),
    },
  ];

  return (
    <Section
      headingId="org-installations-heading"
      title="Installations"
      intro={
        <>
          The solution releases {org.name} uses. Their connectors join the org’s checklist below, at the versions each release recorded; the org’s admin then
          authorizes them.
        </>
      }
      actions={items && items.length > 0 && install}
    >
      {uninstalled && <UninstallResultNotice result={uninstalled} onDismiss={() => setUninstalled(null)} />}
      <QueryContent
        query={query}
        data={items}
        loadingLabel="Loading installations…"
        empty={
          <EmptyState level={3} title="Nothing installed yet" action={install}>
            <p>Install a release of one of your solutions: its connectors then appear on this org’s Setup pages, ready to authorize.</p>
          </EmptyState>
        }
      >
        {(installations) => <Table caption={`Solutions installed in ${org.name}`} columns={columns} rows={installations} rowKey={(item) => item.solution} />}
      </QueryContent>
      <InstallReleaseDialog
        open={installOpen}
        org={org}
        installed={(items ?? []).map((item) => item.solution)}
        onClose={() => setInstallOpen(false)}
        onInstalled={(installation) => {
          setInstallOpen(false);
          setUninstalled(null);
          replace(installation);
          onChanged();
        }}
      />
      <UpgradeInstallationDialog
        org={org}
        installation={upgrading}
        onClose={() => setUpgrading(null)}
        onUpgraded={(installation) => {
          setUpgrading(null);
          replace(installation);
          onChanged();
        }}
        onStale={query.reload}
      />
      <ConfirmDialog
        {...confirmUninstall.dialog}
        title={uninstalling ? `Uninstall ${uninstalling.solution}?` : 'Uninstall'}
        confirmLabel="Uninstall"
        onConfirm={async () => {
          if (!uninstalling) return;
          const result = await uninstall.run(uninstalling.solution);
          if (!result.ok) return;
          confirmUninstall.close();
          setUninstalled(result.data);
          query.setData((current) => (current ?? []).filter((item) => item.solution !== result.data.solution));
          toast.show(`${result.data.solution} uninstalled from ${org.name}`, 'success');
          onChanged();
        }}
      >
        {uninstalling && (
          <>
            <p>
              Remove release <strong>{uninstalling.release}</strong> of <code>{uninstalling.solution}</code> from {org.name}?
            </p>
            <p>
              The org’s connections of connectors that no other installed solution brings are <strong>revoked at the provider</strong> and their tokens deleted;
              its admin would have to authorize them again after a new install. Connector actions run their On revoking function.
            </p>
          </>
        )}
      </ConfirmDialog>
    </Section>
  );
}
