import { endpoints, type SolutionConnectorView } from '@switchboard/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { ErrorState } from '../../components/error-state.js';
import { Field } from '../../components/field.js';
import { errorBelowFields, FormDialog, useResetOnOpen } from '../../components/form-dialog.js';
import { Select } from '../../components/inputs.js';
import { Loading } from '../../components/loading.js';
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
  const [connector, setConnector] = useState('');
  const [version, setVersion] = useState('');
  const connectors = useApiQuery(
    async (signal) => (open && !moving ? (await api.call(endpoints.listConnectors, { signal })).items : undefined),
    [open, moving],
  );
  const versions = useApiQuery(
    async (signal) => (open && connector !== '' ? (await api.call(endpoints.listVersions, { params: { connector }, signal })).items : undefined),
    [open, connector],
  );
  const save = useApiMutation((target: { connector: string; version: number }) =>
    api.call(endpoints.pinSolutionConnector, { params: { solution, connector: target.connector }, body: { version: target.version } }),
  );

  useResetOnOpen(open, () => {
    setConnector(pinned?.connector ?? '');
    setVersion(pinned ? String(pinned.version) : '');
    save.reset();
  });

  // Default to the newest published version once a connector's versions arrive.
  useEffect(() => {
    const items = versions.data;
    if (!items || items.length === 0) return;
    if (!items.some((item) => String(item.version) === version)) setVersion(String(items[0]!.version));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the list changes
  }, [versions.data]);

  const available = (connectors.data ?? []).filter((item) => !associated.includes(item.apiName));
  const chosenName = moving ? pinned.name : connectors.data?.find((item) => item.apiName === connector)?.name ?? connector;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (connector === '' || version === '') return;
    const result = await save.run({ connector, version: Number(version) });
    if (result.ok) {
      toast.show(moving ? `${result.data.name} now pinned at v${result.data.version}` : `${result.data.name} v${result.data.version} associated`, 'success');
      onSaved(result.data);
    }
  };
  const noVersions = versions.data !== undefined && versions.data.length === 0;
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
      submitDisabled={connector === '' || version === '' || noVersions}
    >
      {!moving &&
        (connectors.error ? (
          <ErrorState error={connectors.error} onRetry={connectors.reload} compact />
        ) : !connectors.data ? (
          <Loading label="Loading connectors…" />
        ) : available.length === 0 ? (
          <p className="notice">
            {connectors.data.length === 0 ? 'There are no connectors yet. ' : 'Every connector is already associated with this solution. '}
            <Link to="/connectors">Go to Connectors</Link>
          </p>
        ) : (
          <Field label="Connector" required help="The connector subscribers will authorize.">
            <Select name="connector" value={connector} onChange={(event) => setConnector(event.target.value)} data-autofocus>
              <option value="">Choose a connector…</option>
              {available.map((item) => (
                <option key={item.apiName} value={item.apiName}>
                  {item.name} ({item.apiName})
                </option>
              ))}
            </Select>
          </Field>
        ))}
      {connector !== '' &&
        (versions.error ? (
          <ErrorState error={versions.error} onRetry={versions.reload} compact />
        ) : !versions.data ? (
          <Loading label="Loading published versions…" />
        ) : noVersions ? (
          <p className="notice">
            {chosenName} has no published version yet. <Link to={`/connectors/${encodeURIComponent(connector)}`}>Open the connector</Link> and publish it first.
          </p>
        ) : (
          <Field
            label="Version"
            required
            error={save.error?.fieldError('version')}
            help={moving ? `Pinned now at v${pinned.version}. Releases already cut keep the version they recorded.` : 'The newest is chosen; pick an older one to hold subscribers back.'}
          >
            <Select name="version" value={version} onChange={(event) => setVersion(event.target.value)} {...(moving ? { 'data-autofocus': true } : {})}>
              {versions.data.map((item) => (
                <option key={item.version} value={String(item.version)}>
                  v{item.version} — published {formatDateTime(item.publishedAt)} ({item.apiCount} API{item.apiCount === 1 ? '' : 's'})
                </option>
              ))}
            </Select>
          </Field>
        ))}
      {otherError && <ErrorState error={otherError} compact />}
    </FormDialog>
  );
}
