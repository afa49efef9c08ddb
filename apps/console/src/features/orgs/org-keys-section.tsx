import { endpoints, type OrgKeyCreated, type OrgKeyView } from '@switchboard/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { Button } from '../../components/button.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DateTime } from '../../components/date-time.js';
import { Dialog } from '../../components/dialog.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { Field } from '../../components/field.js';
import { TextInput } from '../../components/inputs.js';
import { Loading } from '../../components/loading.js';
import { Table, type Column } from '../../components/table.js';
import { useToast } from '../../components/toast.js';
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
  const [revoking, setRevoking] = useState<OrgKeyView | null>(null);
  const revoke = useApiMutation((key: string) => api.call(endpoints.revokeOrgKey, { params: { org: org.id, key } }));
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
        <Button
          size="small"
          variant="ghost"
          onClick={() => {
            revoke.reset();
            setRevoking(key);
          }}
        >
          Revoke<span className="visually-hidden"> key {key.name}</span>
        </Button>
      ),
    },
  ];

  return (
    <section className="card section" aria-labelledby="org-keys-heading">
      <div className="section-header">
        <div>
          <h2 id="org-keys-heading">Org keys</h2>
          <p className="section-intro">
            {org.id === DEV_ORG
              ? 'A key of your own org shows you its Setup pages as a subscriber admin sees them, and mints SDK sessions to try widgets against your drafts.'
              : `An org key lets ${org.name}’s admin sign in to this console (their Setup pages) and their backend mint SDK sessions for widgets.`}{' '}
            It works on this org only. Give each person or system its own key, so one can be revoked alone.
          </p>
        </div>
        {items && items.length > 0 && create}
      </div>
      {query.error ? (
        <ErrorState error={query.error} onRetry={query.reload} />
      ) : !items ? (
        <Loading label="Loading org keys…" />
      ) : items.length === 0 ? (
        <EmptyState level={3} title="No org keys yet" action={create}>
          <p>Create a key and hand it to the org’s admin (over a secure channel): they sign in here with it to authorize their connectors.</p>
        </EmptyState>
      ) : (
        <Table caption={`Keys of ${org.name}`} columns={columns} rows={items} rowKey={(key) => key.id} />
      )}
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
        open={revoking !== null}
        title={revoking ? `Revoke key ${revoking.name}?` : 'Revoke key'}
        confirmLabel="Revoke key"
        pending={revoke.pending}
        error={revoke.error}
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          if (!revoking) return;
          const result = await revoke.run(revoking.id);
          if (!result.ok) return;
          toast.show(`Key “${revoking.name}” revoked`, 'success');
          query.setData((current) => (current ?? []).filter((key) => key.id !== revoking.id));
          setRevoking(null);
        }}
      >
        {revoking && (
          <p>
            The key <strong>{revoking.name}</strong> (<code>{revoking.prefix}…</code>) stops working at once. The SDK sessions it minted and the console
            sessions signed in with it end with it. The org’s connections stay authorized.
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}

/** "Create org key": a name saying who or what holds it. */
function CreateOrgKeyDialog({ open, org, onCreated, onClose }: { open: boolean; org: string; onCreated: (key: OrgKeyCreated) => void; onClose: () => void }) {
  const api = useApi();
  const [name, setName] = useState('');
  const create = useApiMutation((keyName: string) => api.call(endpoints.createOrgKey, { params: { org }, body: { name: keyName } }));

  useEffect(() => {
    if (!open) return;
    setName('');
    create.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset when (re)opened only
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create.run(name.trim());
    if (result.ok) onCreated(result.data);
  };
  const otherError = create.error && !create.error.fieldError('name') ? create.error : undefined;

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Create org key"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="create-org-key-form" variant="primary" loading={create.pending}>
            Create key
          </Button>
        </>
      }
    >
      <form id="create-org-key-form" className="form" onSubmit={submit} noValidate>
        <Field label="Key name" required error={create.error?.fieldError('name')} help="Who or what holds it, e.g. “Jane (admin)” or “backend”. Shown in this list and in audit events.">
          <TextInput name="name" value={name} maxLength={100} autoComplete="off" data-autofocus onChange={(event) => setName(event.target.value)} />
        </Field>
        {otherError && <ErrorState error={otherError} compact />}
      </form>
    </Dialog>
  );
}
