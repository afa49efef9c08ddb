import { endpoints, type FunctionView, type SolutionConnectorView } from '@switchboard/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { Button } from '../../components/button.js';
import { ErrorState } from '../../components/error-state.js';
import { Field } from '../../components/field.js';
import { Select } from '../../components/inputs.js';
import { Loading } from '../../components/loading.js';
import { useToast } from '../../components/toast.js';

export interface ConnectorActionsFormProps {
  readonly solution: string;
  readonly connector: SolutionConnectorView;
  readonly functions: readonly FunctionView[];
}

/** The select's value for "no function" (function API names never are empty). */
const none = '';

/** One associated connector's On Authorization / On Revoking functions. */
export function ConnectorActionsForm({ solution, connector, functions }: ConnectorActionsFormProps) {
  const api = useApi();
  const toast = useToast();
  const params = { solution, connector: connector.connector };
  const current = useApiQuery((signal) => api.call(endpoints.getConnectorActions, { params, signal }), [solution, connector.connector]);
  const [onAuthorize, setOnAuthorize] = useState(none);
  const [onRevoke, setOnRevoke] = useState(none);
  const save = useApiMutation((body: { onAuthorize: string | null; onRevoke: string | null }) => api.call(endpoints.setConnectorActions, { params, body }));

  useEffect(() => {
    if (!current.data) return;
    setOnAuthorize(current.data.onAuthorize ?? none);
    setOnRevoke(current.data.onRevoke ?? none);
  }, [current.data]);

  const dirty = current.data !== undefined && ((current.data.onAuthorize ?? none) !== onAuthorize || (current.data.onRevoke ?? none) !== onRevoke);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save.run({ onAuthorize: onAuthorize === none ? null : onAuthorize, onRevoke: onRevoke === none ? null : onRevoke });
    if (result.ok) {
      toast.show(`Actions of ${connector.name} saved`, 'success');
      current.setData(result.data);
    }
  };

  const options = (selected: string) => (
    <>
      <option value={none}>None</option>
      {functions.map((fn) => (
        <option key={fn.apiName} value={fn.apiName}>
          {fn.name} ({fn.apiName})
        </option>
      ))}
      {/* A function deleted since it was chosen: still shown, so saving does not silently change it. */}
      {selected !== none && !functions.some((fn) => fn.apiName === selected) && <option value={selected}>{selected} (missing)</option>}
    </>
  );

  return (
    <form className="actions-card-form" onSubmit={submit} noValidate aria-label={`Actions of ${connector.name}`}>
      <fieldset className="actions-card">
        <legend>
          {connector.name} <code>{connector.connector}</code>
        </legend>
        {current.error ? (
          <ErrorState error={current.error} onRetry={current.reload} compact />
        ) : !current.data ? (
          <Loading label={`Loading actions of ${connector.name}…`} />
        ) : (
          <>
            <div className="form-row">
              <Field label="On Authorization" help={`Runs a function when an org authorizes ${connector.name}.`} error={save.error?.fieldError('onAuthorize')}>
                <Select name="onAuthorize" value={onAuthorize} onChange={(event) => setOnAuthorize(event.target.value)}>
                  {options(onAuthorize)}
                </Select>
              </Field>
              <Field label="On Revoking" help="Runs a function when an org’s connection is revoked, also by an uninstall or an upgrade that drops the connector." error={save.error?.fieldError('onRevoke')}>
                <Select name="onRevoke" value={onRevoke} onChange={(event) => setOnRevoke(event.target.value)}>
                  {options(onRevoke)}
                </Select>
              </Field>
            </div>
            {save.error && !save.error.fieldError('onAuthorize') && !save.error.fieldError('onRevoke') && <ErrorState error={save.error} compact />}
            <div className="form-actions">
              <Button type="submit" variant={dirty ? 'primary' : 'secondary'} loading={save.pending} disabled={!dirty}>
                Save actions
              </Button>
              {dirty && <span className="muted">Unsaved changes</span>}
            </div>
          </>
        )}
      </fieldset>
    </form>
  );
}

