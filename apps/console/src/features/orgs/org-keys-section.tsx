import { endpoints, type OrgKeyCreated, type OrgKeyView } from '@switchboard/contracts';
import { useState } from 'react';
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
import { CreateOrgKeyDialog } from './create-org-key-dialog.js';
import { OrgKeyCreatedDialog } from './org-key-created-dialog.js';
import type { OrgSectionProps } from './org-page.js';
import { DEV_ORG } from './org-paths.js';

/**
 * The org's keys: create one (shown once), list them (never the keys), revoke one. An org key
 * signs its admin in to this console (the org's Setup pages) and lets the org's backend mint SDK
 * sessions for its widgets.
 */
export function OrgKeysSection({ org }: OrgSectionProps) {
  const api = useApi();
  const toast = useToast();
  const query = useApiQuery(async (signal) => (await api.call(endpoints.listOrgKeys, { params: { org: org.id }, signal })).items, [org.id]);
  const [createOpen, setCreateOpen] = useState(false);
  // The new key lives in this state only while its dialog is open (never stored, never logged).
  const [created, setCreated] = useState<OrgKeyCreated | null>(null);
  const revoke = useApiMutation((key: string) => api.call(endpoints.revokeOrgKey, { params: { org: org.id, key } }));
  const confirmRevoke = useConfirmation<OrgKeyView>(revoke);
  const revoking = confirmRevoke.subject;
  const items = query.data;

  const create = (
    <Button variant={items && items.length > 0 ? 'secondary' : 'primary'} onClick={() => setCreateOpen(true)}>
      Create org key
    </Button>
  );

  const columns: readonly Column<OrgKeyView>[] = [
    { key: 'name', header: 'Name', cell: (key) => <strong className="org-break">{key.name}</strong> },
    { key: 'prefix', header: 'Starts with', cell: (key) => <code className="org-break">{key.prefix}…</code> },
    { key: 'created', header: 'Created', cell: (key) => <DateTime iso={key.createdAt} /> },
    { key: 'used', header: 'Last used', cell: (key) => (key.lastUsedAt ? <DateTime iso={key.lastUsedAt} /> : <span className="muted">Never</span>) },
    {
      key: 'actions',
      header: 'Actions',
      cell: (key) => (
        <Button size="small" variant="ghost" onClick={() => confirmRevoke.ask(key)}>
          Revoke<span className="visually-hidden"> key {key.name}</span>
        </Button>
      ),
    },
  ];

  return (
    <Section
      headingId="org-keys-heading"
      title="Org keys"
      intro={
        <>
          {org.id === DEV_ORG
            ? 'A key of your own org shows you its Setup pages as a subscriber admin sees them, and mints SDK sessions to try widgets against your drafts.'
            : `An org key lets ${org.name}’s admin sign in to this console (their Setup pages) and their backend mint SDK sessions for widgets.`}{' '}
          It works on this org only. Give each person or system its own key, so one can be revoked alone.
        </>
      }
      actions={items && items.length > 0 && create}
    >
      <QueryContent
        query={query}
        data={items}
        loadingLabel="Loading org keys…"
        empty={
          <EmptyState level={3} title="No org keys yet" action={create}>
            <p>Create a key and hand it to the org’s admin (over a secure channel): they sign in here with it to authorize their connectors.</p>
          </EmptyState>
        }
      >
        {(keys) => <Table caption={`Keys of ${org.name}`} columns={columns} rows={keys} rowKey={(key) => key.id} />}
      </QueryContent>
      <CreateOrgKeyDialog
        open={createOpen}
        org={org.id}
        onClose={() => setCreateOpen(false)}
        onCreated={(key) => {
          setCreateOpen(false);
          setCreated(key);
          const { key: _secret, ...listed } = key;
          query.setData((current) => [...(current ?? []), { ...listed, lastUsedAt: null }]);
        }}
      />
      <OrgKeyCreatedDialog created={created} orgName={org.name} onClose={() => setCreated(null)} />
      <ConfirmDialog
        {...confirmRevoke.dialog}
        title={revoking ? `Revoke key ${revoking.name}?` : 'Revoke key'}
        confirmLabel="Revoke key"
        onConfirm={async () => {
          if (!revoking) return;
          const result = await revoke.run(revoking.id);
          if (!result.ok) return;
          toast.show(`Key “${revoking.name}” revoked`, 'success');
          query.setData((current) => (current ?? []).filter((key) => key.id !== revoking.id));
          confirmRevoke.close();
        }}
      >
        {revoking && (
          <p>
            The key <strong>{revoking.name}</strong> (<code>{revoking.prefix}…</code>) stops working at once. The SDK sessions it minted and the console
            sessions signed in with it end with it. The org’s connections stay authorized.
          </p>
        )}
      </ConfirmDialog>
    </Section>
  );
}
