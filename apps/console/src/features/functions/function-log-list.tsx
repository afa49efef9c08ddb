import type { FunctionLogView } from '@switchboard/contracts';

/** Captured console output of a run: level, time since start, message. */
export function FunctionLogList({ logs, label }: { logs: readonly FunctionLogView[]; label: string }) {
  if (logs.length === 0) return <p className="muted">No console output.</p>;
  return (
    <ol className="log-list" aria-label={label}>
      {logs.map((log, index) => (
        <li key={index} className={`log-line log-line-${log.level}`}>
          <span className="log-at muted">{`+${Math.round(log.at)} ms`}</span>
          <span className="log-level">{log.level}</span>
          <span className="log-message">{log.message}</span>
        </li>
      ))}
    </ol>
  );
}

/** The logs a failure problem carries (`logs` extension member), if they look right. */
export function logsOfProblem(problem: Readonly<Record<string, unknown>>): FunctionLogView[] {
  const logs = problem['logs'];
  if (!Array.isArray(logs)) return [];
  return logs.filter(
    (log): log is FunctionLogView =>
      typeof log === 'object' && log !== null && typeof (log as FunctionLogView).message === 'string' && typeof (log as FunctionLogView).level === 'string',
  ).map((log) => ({ level: log.level, message: log.message, at: typeof log.at === 'number' ? log.at : 0 }));
}
