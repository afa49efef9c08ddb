import { endpoints, type ExecutionView } from '@switchboard/contracts';
import { useEffect } from 'react';
import { useApi } from '../../api/api-context.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { Button } from '../../components/button.js';
import { QueryContent } from '../../components/query-content.js';
import { Section } from '../../components/section.js';
import { StatusBadge } from '../../components/status-badge.js';
import { formatDateTime } from '../../format/format-date-time.js';
import { FunctionLogList } from './function-log-list.js';

/** How many of dev's newest runs are read to find this function's (the route has no function filter). */
const pageSize = 200;

const triggerLabels: Record<ExecutionView['trigger'], string> = { manual: 'Run', authorized: 'On Authorization', revoked: 'On Revoking' };

/** Org dev's recent runs of one function, newest first, each expandable to its error and logs. */
export function RecentExecutions({ solution, fn, reloadKey }: { solution: string; fn: string; reloadKey: number }) {
  const api = useApi();
  const query = useApiQuery(
    async (signal) => {
      const page = await api.call(endpoints.listExecutions, { params: { org: 'dev' }, query: { limit: String(pageSize) }, signal });
      return page.items.filter((item) => item.solution === solution && item.function === fn);
    },
    [solution, fn],
  );
  const { reload } = query;
  useEffect(() => {
    if (reloadKey > 0) reload();
  }, [reloadKey, reload]);
  const items = query.data;

  return (
    <Section
      headingId="function-executions-heading"
      className="contained"
      title="Recent runs in dev"
      actions={
        <Button size="small" onClick={reload} loading={query.loading && items !== undefined}>
          Refresh
        </Button>
      }
    >
      <QueryContent
        query={{ error: query.error, reload }}
        data={items}
        loadingLabel="Loading runs…"
        empty={
          <p className="muted">No runs yet in dev. Runs from the Run panel and from actions appear here, newest first.</p>
        }
      >
        {(items) => (
          <ul className="stack plain-list" aria-label="Runs, newest first">
            {items.map((item) => (
              <li key={item.id}>
                <details className="execution">
                  <summary>
                    <span className="run-summary run-summary-inline">
                      <StatusBadge status={item.status} />
                      <span>{formatDateTime(item.startedAt)}</span>
                      <span className="muted">{triggerLabels[item.trigger]}</span>
                      <span className="muted">{Math.round(item.durationMs)} ms</span>
                      {item.error && <code>{item.error.code}</code>}
                    </span>
                  </summary>
                  <div className="stack execution-body">
                    {item.error && <p className="pre-wrap">{item.error.message}</p>}
                    <p className="muted">
                      {item.connectorCalls} connector call{item.connectorCalls === 1 ? '' : 's'} · execution <code>{item.id}</code>
                    </p>
                    <FunctionLogList logs={item.logs} label={`Console output of the run at ${formatDateTime(item.startedAt)}`} />
                    {item.logsTruncated && <p className="muted">Later output was left out (the first 64 KB are kept).</p>}
                  </div>
                </details>
              </li>
            ))}
          </ul>
        )}
      </QueryContent>
    </Section>
  );
}
