import { endpoints, type ApiView } from '@switchboard/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context.js';
import { toApiError, type ApiError } from '../../api/api-error.js';
import { Button } from '../../components/button.js';
import { ErrorState } from '../../components/error-state.js';
import { Field } from '../../components/field.js';
import { TextArea, TextInput } from '../../components/inputs.js';
import { buildInvokeData, buildInvokeForm, variableInputs, parseExtraData } from './build-invoke-data.js';
import { ResponseView, type InvokeOutcome } from './response-view.js';
import { devOrg, type DevConnection } from './use-dev-connection.js';
import '../apis/apis.css';

export interface ExecutePanelProps {
  readonly connector: string;
  /** The saved API (the panel always runs what is saved). */
  readonly api: ApiView;
  /** The editor holds unsaved changes. */
  readonly dirty: boolean;
  readonly devConnection: DevConnection;
}

/** Codes that mean "authorize first", with what to say. */
const authorizeHints: Record<string, string> = {
  not_authorized: 'Org dev has not authorized this connector yet. Authorize it, then run again.',
  connection_not_authorized: 'Org dev has not authorized this connector yet. Authorize it, then run again.',
  needs_reauthorization: 'The service no longer accepts org dev’s authorization (or the connector now asks for more). Authorize again, then run again.',
};

/**
 * The Execute panel: one input per variable the API declares, optional extra data as JSON (and a
 * file for multipart APIs), Run → `POST /v1/orgs/dev/invoke/{connector}.{api}`; then the
 * upstream status, the time taken (measured here, so it includes Switchboard), the headers and
 * the body pretty-printed.
 */
export function ExecutePanel({ connector, api, dirty, devConnection }: ExecutePanelProps) {
  const client = useApi();
  const headingId = useId();
  const [inputs, setInputs] = useState<Record<string, string>>({});
  const [extra, setExtra] = useState('');
  const [extraError, setExtraError] = useState<string | undefined>(undefined);
  const [file, setFile] = useState<File | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<InvokeOutcome | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const takesFile = api.body.type === 'multipart' && api.method !== 'GET' && api.method !== 'HEAD';

  // Another API: start from a clean slate (its variables differ).
  useEffect(() => {
    setOutcome(undefined);
    setError(undefined);
    setExtraError(undefined);
    setFile(null);
  }, [api.id]);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseExtraData(extra);
    if (!parsed.ok) {
      setExtraError(parsed.error);
      formRef.current?.querySelector<HTMLTextAreaElement>('textarea[name="extra"]')?.focus();
      return;
    }
    setExtraError(undefined);
    setRunning(true);
    setError(undefined);
    const variables = variableInputs(inputs, api.variables);
    const body = takesFile || file ? buildInvokeForm(variables, parsed.value, file) : buildInvokeData(variables, parsed.value);
    const started = performance.now();
    try {
      const result = await client.call(endpoints.invoke, { params: { org: devOrg, connector, api: api.apiName }, body });
      setOutcome({ result, durationMs: performance.now() - started });
    } catch (reason) {
      setOutcome(undefined);
      const apiError = toApiError(reason);
      setError(apiError);
      if (authorizeHints[apiError.code]) devConnection.query.reload();
    } finally {
      setRunning(false);
    }
  };

  const missing = error?.code === 'missing_variables' && Array.isArray(error.problem['variables']) ? (error.problem['variables'] as unknown[]).map(String) : [];

  return (
    <section className="execute-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>Execute</h3>
      <p className="section-intro">
        Runs the saved API with org <code>dev</code>’s connection: <code className="break">POST /v1/orgs/dev/invoke/{api.identifier}</code>
      </p>
      {dirty && (
        <p className="notice" role="note">
          The editor has unsaved changes. Run uses the saved API: save first to try your changes.
        </p>
      )}
      <form ref={formRef} className="form execute-form" onSubmit={run} noValidate aria-label={`Execute ${api.identifier}`}>
        {api.variables.length === 0 ? (
          <p className="muted execute-none">This API declares no variables.</p>
        ) : (
          <fieldset className="execute-variables">
            <legend className="field-label">Variables</legend>
            <div className="form-row">
              {api.variables.map((name) => (
                <Field key={name} label={name} error={missing.includes(name) ? 'Required by the API' : undefined}>
                  <TextInput
                    name={`variable-${name}`}
                    value={inputs[name] ?? ''}
                    spellCheck={false}
                    autoCapitalize="off"
                    onChange={(event) => setInputs((current) => ({ ...current, [name]: event.target.value }))}
                  />
                </Field>
              ))}
            </div>
            <p className="field-help">Values are sent as text, and an empty field as an empty text (<code>""</code>) unless Extra data gives that variable a value. For numbers, booleans or objects use Extra data.</p>
          </fieldset>
        )}
        {takesFile && (
          <Field label="File" help="Sent as the FILE part of a multipart request (no base64). Optional.">
            <input className="input" type="file" name="file" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
          </Field>
        )}
        <Field
          label="Extra data (JSON)"
          error={extraError}
          help={
            <>
              Optional. Merged into the data object, e.g. <code>{'{"Age": 42, "VARIABLES": {"tags": ["a"]}}'}</code>; a filled-in input above wins over its VARIABLES.
            </>
          }
        >
          <TextArea name="extra" className="mono" rows={3} spellCheck={false} value={extra} onChange={(event) => setExtra(event.target.value)} placeholder="{}" />
        </Field>
        <div className="form-actions">
          <Button type="submit" variant="primary" loading={running}>
            Run
          </Button>
        </div>
      </form>

      <div className="execute-result" aria-live="polite">
        {running && <p className="muted">Running {api.identifier}…</p>}
        {error && !running && (
          <div className="execute-error">
            <ErrorState error={error} />
            {authorizeHints[error.code] && (
              <div className="notice execute-hint">
                <p>{authorizeHints[error.code]}</p>
                <Button size="small" variant="primary" loading={devConnection.authorizing} onClick={devConnection.authorize}>
                  Authorize now
                </Button>
              </div>
            )}
            {error.code === 'destination_blocked' && (
              <p className="notice execute-hint">
                Switchboard refuses private and loopback addresses unless allowed. To test against a local service, start the server with{' '}
                <code>--allow-private-network &lt;host&gt;</code>.
              </p>
            )}
          </div>
        )}
        {outcome && !running && <ResponseView outcome={outcome} />}
      </div>
    </section>
  );
}
