import { endpoints, type SolutionConnectorView } from '@switchboard/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { Button } from '../../components/button.js';
import { ConfirmDialog, useConfirmation } from '../../components/confirm-dialog.js';
import { EmptyState } from '../../components/empty-state.js';
import { QueryContent } from '../../components/query-content.js';
import { Section } from '../../components/section.js';
import { Table, type Column } from '../../components/table.js';
import { useToast } from '../../components/toast.js';
import { PinConnectorDialog } from './pin-connector-dialog.js';
import type { SolutionSectionProps } from './solution-page.js';

/** The solution's connectors, each pinned at a published version: associate, move a pin, dissociate. */
export function SolutionConnectorsSection({ solution, connectors }: SolutionSectionProps) {
  const api = useApi();
  const toast = useToast();
  // undefined: closed; null: associate a new one; a row: move its pin.
  const [pinning, setPinning] = useState<SolutionConnectorView | null | undefined>(undefined);
  const dissociate = useApiMutation((connector: string) => api.call(endpoints.unpinSolutionConnector, { params: { solution: solution.apiName, connector } }));
  const confirmDissociate = useConfirmation<SolutionConnectorView>(dissociate);
  const dissociating = confirmDissociate.subject;
  const rows = connectors.data;

  const columns: readonly Column<SolutionConnectorView>[] = [
    {
      key: 'connector',
      header: 'Connector',
      cell: (row) => (
        <span>
          <Link to={`/connectors/${encodeURIComponent(row.connector)}`} className="strong-link">
            {row.name}
          </Link>{' '}
          <code>{row.connector}</code>
        </span>
      ),
    },
    { key: 'service', header: 'Service', cell: (row) => row.serviceName },
    { key: 'version', header: 'Pinned version', cell: (row) => `v${row.version}` },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      label: 'Actions',
      cell: (row) => (
        <span className="row-actions">
          <Button size="small" onClick={() => setPinning(row)} aria-label={`Change version of ${row.name}`}>
            Change version
          </Button>
          <Button
            size="small"
            variant="ghost"
            aria-label={`Dissociate ${row.name}`}
            onClick={() => confirmDissociate.ask(row)}
          >
            Dissociate
          </Button>
        </span>
      ),
    },
  ];
  const associate = (
    <Button variant={rows && rows.length > 0 ? 'secondary' : 'primary'} onClick={() => setPinning(null)}>
      Associate connector
    </Button>
  );

  return (
    <Section
      headingId="solution-connectors-heading"
      title="Connectors"
      intro={
        <>
          Each connector is pinned at a published version. A release records the pins, and orgs that install it use exactly those versions, whatever you change in
          the drafts later.
        </>
      }
      actions={rows && rows.length > 0 && associate}
    >
      <QueryContent
        query={connectors}
        data={rows}
        loadingLabel="Loading connectors…"
        empty={
          <EmptyState level={3} title="No connectors associated" action={associate}>
            <p>Associate a connector at one of its published versions. A solution needs at least one connector before it can be released.</p>
          </EmptyState>
        }
      >
        {(rows) => <Table caption={`Connectors of ${solution.name}`} columns={columns} rows={rows} rowKey={(row) => row.connector} />}
      </QueryContent>
      <PinConnectorDialog
        open={pinning !== undefined}
        solution={solution.apiName}
        pinned={pinning ?? undefined}
        associated={(rows ?? []).map((row) => row.connector)}
        onClose={() => setPinning(undefined)}
        onSaved={() => {
          setPinning(undefined);
          connectors.reload();
        }}
      />
      <ConfirmDialog
        {...confirmDissociate.dialog}
        title="Dissociate connector"
        confirmLabel="Dissociate"
        onConfirm={async () => {
          if (!dissociating) return;
          const result = await dissociate.run(dissociating.connector);
          if (result.ok) {
            toast.show(`${dissociating.name} dissociated`, 'success');
            confirmDissociate.close();
            connectors.reload();
          }
        }}
      >
        <p>
          Remove <strong>{dissociating?.name}</strong> from {solution.name}? Releases already cut keep the version they recorded;
          the next release will not bring this connector, and orgs that upgrade to it will have their connection revoked.
        </p>
      </ConfirmDialog>
    </Section>
  );
}
