import { endpoints, type RevokeResult } from '@switchboard/contracts';
import { useState } from 'react';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { Button } from '../../components/button.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorState } from '../../components/error-state.js';
import { Loading } from '../../components/loading.js';
import { StatusBadge } from '../../components/status-badge.js';
import { useToast } from '../../components/toast.js';
import type { ConnectorSectionProps } from '../connectors/connector-page.js';
import { formatDateTime } from '../../format/format-date-time.js';
import { devOrg } from './use-dev-connection.js';
import '../apis/apis.css';

const revocationLabels: Record<RevokeResult['providerRevocation'], string> = {
  succeeded: 'Revoked',
  failed: 'Not confirmed',
  not_configured: 'Not told',
};

const revocationText: Record<RevokeResult['providerRevocation'], string> = {
  succeeded: 'The service confirmed the revocation (RFC 7009).',
  failed: 'The service refused or did not answer the revocation request; the tokens were deleted here anyway.',
  not_configured: 'The connector has no Revoke Token URL, so the service was not told; the tokens were deleted here.',
};

/**
 * Org `dev`'s connection: status, Authorize (consent popup; the status updates when it reports
 * back) and Revoke (with a confirmation and the provider's answer). Also what authorizing needs
 * first: the redirect URL registered at the service and the client credentials.
 */
export function DevConnectionSection({ connector, devConnection, openCredentials }: ConnectorSectionProps) {
  const api = useApi();
  const toast = useToast();
  const { query, authorize, authorizing, authorizeError } = devConnection;
  const connection = query.data;
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const [revokeResult, setRevokeResult] = useState<RevokeResult | undefined>(undefined);
  const revoke = useApiMutation(() => api.call(endpoints.revokeConnection, { params: { org: devOrg, connector: connector.apiName } }));
  const connected = connection?.status === 'authorized' || connection?.status === 'needs_reauthorization';

  return (
    <section className="card section" aria-labelledby="dev-connection-heading" id="dev-connection">
      <div className="section-header">
        <div>
          <h2 id="dev-connection-heading">Connection for testing</h2>
          <p className="section-intro">
            Org <code>dev</code> is your test org: it uses this draft connector. Authorize it with an account at {connector.serviceName}, then run APIs below.
          </p>
        </div>
      </div>

      <dl className="facts">
        <div className="fact">
          <dt>Client credentials</dt>
          <dd className="inline-copy">
            {connector.credentialsSet ? <StatusBadge status="set" label="Set" /> : <StatusBadge status="not_set" label="Not set" />}
            <Button size="small" onClick={openCredentials}>
              {connector.credentialsSet ? 'Change client credentials' : 'Set client credentials'}
            </Button>
          </dd>
        </div>
        <div className="fact">
          <dt>Status in org dev</dt>
          <dd>
            {query.error ? (
              <ErrorState error={query.error} onRetry={query.reload} compact />
            ) : !connection ? (
              <Loading label="Loading connection status…" />
            ) : (
              <span className="inline-copy" aria-live="polite">
                <StatusBadge status={connection.status} />
                {query.loading && <span className="muted">Refreshing…</span>}
              </span>
            )}
          </dd>
        </div>
        {connection && connection.status !== 'not_authorized' && (
          <>
            <div className="fact">
              <dt>Authorized</dt>
              <dd>{formatDateTime(connection.authorizedAt)}</dd>
            </div>
            <div className="fact">
              <dt>Access token expires</dt>
              <dd>{connection.expiresAt ? formatDateTime(connection.expiresAt) : <span className="muted">Not stated by the service</span>}</dd>
            </div>
            <div className="fact">
              <dt>Granted scopes</dt>
              <dd>{connection.scopes.length > 0 ? <code className="break">{connection.scopes.join(' ')}</code> : <span className="muted">—</span>}</dd>
            </div>
          </>
        )}
        {connection?.lastError && (
          <div className="fact">
            <dt>Last error</dt>
            <dd>
              <code>{connection.lastError.code}</code> {connection.lastError.message} <span className="muted">({formatDateTime(connection.lastError.at)})</span>
            </dd>
          </div>
        )}
      </dl>

      {!connector.credentialsSet && (
        <p className="notice connection-notice">Set the client credentials before authorizing: the service issues them when you register the redirect URL (shown in the Client credentials dialog and under Details).</p>
      )}

      <div className="form-actions connection-actions">
        <Button variant={connected ? 'secondary' : 'primary'} loading={authorizing}
          onClick={() => {
            setRevokeResult(undefined);
            authorize();
          }}
        >
          {connection?.status === 'authorized' ? 'Re-authorize connector' : 'Authorize connector'}
        </Button>
        {connected && (
          <Button
            variant="danger"
            onClick={() => {
              revoke.reset();
              setConfirmRevoke(true);
            }}
          >
            Revoke
          </Button>
        )}
      </div>
      {authorizing && <p className="muted connection-hint">Finish signing in and consenting in the popup window…</p>}
      {authorizeError && <ErrorState error={authorizeError} compact />}
      {revokeResult && (
        <div className="notice revoke-result" role="status">
          <strong>Revoked.</strong> At the service: <StatusBadge status={revokeResult.providerRevocation} label={revocationLabels[revokeResult.providerRevocation]} tone={revokeResult.providerRevocation === 'succeeded' ? 'success' : revokeResult.providerRevocation === 'failed' ? 'warning' : 'neutral'} />{' '}
          {revocationText[revokeResult.providerRevocation]}
          {revokeResult.detail && <> ({revokeResult.detail})</>}
        </div>
      )}

      <ConfirmDialog
        open={confirmRevoke}
        title="Revoke the connection?"
        confirmLabel="Revoke connection"
        pending={revoke.pending}
        error={revoke.error}
        onClose={() => setConfirmRevoke(false)}
        onConfirm={async () => {
          const result = await revoke.run();
          if (result.ok) {
            setConfirmRevoke(false);
            setRevokeResult(result.data);
            toast.show('Connection revoked', 'success');
            query.reload();
          }
        }}
      >
        <p>
          Org <code>dev</code>’s tokens for {connector.name} are revoked at the service (when it has a Revoke Token URL) and deleted here. API calls fail until you authorize
          again.
        </p>
      </ConfirmDialog>
    </section>
  );
}
