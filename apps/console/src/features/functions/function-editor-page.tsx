import { endpoints, type FunctionView } from '@switchboard/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useBlocker, useNavigate, useParams } from 'react-router';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { Button } from '../../components/button.js';
import { CodeEditor } from '../../components/code-editor.js';
import { ConfirmDialog, useConfirmation } from '../../components/confirm-dialog.js';
import { ErrorState } from '../../components/error-state.js';
import { Field } from '../../components/field.js';
import { TextInput } from '../../components/inputs.js';
import { PageFallback } from '../../components/page-fallback.js';
import { PageHeader } from '../../components/page-header.js';
import { useToast } from '../../components/toast.js';
import '../solutions/solution-sections.css';
import { FunctionRunPanel } from './function-run-panel.js';
import { RecentExecutions } from './recent-executions.js';
import { describeSourceError, sourceErrorsOf } from './source-errors.js';

interface EditorValues {
  readonly name: string;
  readonly source: string;
  /** Text of the number inputs; blank resets the limit to its default. */
  readonly timeoutMs: string;
  readonly memoryMb: string;
}

const valuesOf = (fn: FunctionView): EditorValues => ({ name: fn.name, source: fn.source, timeoutMs: String(fn.timeoutMs), memoryMb: String(fn.memoryMb) });
const sameValues = (a: EditorValues, b: EditorValues) => a.name === b.name && a.source === b.source && a.timeoutMs === b.timeoutMs && a.memoryMb === b.memoryMb;

/** A limit field's text → the PATCH value: blank → null (the default), else the integer (the server checks the range). */
function limitOf(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

/**
 * `/solutions/:solution/functions/:function`: the source in a code editor, name and limits,
 * Save (the server parses the source: errors come back with their line and column), Run in org
 * dev, and dev's recent runs.
 */
export function FunctionEditorPage() {
  const { solution = '', function: fnName = '' } = useParams();
  const api = useApi();
  const toast = useToast();
  const navigate = useNavigate();
  const params = { solution, function: fnName };
  const query = useApiQuery((signal) => api.call(endpoints.getFunction, { params, signal }), [solution, fnName]);
  const [values, setValues] = useState<EditorValues | undefined>(undefined);
  const [runs, setRuns] = useState(0);
  // Set once the function is deleted: the navigation away must not ask about unsaved changes.
  const leaving = useRef(false);
  const save = useApiMutation((body: EditorValues) =>
    api.call(endpoints.updateFunction, {
      params,
      body: { name: body.name.trim(), source: body.source, timeoutMs: limitOf(body.timeoutMs), memoryMb: limitOf(body.memoryMb) },
    }),
  );
  const remove = useApiMutation(() => api.call(endpoints.deleteFunction, { params }));
  const confirmDelete = useConfirmation<true>(remove);

  useEffect(() => {
    if (query.data) setValues(valuesOf(query.data));
  }, [query.data]);

  const saved = query.data;
  const dirty = saved !== undefined && values !== undefined && !sameValues(values, valuesOf(saved));
  // Leaving with unsaved source asks first (in-app navigation; the browser's own for reloads).
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const solutionLink = <Link to={`/solutions/${encodeURIComponent(solution)}`}>Solution {solution}</Link>;
  if (query.error || !saved || !values) {
    return <PageFallback error={query.error} onRetry={query.reload} title="Function" eyebrow={solutionLink} loadingLabel="Loading function…" />;
  }

  const set = (patch: Partial<EditorValues>) => setValues((current) => (current ? { ...current, ...patch } : current));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save.run(values);
    if (result.ok) {
      toast.show('Function saved', 'success');
      query.setData(result.data);
    }
  };
  const sourceErrors = sourceErrorsOf(save.error);
  const shown = ['name', 'source', 'timeoutMs', 'memoryMb'];
  const otherError = save.error && !shown.some((path) => save.error?.fieldError(path)) ? save.error : undefined;

  return (
    <>
      <PageHeader
        title={saved.name}
        eyebrow={solutionLink}
        description={
          <>
            Called as <code>{`${solution}.${saved.apiName}`}</code>. An ES2022 module exporting <code>async function main(args, context)</code>; it can call{' '}
            <code>invokeConnector('connector.api', data)</code> and <code>console.log</code>.
          </>
        }
        actions={
          <Button variant="ghost" onClick={() => confirmDelete.ask(true)}>
            Delete function
          </Button>
        }
      />
      <div className="sections">
        <form className="card section contained" onSubmit={submit} noValidate aria-labelledby="function-source-heading">
          <div className="section-header">
            <h2 id="function-source-heading">Source</h2>
            <div className="editor-status">
              <span className="muted" role="status">
                {dirty ? 'Unsaved changes' : 'Saved'}
              </span>
              <Button type="submit" variant="primary" loading={save.pending} disabled={!dirty && !save.error}>
                Save function
              </Button>
            </div>
          </div>
          <div className="stack">
            <div>
              <CodeEditor value={values.source} onChange={(source) => set({ source })} label="Function source" language="javascript" minLines={18} />
              {sourceErrors.length > 0 ? (
                <div className="field-error" role="alert">
                  <p>The source was not saved. Fix {sourceErrors.length === 1 ? 'this problem' : 'these problems'}:</p>
                  <ul className="source-errors">
                    {sourceErrors.map((error, index) => (
                      <li key={index}>{describeSourceError(error)}</li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p className="field-help">Checked when you save (syntax, no imports, an exported main); nothing runs until you press Run.</p>
              )}
            </div>
            <Field label="Name" required error={save.error?.fieldError('name')} help="For people; the API name above cannot change.">
              <TextInput name="name" value={values.name} maxLength={100} onChange={(event) => set({ name: event.target.value })} />
            </Field>
            <div className="limits-row">
              <Field
                label="Timeout (ms)"
                error={save.error?.fieldError('timeoutMs')}
                help="Wall-clock limit of one run. Blank resets it to the default, 10000; the server caps it (30000 unless configured)."
              >
                <TextInput name="timeoutMs" type="number" inputMode="numeric" min={10} step={100} value={values.timeoutMs} onChange={(event) => set({ timeoutMs: event.target.value })} />
              </Field>
              <Field
                label="Memory (MB)"
                error={save.error?.fieldError('memoryMb')}
                help="Heap limit of one run. Blank resets it to the default, 64; the server caps it (256 unless configured)."
              >
                <TextInput name="memoryMb" type="number" inputMode="numeric" min={8} step={8} value={values.memoryMb} onChange={(event) => set({ memoryMb: event.target.value })} />
              </Field>
            </div>
            {otherError && <ErrorState error={otherError} compact />}
            <div className="form-actions">
              <Button onClick={() => setValues(valuesOf(saved))} disabled={!dirty}>
                Discard changes
              </Button>
            </div>
          </div>
        </form>
        <FunctionRunPanel solution={solution} fn={saved.apiName} unsaved={dirty} onRan={() => setRuns((n) => n + 1)} />
        <RecentExecutions solution={solution} fn={saved.apiName} reloadKey={runs} />
      </div>
      <ConfirmDialog
        {...confirmDelete.dialog}
        title="Delete function"
        confirmLabel="Delete function"
        onConfirm={async () => {
          const result = await remove.run();
          if (result.ok) {
            toast.show(`Function “${saved.name}” deleted`, 'success');
            leaving.current = true;
            navigate(`/solutions/${encodeURIComponent(solution)}`);
          }
        }}
      >
        <p>
          Delete <strong>{saved.name}</strong>? Releases already cut keep their copy. An action that names it fails without running until you choose another function.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={blocker.state === 'blocked'}
        title="Leave without saving?"
        confirmLabel="Leave without saving"
        onClose={() => blocker.reset?.()}
        onConfirm={() => blocker.proceed?.()}
      >
        <p>Your changes to {saved.name} are not saved.</p>
      </ConfirmDialog>
    </>
  );
}
