import { useId } from 'react';
import { StatusBadge, type BadgeTone } from '../../components/status-badge.js';
import { formatBytes, formatResponseBody } from './format-response-body.js';

/** What one run answered, and how long it took seen from the browser. */
export interface InvokeOutcome {
  readonly result: { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: unknown };
  readonly durationMs: number;
}

/** An HTTP status's class, for the badge next to the code (text, never color alone). */
export function statusClass(status: number): { label: string; tone: BadgeTone } {
  if (status >= 200 && status < 300) return { label: 'Success', tone: 'success' };
  if (status >= 300 && status < 400) return { label: 'Redirect', tone: 'info' };
  if (status >= 400 && status < 500) return { label: 'Client error', tone: 'warning' };
  if (status >= 500) return { label: 'Server error', tone: 'danger' };
  return { label: 'Informational', tone: 'neutral' };
}

/** The upstream response: status code and class, time, headers (collapsed) and body. */
export function ResponseView({ outcome }: { outcome: InvokeOutcome }) {
  const headingId = useId();
  const { status, headers, body } = outcome.result;
  const formatted = formatResponseBody(body);
  const kind = statusClass(status);
  const headerEntries = Object.entries(headers).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className="response-view" aria-labelledby={headingId}>
      <h4 id={headingId}>Response</h4>
      <dl className="response-summary">
        <div>
          <dt>Status</dt>
          <dd>
            <span className="response-status">{status}</span> <StatusBadge status={`http_${status}`} label={kind.label} tone={kind.tone} />
          </dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{Math.round(outcome.durationMs)} ms</dd>
        </div>
        {headers['content-type'] && (
          <div>
            <dt>Content type</dt>
            <dd>
              <code className="break">{headers['content-type']}</code>
            </dd>
          </div>
        )}
      </dl>
      <details className="response-headers">
        <summary>Response headers ({headerEntries.length})</summary>
        {headerEntries.length === 0 ? (
          <p className="muted">No headers.</p>
        ) : (
          <dl className="response-header-list">
            {headerEntries.map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd className="break">{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </details>
      <figure className="response-body">
        <figcaption className="field-label">Body{formatted.kind === 'json' ? ' (JSON, formatted)' : formatted.kind === 'text' ? ' (text)' : ''}</figcaption>
        {formatted.kind === 'empty' ? (
          <p className="muted">Empty body.</p>
        ) : formatted.kind === 'binary' ? (
          <p className="muted">
            Binary content: <code>{formatted.contentType}</code>, {formatBytes(formatted.bytes)}.
          </p>
        ) : (
          <pre className="response-body-text" tabIndex={0} role="region" aria-label="Response body">
            {formatted.text}
          </pre>
        )}
      </figure>
    </section>
  );
}
