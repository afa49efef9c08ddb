import { endpoints, type ExecutionResultView } from '@switchboard/contracts';
import { useState } from 'react';
import { useApi } from '../../api/api-context.js';
import type { ApiError } from '../../api/api-error.js';
import { Button } from '../../components/button.js';
import { CodeEditor } from '../../components/code-editor.js';
import { ErrorState } from '../../components/error-state.js';
import { StatusBadge } from '../../components/status-badge.js';
import { toApiError } from '../../api/api-error.js';
import { FunctionLogList, logsOfProblem } from './function-log-list.js';
import { parseRunArguments } from './parse-run-arguments.js';

export interface FunctionRunPanelProps {
  readonly solution: string;
  readonly fn: string;
  /** The editor has changes not saved yet (Run uses the saved source). */
  readonly unsaved: boolean;
  /** A run finished (succeeded or failed): the executions list reloads. */
  readonly onRan: () => void;
}

type RunOutcome = { readonly kind: 'succeeded'; readonly result: ExecutionResultView } | { readonly kind: 'failed'; readonly error: ApiError };

/** Failure codes of the function itself (as opposed to the request or the server). */
const functionFailureCodes = new Set(['function_error', 'function_timeout', 'function_memory_exceeded', 'function_limit_exceeded']);

/** "Run" with JSON arguments in org dev: the result, duration and console output, or the failure with its stack. */
export function FunctionRunPanel({ solution, fn, unsaved, onRan }: FunctionRunPanelProps) {
  const api = useApi();
  const [argsText, setArgsText] = useState('{}');
  const [argsError, setArgsError] = useState<string | undefined>(undefined);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<RunOutcome | undefined>(undefined);

  const run = async () => {
    const parsed = parseRunArguments(argsText);
    if (!parsed.ok) {
      setArgsError(parsed.message);
      return;
    }
    setArgsError(undefined);
    setRunning(true);
    try {
      const body = parsed.args === undefined ? {} : { args: parsed.args };
      const result = await api.call(endpoints.executeFunction, { params: { org: 'dev', solution, function: fn }, body });
      setOutcome({ kind: 'succeeded', result });
    } catch (error) {
      setOutcome({ kind: 'failed', error: toApiError(error) });
    } finally {
      setRunning(false);
      onRan();
    }
  };

  return (
    <section className="card section contained" aria-labelledby="function-run-heading">
      <h2 id="function-run-heading">Run</h2>
      <p className="section-intro">
        Runs the saved function in org <code>dev</code>, with dev’s connections (authorize them from each connector’s page). The arguments are passed to{' '}
        <code>main</code> as its first parameter.
      </p>
      <div className="stack">
        <div>
          <p className="field-label" aria-hidden="true">
            Arguments (JSON)
          </p>
          <CodeEditor value={argsText} onChange={setArgsText} label="Arguments (JSON)" language="json" minLines={4} />
          {argsError && (
            <p className="field-error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {argsError}
            </p>
          )}
        </div>
        <div className="form-actions">
          <Button variant="primary" onClick={run} loading={running}>
            Run in dev
          </Button>
          {unsaved && <span className="muted">You have unsaved changes: Run uses the last saved source.</span>}
        </div>
        <div aria-live="polite" className="run-output">
          {outcome?.kind === 'succeeded' && <RunSucceeded result={outcome.result} />}
          {outcome?.kind === 'failed' && <RunFailed error={outcome.error} />}
        </div>
      </div>
    </section>
  );
}

function RunSucceeded({ result }: { result: ExecutionResultView }) {
  return (
    <>
      <h3>Result</h3>
      <p className="run-summary">
        <StatusBadge status="succeeded" />
        <span>{Math.round(result.durationMs)} ms</span>
        <span className="muted">
          Execution <code>{result.executionId}</code>
        </span>
      </p>
      <pre tabIndex={0}>
        {JSON.stringify(result.result, null, 2)}
      </pre>
      <h3>Console output</h3>
      <FunctionLogList logs={result.logs} label="Console output" />
    </>
  );
}

function RunFailed({ error }: { error: ApiError }) {
  const stack = typeof error.problem['stack'] === 'string' ? error.problem['stack'] : undefined;
  const executionId = typeof error.problem['executionId'] === 'string' ? error.problem['executionId'] : undefined;
  const logs = logsOfProblem(error.problem);
  const ofFunction = functionFailureCodes.has(error.code);
  return (
    <>
      <h3>Result</h3>
      <p className="run-summary">
        <StatusBadge status="failed" />
        {executionId && (
          <span className="muted">
            Execution <code>{executionId}</code>
          </span>
        )}
      </p>
      <ErrorState error={error} />
      {stack && (
        <>
          <h3>Stack</h3>
          <pre tabIndex={0}>
            {stack}
          </pre>
        </>
      )}
      {ofFunction && (
        <>
          <h3>Console output</h3>
          <FunctionLogList logs={logs} label="Console output" />
        </>
      )}
    </>
  );
}
