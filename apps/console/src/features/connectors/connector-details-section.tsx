import type { ReactNode } from 'react';
import { CopyButton } from '../../components/copy-button.js';
import type { ConnectorSectionProps } from './connector-page.js';

const orNone = (value: string | null | undefined): ReactNode => (value ? <span className="break">{value}</span> : <span className="muted">—</span>);
const mapText = (map: Record<string, string>) => (Object.keys(map).length === 0 ? null : Object.entries(map).map(([k, v]) => `${k}=${v}`).join(', '));

/** The connector's settings as read-only facts (the Edit page changes them). */
export function ConnectorDetailsSection({ connector }: ConnectorSectionProps) {
  const placement = connector.tokenPlacement;
  const rows: Array<[string, ReactNode]> = [
    ['Description', orNone(connector.description)],
    [
      'Redirect URL',
      <span className="inline-copy" key="redirect">
        <code className="break">{connector.redirectUrl}</code>
        <CopyButton text={connector.redirectUrl} label="Copy redirect URL" />
      </span>,
    ],
    ['Request Token URL', orNone(connector.authorizationUrl)],
    ['Access Token URL', orNone(connector.tokenUrl)],
    ['Refresh Token URL', connector.refreshUrl ? orNone(connector.refreshUrl) : <span className="muted">Same as the Access Token URL</span>],
    ['Revoke Token URL', connector.revokeUrl ? <>{orNone(connector.revokeUrl)} <span className="muted">(sends the {connector.revokeUsing === 'access_token' ? 'access' : 'refresh'} token)</span></> : orNone(null)],
    ['Scopes', connector.scopes.length ? <code className="break">{connector.scopes.join(connector.scopeSeparator)}</code> : orNone(null)],
    ['PKCE', connector.pkce ? 'On' : 'Off'],
    ['Client authentication', connector.clientAuthMethod === 'client_secret_basic' ? 'HTTP Basic' : 'Request body'],
    ['Extra authorization parameters', orNone(mapText(connector.authorizationParams))],
    ['Extra token parameters', orNone(mapText(connector.tokenParams))],
    ['Access token sent in', placement.type === 'header' ? <code>{`${placement.name}: ${placement.prefix}…`}</code> : <code>{`?${placement.name}=…`}</code>],
    ['Issuer', orNone(connector.issuer)],
    ['Sign-up URL', orNone(connector.signupUrl)],
  ];
  return (
    <section className="card section" aria-labelledby="connector-details-heading">
      <h2 id="connector-details-heading">Details</h2>
      <dl className="facts">
        {rows.map(([term, value]) => (
          <div className="fact" key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
