import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiError } from '../../api/api-error.js';
import { Button } from '../../components/button.js';
import { ErrorState } from '../../components/error-state.js';
import { Field } from '../../components/field.js';
import { Checkbox, Select, TextArea, TextInput } from '../../components/inputs.js';
import { suggestApiName, type ConnectorFormValues, type LocalErrors } from './connector-form-values.js';

/** Field paths the form shows inline; any other error path from the API is listed above the buttons. */
const shownPaths = [
  'name', 'apiName', 'description', 'serviceName', 'signupUrl', 'authorizationUrl', 'tokenUrl', 'refreshUrl', 'revokeUrl', 'revokeUsing',
  'scopes', 'scopeSeparator', 'pkce', 'clientAuthMethod', 'authorizationParams', 'tokenParams', 'tokenPlacement', 'issuer',
];

export interface ConnectorFormProps {
  readonly mode: 'create' | 'edit';
  readonly initial: ConnectorFormValues;
  /** Returns local (pre-send) errors to show, or nothing when the values were sent. */
  readonly onSubmit: (values: ConnectorFormValues) => Promise<LocalErrors | void>;
  readonly pending: boolean;
  /** The API's problem from the last submit: its field errors appear next to their fields. */
  readonly error: ApiError | undefined;
  readonly cancel: ReactNode;
}

/** Every field of a connector (create and edit), each with a short help text. */
export function ConnectorForm({ mode, initial, onSubmit, pending, error, cancel }: ConnectorFormProps) {
  const [values, setValues] = useState(initial);
  const [local, setLocal] = useState<LocalErrors>({});
  const [apiNameTouched, setApiNameTouched] = useState(mode === 'edit');
  const set = <K extends keyof ConnectorFormValues>(key: K, value: ConnectorFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const text = (key: keyof ConnectorFormValues) => ({
    name: key,
    value: values[key] as string,
    onChange: (event: { target: { value: string } }) => set(key, event.target.value as never),
  });
  const errorOf = (path: string) => local[path as keyof LocalErrors] ?? error?.fieldError(path);
  const unshown = error ? Object.entries(error.fieldErrors).filter(([path]) => !shownPaths.some((shown) => path === shown || path.startsWith(`${shown}.`))) : [];

  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  // After a refused submit, take the keyboard to the first field to fix (or the error summary).
  useEffect(() => {
    if (attempt === 0) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('.form-errors [role="alert"]');
    target?.focus();
  }, [attempt, error, local]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = await onSubmit(values);
    setLocal(errors ?? {});
    setAttempt((n) => n + 1);
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label={mode === 'create' ? 'Create connector' : 'Edit connector'}>
      <fieldset className="form-section">
        <legend>About the connector</legend>
        <Field label="Name" required error={errorOf('name')} help="Shown to builders and subscribers, e.g. “Acme CRM”.">
          <TextInput
            {...text('name')}
            maxLength={100}
            onChange={(event) => {
              const name = event.target.value;
              setValues((current) => ({ ...current, name, apiName: apiNameTouched ? current.apiName : suggestApiName(name) }));
            }}
          />
        </Field>
        <Field
          label="API name"
          required={mode === 'create'}
          error={errorOf('apiName')}
          help={
            mode === 'create'
              ? 'The identifier in URLs and in invoke calls (acme.list_contacts): a lowercase letter, then letters, digits or _. It cannot change later.'
              : 'The identifier in URLs and invoke calls; it cannot change.'
          }
        >
          <TextInput
            {...text('apiName')}
            readOnly={mode === 'edit'}
            spellCheck={false}
            autoCapitalize="off"
            onChange={(event) => {
              setApiNameTouched(true);
              set('apiName', event.target.value);
            }}
          />
        </Field>
        <Field label="Service name" required error={errorOf('serviceName')} help="The service this connector talks to, e.g. “Acme”.">
          <TextInput {...text('serviceName')} maxLength={100} />
        </Field>
        <Field label="Description" error={errorOf('description')} help="What the connector lets an app do; optional.">
          <TextArea {...text('description')} rows={3} maxLength={2000} />
        </Field>
        <Field label="Sign-up URL" error={errorOf('signupUrl')} help="Where a builder registers an OAuth app at the service to get a client id and secret; optional.">
          <TextInput {...text('signupUrl')} type="url" inputMode="url" spellCheck={false} placeholder="https://" />
        </Field>
      </fieldset>

      <fieldset className="form-section">
        <legend>OAuth 2.0 endpoints</legend>
        <Field
          label="Request Token URL (authorization URL)"
          required
          error={errorOf('authorizationUrl')}
          help="The service’s authorization endpoint: the page where a user signs in and approves access (RFC 6749 §3.1). The service redirects back with a code."
        >
          <TextInput {...text('authorizationUrl')} type="url" inputMode="url" spellCheck={false} placeholder="https://service.example/oauth/authorize" />
        </Field>
        <Field
          label="Access Token URL"
          required
          error={errorOf('tokenUrl')}
          help="The token endpoint (RFC 6749 §3.2): Switchboard exchanges the code there for access and refresh tokens, server to server."
        >
          <TextInput {...text('tokenUrl')} type="url" inputMode="url" spellCheck={false} placeholder="https://service.example/oauth/token" />
        </Field>
        <Field label="Refresh Token URL" error={errorOf('refreshUrl')} help="Where expired access tokens are refreshed; leave empty to use the Access Token URL (most services).">
          <TextInput {...text('refreshUrl')} type="url" inputMode="url" spellCheck={false} />
        </Field>
        <Field label="Revoke Token URL" error={errorOf('revokeUrl')} help="The revocation endpoint (RFC 7009) called when a connection is revoked; leave empty if the service has none (tokens are then only deleted here).">
          <TextInput {...text('revokeUrl')} type="url" inputMode="url" spellCheck={false} />
        </Field>
        <Field label="Token sent to revoke" error={errorOf('revokeUsing')} help="Which token the revocation request sends. Revoking the refresh token usually ends the whole grant. Required with a Revoke Token URL.">
          <Select name="revokeUsing" value={values.revokeUsing} onChange={(event) => set('revokeUsing', event.target.value as ConnectorFormValues['revokeUsing'])}>
            <option value="">— none —</option>
            <option value="refresh_token">Refresh token</option>
            <option value="access_token">Access token</option>
          </Select>
        </Field>
        <Field label="Issuer" error={errorOf('issuer')} help="The authorization server’s issuer identifier; when set, the iss in the redirect must match it (RFC 9207, mix-up protection). Optional.">
          <TextInput {...text('issuer')} type="url" inputMode="url" spellCheck={false} />
        </Field>
      </fieldset>

      <fieldset className="form-section">
        <legend>Authorization request</legend>
        <Field label="Scopes" error={errorOf('scopes')} help="The permissions to ask for, separated by spaces or new lines, as the service names them (e.g. contacts.read offline_access).">
          <TextArea {...text('scopes')} rows={2} spellCheck={false} autoCapitalize="off" />
        </Field>
        <Field label="Scope separator" error={errorOf('scopeSeparator')} help="How scopes are joined in the request: a space per the standard; some services want a comma.">
          <Select name="scopeSeparator" value={values.scopeSeparator} onChange={(event) => set('scopeSeparator', event.target.value)}>
            <option value=" ">Space (standard)</option>
            <option value=",">Comma</option>
            <option value="+">Plus</option>
            {![' ', ',', '+'].includes(values.scopeSeparator) && <option value={values.scopeSeparator}>{JSON.stringify(values.scopeSeparator)}</option>}
          </Select>
        </Field>
        <Checkbox
          label="Use PKCE"
          checked={values.pkce}
          onChange={(event) => set('pkce', event.target.checked)}
          error={errorOf('pkce')}
          help="Proof Key for Code Exchange (RFC 7636): binds the code to this flow. Keep it on unless the service rejects it."
        />
        <Field label="Client authentication" error={errorOf('clientAuthMethod')} help="How the client id and secret reach the token endpoint: in the form body, or as HTTP Basic credentials.">
          <Select name="clientAuthMethod" value={values.clientAuthMethod} onChange={(event) => set('clientAuthMethod', event.target.value as ConnectorFormValues['clientAuthMethod'])}>
            <option value="client_secret_post">In the request body (client_secret_post)</option>
            <option value="client_secret_basic">HTTP Basic (client_secret_basic)</option>
          </Select>
        </Field>
        <Field label="Extra authorization parameters" error={errorOf('authorizationParams')} help="Added to the authorization URL, one name=value per line (e.g. prompt=consent, access_type=offline).">
          <TextArea {...text('authorizationParams')} rows={2} spellCheck={false} autoCapitalize="off" />
        </Field>
        <Field label="Extra token parameters" error={errorOf('tokenParams')} help="Added to token requests, one name=value per line (e.g. audience=https://api.example).">
          <TextArea {...text('tokenParams')} rows={2} spellCheck={false} autoCapitalize="off" />
        </Field>
      </fieldset>

      <fieldset className="form-section">
        <legend>Calling the service’s APIs</legend>
        <Field label="Send the access token in" error={errorOf('tokenPlacement.type') ?? errorOf('tokenPlacement')} help="Most services take it in the Authorization header.">
          <Select
            name="tokenPlacementType"
            value={values.tokenPlacementType}
            onChange={(event) => {
              const type = event.target.value as 'header' | 'query';
              setValues((current) => ({ ...current, tokenPlacementType: type, tokenPlacementName: type === 'header' ? 'Authorization' : 'access_token' }));
            }}
          >
            <option value="header">A header</option>
            <option value="query">A query parameter</option>
          </Select>
        </Field>
        <div className="form-row">
          <Field label={values.tokenPlacementType === 'header' ? 'Header name' : 'Query parameter name'} error={errorOf('tokenPlacement.name')}>
            <TextInput {...text('tokenPlacementName')} spellCheck={false} autoCapitalize="off" />
          </Field>
          {values.tokenPlacementType === 'header' && (
            <Field label="Prefix" error={errorOf('tokenPlacement.prefix')} help="Text before the token, with its trailing space: “Bearer ”.">
              <TextInput {...text('tokenPlacementPrefix')} spellCheck={false} autoCapitalize="off" />
            </Field>
          )}
        </div>
      </fieldset>

      {error && (
        <div className="form-errors">
          <ErrorState error={error} compact />
          {unshown.length > 0 && (
            <ul className="error-list">
              {unshown.map(([path, message]) => (
                <li key={path}>
                  <code>{path || 'body'}</code>: {message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" loading={pending}>
          {mode === 'create' ? 'Create connector' : 'Save changes'}
        </Button>
        {cancel}
      </div>
    </form>
  );
}
