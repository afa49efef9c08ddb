import { endpoints, type SolutionConnectorView } from '@switchboard/contracts';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { ErrorState } from '../../components/error-state.js';
import { errorBelowFields, FormDialog, useResetOnOpen } from '../../components/form-dialog.js';
import { ItemVersionFields, useItemVersionChoice } from '../../components/item-version-fields.js';
import { useToast } from '../../components/toast.js';
import { formatDateTime } from '../../format/format-date-time.js';

export interface PinConnectorDialogProps {
  readonly open: boolean;
  readonly solution: string;
  /** Absent: associate a new connector. Present: move this association's pin. */
  readonly pinned?: SolutionConnectorView | undefined;
  /** Connectors already associated (left out of the picker). */
  readonly associated: readonly string[];
  readonly onSaved: (pinned: SolutionConnectorView) => void;
  readonly onClose: () => void;
}

/**
 * Associate a connector at one of its published versions, or move a pin to another version.
 * The connector is chosen first; its versions load then (only published versions can be
 * associated: a solution ships frozen snapshots, never a draft that keeps changing).
 */
export function PinConnectorDialog({ open, solution, pinned, associated, onSaved, onClose }: PinConnectorDialogProps) {
  const api = useApi();
  const toast = useToast();
  const moving = pinned !== undefined;
  const choice = useItemVersionChoice({
    open,
    fixed: pinned && { apiName: pinned.connector, name: pinned.name },
    initialVersion: pinned && String(pinned.version),
    taken: associated,
    loadItems: async (signal) => (await api.call(endpoints.listConnectors, { signal })).items,
    loadVersions: async (connector, signal) => (await api.call(endpoints.listVersions, { params: { connector }, signal })).items,
    versionKey: (item) => String(item.version),
  });
  const save = useApiMutation((target: { connector: string; version: number }) =>
    api.call(endpoints.pinSolutionConnector, { params: { solution, connector: target.connector }, body: { version: target.version } }),
  );

  useResetOnOpen(open, () => save.reset());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!choice.ready) return;
    const result = await save.run({ connector: choice.item, version: Number(choice.version) });
    if (result.ok) {
      toast.show(moving ? `${result.data.name} now pinned at v${result.data.version}` : `${result.data.name} v${result.data.version} associated`, 'success');
      onSaved(result.data);
    }
  };
  const otherError = errorBelowFields(save.error, ['version']);

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={moving ? `Change version of ${pinned.name}` : 'Associate connector'}
      description="Only published versions can be associated: a solution ships a frozen snapshot of each connector. Publish the connector from its page to make your latest changes available."
      formId="pin-connector-form"
      onSubmit={submit}
      submitLabel={moving ? 'Move pin' : 'Associate'}
      pending={save.pending}
      submitDisabled={!choice.ready}
    >
      <ItemVersionFields
        choice={choice}
        itemField={{
          label: 'Connector',
          name: 'connector',
          placeholder: 'Choose a connector…',
          help: 'The connector subscribers will authorize.',
          loadingLabel: 'Loading connectors…',
          unavailable: (total) => (
            <>
              {total === 0 ? 'There are no connectors yet. ' : 'Every connector is already associated with this solution. '}
              <Link to="/connectors">Go to Connectors</Link>
            </>
          ),
        }}
        versionField={{
          label: 'Version',
          name: 'version',
          help: moving ? `Pinned now at v${pinned.version}. Releases already cut keep the version they recorded.` : 'The newest is chosen; pick an older one to hold subscribers back.',
          error: save.error?.fieldError('version'),
          loadingLabel: 'Loading published versions…',
          none: (connector) => (
            <>
              {connector.name} has no published version yet. <Link to={`/connectors/${encodeURIComponent(connector.apiName)}`}>Open the connector</Link> and publish it
              first.
            </>
          ),
          option: (item) => (
            <>
              v{item.version} — published {formatDateTime(item.publishedAt)} ({item.apiCount} API{item.apiCount === 1 ? '' : 's'})
            </>
          ),
        }}
      />
      {otherError && <ErrorState error={otherError} compact />}
    </FormDialog>
  );
}
