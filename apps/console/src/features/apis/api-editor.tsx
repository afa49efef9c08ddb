import { endpoints, type ApiView } from '@switchboard/contracts';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { Button } from '../../components/button.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorState } from '../../components/error-state.js';
import { CodeEditor } from '../../components/code-editor.js';
import { Field } from '../../components/field.js';
import { Select, TextArea, TextInput } from '../../components/inputs.js';
import { KeyValueEditor } from '../../components/key-value-editor.js';
import { useToast } from '../../components/toast.js';
import { suggestApiName } from '../connectors/connector-form-values.js';
import {
  apiToValues,
  bodyOf,
  emptyApiValues,
  isDirty,
  localApiErrors,
  rowsToMap,
  toCreateApiBody,
  toUpdateApiBody,
  type ApiFormValues,
  type BodyType,
  type HttpMethod,
  type LocalApiErrors,
} from './api-form-values.js';
import { declaredPlaceholders } from './template-segments.js';
import { placeholderHighlight } from './placeholder-highlight.js';
import { PlaceholderList } from './placeholder-list.js';

const methods: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const bodyTypes: ReadonlyArray<{ value: BodyType; label: string }> = [
  { value: 'none', label: 'None' },
  { value: 'json', label: 'JSON' },
  { value: 'form', label: 'Form (URL-encoded)' },
  { value: 'multipart', label: 'Multipart (files and parts)' },
  { value: 'raw', label: 'Raw text' },
];
const templateExamples: Partial<Record<BodyType, string>> = {
  json: '{"First_Name": "${First_Name}", "Age": "${Age}"}',
  form: 'first_name=${First_Name}&last_name=${Last_Name}',
  raw: 'Hello ${name}',
};
const templateHelp: Partial<Record<BodyType, string>> = {
  json: 'JSON text. A placeholder that is a whole string value ("${Age}") takes the variable’s JSON type (number, object…); inside a longer string it is inserted as text.',
  form: 'key=value pairs joined by &; values are form-encoded for you.',
  raw: 'Sent as written after substitution. Set a Content-Type header above.',
};

/** Field paths shown next to their controls; other paths from the API are listed above the buttons. */
const shownPaths = ['name', 'apiName', 'description', 'method', 'url', 'headers', 'query', 'body'];

export interface ApiEditorProps {
  readonly connector: string;
  /** The saved API, or null to create one. */
  readonly api: ApiView | null;
  readonly onSaved: (api: ApiView, created: boolean) => void;
  readonly onDeleted: (apiName: string) => void;
  /** Leave "Add API" without saving. */
  readonly onCancel: () => void;
  /** Told whether the form holds unsaved changes (the Execute panel runs the saved API). */
  readonly onDirtyChange?: (dirty: boolean) => void;
}

/**
 * The API editor: name, method, URL, headers, query, body type and template, with the template's
 * placeholders highlighted and listed. Saves with POST (new) or PATCH; deletes after a confirmation.
 */
export function ApiEditor({ connector, api, onSaved, onDeleted, onCancel, onDirtyChange }: ApiEditorProps) {
  const client = useApi();
  const toast = useToast();
  const saved = useMemo(() => (api ? apiToValues(api) : emptyApiValues), [api]);
  const [values, setValues] = useState<ApiFormValues>(saved);
  const [local, setLocal] = useState<LocalApiErrors>({});
  const [apiNameTouched, setApiNameTouched] = useState(api !== null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);

  const save = useApiMutation((next: ApiFormValues) =>
    api
      ? client.call(endpoints.updateApi, { params: { connector, api: api.apiName }, body: toUpdateApiBody(next) })
      : client.call(endpoints.createApi, { params: { connector }, body: toCreateApiBody(next) }),
  );
  const remove = useApiMutation((apiName: string) => client.call(endpoints.deleteApi, { params: { connector, api: apiName } }));

  const dirty = isDirty(values, saved);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  // After a refused save, take the keyboard to the first field to fix (or the error summary).
  useEffect(() => {
    if (attempt === 0) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('.api-editor-errors [role="alert"]');
    target?.focus();
  }, [attempt]);

  const set = <K extends keyof ApiFormValues>(key: K, value: ApiFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const error = save.error;
  const errorOf = (path: string) => error?.fieldError(path);
  const unshown = error ? Object.entries(error.fieldErrors).filter(([path]) => !shownPaths.some((shown) => path === shown || path.startsWith(`${shown}.`))) : [];
  const rowErrorOf = (group: 'headers' | 'query') => (key: string) => error?.fieldErrors[`${group}.${key}`];
  const groupError = (group: 'headers' | 'query', rows: ApiFormValues['headers']) => {
    if (local[group]) return local[group];
    // A problem about a key no row shows any more (or about the whole map) goes on the group.
    const keys = new Set(rows.map((row) => row.key.trim()));
    const orphan = error ? Object.entries(error.fieldErrors).find(([path]) => (path === group || path.startsWith(`${group}.`)) && !keys.has(path.slice(group.length + 1))) : undefined;
    return orphan?.[1];
  };

  const placeholders = declaredPlaceholders({ method: values.method, url: values.url, headers: rowsToMap(values.headers), query: rowsToMap(values.query), body: bodyOf(values) });
  const bodyHasTemplate = values.bodyType === 'json' || values.bodyType === 'form' || values.bodyType === 'raw';
  const bodyIgnored = values.bodyType !== 'none' && (values.method === 'GET' || values.method === 'HEAD');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = localApiErrors(values);
    setLocal(errors);
    if (Object.keys(errors).length === 0) {
      const result = await save.run(values);
      if (result.ok) {
        toast.show(api ? 'API saved' : `API ${result.data.identifier} created`, 'success');
        onSaved(result.data, api === null);
        return;
      }
    }
    setAttempt((n) => n + 1);
  };

  const title = api ? `Edit ${api.name}` : 'New API';
  return (
    <>
    <form ref={formRef} className="form api-editor" onSubmit={submit} noValidate aria-labelledby="api-editor-heading">
      <div className="api-editor-head">
        <h3 id="api-editor-heading">{title}</h3>
        {api && <code className="muted break">{api.identifier}</code>}
      </div>

      <div className="form-row">
        <Field label="Name" required error={errorOf('name')} help="Shown to builders, e.g. “Create contact”.">
          <TextInput
            name="name"
            value={values.name}
            maxLength={100}
            onChange={(event) => {
              const name = event.target.value;
              setValues((current) => ({ ...current, name, apiName: apiNameTouched ? current.apiName : suggestApiName(name) }));
            }}
          />
        </Field>
        <Field
          label="API name"
          error={errorOf('apiName')}
          help={api ? 'The identifier in invoke calls; it cannot change.' : `Used in invoke calls as ${connector}.<API name>: a lowercase letter, then letters, digits or _. It cannot change later.`}
        >
          <TextInput
            name="apiName"
            value={values.apiName}
            readOnly={api !== null}
            spellCheck={false}
            autoCapitalize="off"
            onChange={(event) => {
              setApiNameTouched(true);
              set('apiName', event.target.value);
            }}
          />
        </Field>
      </div>
      <Field label="Description" error={errorOf('description')} help="What the API does; optional.">
        <TextArea name="description" value={values.description} rows={2} maxLength={2000} onChange={(event) => set('description', event.target.value)} />
      </Field>

      <div className="api-request-line">
        <Field label="Method" required error={errorOf('method')}>
          <Select name="method" value={values.method} onChange={(event) => set('method', event.target.value as HttpMethod)}>
            {methods.map((method) => (
              <option key={method} value={method}>
                {method}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="URL"
          required
          error={errorOf('url')}
          help={
            <>
              An absolute http(s) URL. Write <code>{'${name}'}</code> for a value given at invoke, <code>{'${connection.instance_url}'}</code> for a field of the
              token response; <code>{'$${'}</code> writes a literal <code>{'${'}</code>.
            </>
          }
        >
          <TextInput
            name="url"
            value={values.url}
            inputMode="url"
            spellCheck={false}
            autoCapitalize="off"
            placeholder="https://api.service.example/v1/contacts/${id}"
            onChange={(event) => set('url', event.target.value)}
          />
        </Field>
      </div>

      <KeyValueEditor
        legend="Headers"
        noun="header"
        rows={values.headers}
        onChange={(rows) => set('headers', rows)}
        error={groupError('headers', values.headers)}
        rowError={rowErrorOf('headers')}
        keyPlaceholder="Accept"
        valuePlaceholder="application/json"
        help="Sent with every call. Switchboard adds the access token itself (as the connector’s token placement says); values may hold placeholders."
      />
      <KeyValueEditor
        legend="Query parameters"
        noun="query parameter"
        rows={values.query}
        onChange={(rows) => set('query', rows)}
        error={groupError('query', values.query)}
        rowError={rowErrorOf('query')}
        keyPlaceholder="limit"
        valuePlaceholder="${limit}"
        help="Added to the URL’s query string, URL-encoded after substitution."
      />

      <Field label="Body type" error={errorOf('body.type')} help={values.bodyType === 'multipart' ? 'The parts come from the invoke data (PARTS and FILE), not from a template.' : undefined}>
        <Select name="bodyType" value={values.bodyType} onChange={(event) => set('bodyType', event.target.value as BodyType)}>
          {bodyTypes.map((type) => (
            <option key={type.value} value={type.value}>
              {type.label}
            </option>
          ))}
        </Select>
      </Field>
      {bodyIgnored && (
        <p className="notice" role="note">
          {values.method} requests never carry a body: this body is not sent.
        </p>
      )}
      {bodyHasTemplate && (
        <div className="api-body-template">
          <Field label="Body template" error={errorOf('body.template') ?? errorOf('body')} help={templateHelp[values.bodyType]}>
            <CodeEditor
              value={values.bodyTemplate}
              onChange={(bodyTemplate) => set('bodyTemplate', bodyTemplate)}
              label="Body template"
              language={values.bodyType === 'json' ? 'json' : 'text'}
              minLines={6}
              placeholder={templateExamples[values.bodyType]}
              highlight={placeholderHighlight}
            />
          </Field>
          <p className="muted api-template-legend">
            <span className="cm-template-placeholder">{'${name}'}</span> is a placeholder, highlighted as you type; <code>{'$${'}</code> writes a literal{' '}
            <code>{'${'}</code> and is not one.
          </p>
        </div>
      )}

      <section className="api-placeholders" aria-labelledby="api-placeholders-heading">
        <h4 id="api-placeholders-heading">Placeholders</h4>
        <PlaceholderList variables={placeholders.variables} connectionFields={placeholders.connectionFields} />
      </section>

      {error && (
        <div className="api-editor-errors form-errors">
          {Object.keys(error.fieldErrors).length === 0 || unshown.length > 0 ? <ErrorState error={error} compact /> : null}
          {unshown.length > 0 && (
            <ul className="error-list">
              {unshown.map(([path, message]) => (
                <li key={path}>
                  <code>{path}</code>: {message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <div className="form-actions api-editor-actions">
        <Button type="submit" variant="primary" loading={save.pending}>
          {api ? 'Save API' : 'Create API'}
        </Button>
        {api ? (
          <>
            {dirty && (
              <Button
                onClick={() => {
                  setValues(saved);
                  setLocal({});
                  save.reset();
                }}
              >
                Discard changes
              </Button>
            )}
            <Button variant="danger" className="api-delete" onClick={() => setConfirmDelete(true)}>
              Delete API
            </Button>
          </>
        ) : (
          <Button onClick={onCancel}>Cancel</Button>
        )}
        {dirty && api && <span className="muted api-unsaved">Unsaved changes</span>}
      </div>
    </form>

      {api && (
        <ConfirmDialog
          open={confirmDelete}
          title={`Delete ${api.name}?`}
          confirmLabel="Delete API"
          pending={remove.pending}
          error={remove.error}
          onClose={() => {
            setConfirmDelete(false);
            remove.reset();
          }}
          onConfirm={async () => {
            const result = await remove.run(api.apiName);
            if (result.ok) {
              setConfirmDelete(false);
              toast.show(`API ${api.identifier} deleted`, 'success');
              onDeleted(api.apiName);
            }
          }}
        >
          <p>
            Calls to <code>{api.identifier}</code> will fail with <code>not_found</code> from now on. Published versions keep their copy of this API.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
