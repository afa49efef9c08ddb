import { endpoints, type ApiView } from '@switchboard/contracts';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../../api/api-context.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { Button } from '../../components/button.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { Loading } from '../../components/loading.js';
import type { ConnectorSectionProps } from '../connectors/connector-page.js';
import { ExecutePanel } from '../execute/execute-panel.js';
import { ApiEditor } from './api-editor.js';
import './apis.css';

/** `?api=<apiName>` selects an API; `?add=1` opens a new one (not `?api=new`: "new" is a valid API name). */
const selectedParam = 'api';
const addParam = 'add';

/**
 * The connector's APIs: a list on the left ("Add API", select one), the selected API's editor
 * and its Execute panel on the right; stacked on phones. The selection lives in the URL
 * (`?api=createcontact`), so it survives a reload and can be linked.
 */
export function ApisSection({ connector, devConnection }: ConnectorSectionProps) {
  const client = useApi();
  const [search, setSearch] = useSearchParams();
  const query = useApiQuery((signal) => client.call(endpoints.listApis, { params: { connector: connector.apiName }, signal }), [connector.apiName]);
  const [dirty, setDirty] = useState(false);
  const apis = query.data?.items;
  const adding = search.get(addParam) === '1';
  const requested = search.get(selectedParam);
  const selected: ApiView | undefined = adding ? undefined : (apis?.find((api) => api.apiName === requested) ?? (requested === null ? apis?.[0] : undefined));

  const select = useCallback(
    (apiName: string | null, add = false) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete(addParam);
          next.delete(selectedParam);
          if (add) next.set(addParam, '1');
          else if (apiName) next.set(selectedParam, apiName);
          return next;
        },
        { replace: false, preventScrollReset: true },
      ),
    [setSearch],
  );

  // A selection that names no API (deleted, mistyped) falls back to the first one.
  useEffect(() => {
    if (apis && requested !== null && !adding && !apis.some((api) => api.apiName === requested)) select(null);
  }, [apis, requested, adding, select]);

  const addButton = (
    <Button variant="primary" size="small" onClick={() => select(null, true)} aria-pressed={adding || undefined}>
      Add API
    </Button>
  );

  let list;
  if (query.error) list = <ErrorState error={query.error} onRetry={query.reload} compact />;
  else if (!apis) list = <Loading label="Loading APIs…" />;
  else if (apis.length === 0) list = <p className="muted apis-empty-list">No APIs yet.</p>;
  else
    list = (
      <ul className="api-list">
        {apis.map((api) => {
          const current = api.apiName === selected?.apiName;
          return (
            <li key={api.id}>
              <Link
                to={{ search: `?${selectedParam}=${encodeURIComponent(api.apiName)}` }}
                preventScrollReset
                className={current ? 'api-list-item api-list-item-current' : 'api-list-item'}
                aria-current={current ? 'true' : undefined}
              >
                <span className={`api-method api-method-${api.method.toLowerCase()}`}>{api.method}</span>
                <span className="api-list-text">
                  <span className="api-list-name">{api.name}</span>
                  <span className="api-list-id">{api.apiName}</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    );

  let detail;
  if (adding) {
    detail = (
      <ApiEditor
        key="new"
        connector={connector.apiName}
        api={null}
        onSaved={(api) => {
          query.setData((current) => ({ items: [...(current?.items ?? []), api] }));
          select(api.apiName);
        }}
        onDeleted={() => undefined}
        onCancel={() => select(null)}
      />
    );
  } else if (selected) {
    detail = (
      <>
        <ApiEditor
          key={`${selected.id}:${selected.updatedAt}`}
          connector={connector.apiName}
          api={selected}
          onDirtyChange={setDirty}
          onSaved={(api) => query.setData((current) => ({ items: (current?.items ?? []).map((item) => (item.id === api.id ? api : item)) }))}
          onDeleted={(apiName) => {
            query.setData((current) => ({ items: (current?.items ?? []).filter((item) => item.apiName !== apiName) }));
            select(null);
          }}
          onCancel={() => undefined}
        />
        <ExecutePanel connector={connector.apiName} api={selected} dirty={dirty} devConnection={devConnection} />
      </>
    );
  } else if (apis && apis.length === 0) {
    detail = (
      <EmptyState level={3} title="No APIs yet">
        An API is one request to {connector.serviceName}: a method, a URL and optional headers, query and body, with <code>{'${placeholders}'}</code> filled in
        when it is invoked as <code>{connector.apiName}.&lt;api&gt;</code>. Choose Add API to create the first one.
      </EmptyState>
    );
  } else if (!query.error && !apis) {
    detail = null;
  }

  return (
    <section className="card section apis-section" aria-labelledby="apis-heading" id="apis">
      <div className="section-header">
        <h2 id="apis-heading">APIs</h2>
        {addButton}
      </div>
      <div className="apis-layout">
        <nav className="apis-pane" aria-label={`APIs of ${connector.name}`}>
          {list}
        </nav>
        <div className="apis-detail">{detail}</div>
      </div>
    </section>
  );
}
