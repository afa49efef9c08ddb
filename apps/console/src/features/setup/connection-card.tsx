import { endpoints, type ConnectionView } from '@switchboard/contracts';
import { useState } from 'react';
import { useApi } from '../../api/api-context.js';
import type { ApiError } from '../../api/api-error.js';
import { toApiError } from '../../api/api-error.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorState } from '../../components/error-state.js';
import { StatusBadge } from '../../components/status-badge.js';
import { useToast } from '../../components/toast.js';
import { authorizeInPopup } from '../connections/authorize-in-popup.js';
import { ConnectorLogo } from './connector-logo.js';
import { DateTime } from '../../components/date-time.js';

const providerRevocationText = {
  succeeded: 'The service confirmed the revocation.',
  failed: 'The service did not confirm the revocation; the tokens were deleted here anyway.',
  not_configured: 'The connector has no revoke URL, so the tokens were deleted here only.',
} as const;

/**
 * One connector on the org's checklist: logo, status, why it needs attention, and Authorize /
 * Re-authorize / Revoke. `onChange` receives the connection as re-read after each action, so the
 * status updates without a reload.
 */
export function ConnectionCard({ org, connection, onChange }: { org: string; connection: ConnectionView; onChange: (next: ConnectionView) => void }) {
  const api = useApi();
  const toast = useToast();
  const [authorizing, setAuthorizing] = useState(false);
  const [authorizeError, setAuthorizeError] = useState<ApiError | undefined>(undefined);
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const params = { org, connector: connection.connector };
  const revoke = useApiMutation(() => api.call(endpoints.revokeConnection, { params }));
  const headingId = `connection-${connection.connector}-heading`;

  const refresh = async () => {
    try {
      onChange(await api.call(endpoints.getConnection, { params }));
    } catch (error) {
      setAuthorizeError(toApiError(error));
    }
  };

  const authorize = () => {
    setAuthorizeError(undefined);
    setAuthorizing(true);
    // Synchronously inside the click: the popup opens before anything is awaited.
    authorizeInPopup({ api, org, connector: connection.connector }).then(
      async () => {
        await refresh();
        setAuthorizing(false);
        toast.show(`${connection.name} authorized`, 'success');
      },
      (error: ApiError) => {
        setAuthorizing(false);
        setAuthorizeError(error);
      },
    );
  };

  const doRevoke = async () => {
    const result = await revoke.run();
    if (!result.ok) return;
    setConfirmRevoke(false);
    onChange({ ...connection, status: 'not_authorized', authorizedAt: null, expiresAt: null, lastRefreshedAt: null });
    toast.show(`${connection.name} revoked. ${providerRevocationText[result.data.providerRevocation]}`, result.data.providerRevocation === 'failed' ? 'error' : 'success');
    void refresh();
  };

  const { status, lastError } = connection;
  return (
    <article className="card connection-card" aria-labelledby={headingId}>
      <div className="connection-card-head">
        <ConnectorLogo name={connection.name} logoUrl={connection.logoUrl} />
        <div className="connection-card-title">
          <h2 id={headingId}>{connection.name}</h2>
          <p className="muted connection-card-meta">
            <code>{connection.connector}</code>
            {connection.version !== null && <> · version {connection.version}</>}
            {connection.solutions.length > 0 && <> · from {connection.solutions.join(', ')}</>}
          </p>
        </div>
        <StatusBadge status={status} />
      </div>
      {connection.description && <p className="connection-card-description">{connection.description}</p>}
      {status === 'needs_reauthorization' && (
        <div className="notice notice-warning connection-card-why">
          <p>
            <strong>Authorize again to keep using it.</strong>{' '}
            {lastError ? lastError.message : 'An upgrade changed the scopes or endpoints this connector uses, and the service must ask you for consent again.'}
          </p>
          {lastError && (
            <p className="connection-card-error-code">
              Code <code>{lastError.code}</code> · <DateTime iso={lastError.at} />
            </p>
          )}
        </div>
      )}
      {status !== 'needs_reauthorization' && lastError && (
        <p className="connection-card-last-error">
          Last problem: {lastError.message} (<code>{lastError.code}</code>, <DateTime iso={lastError.at} />)
        </p>
      )}
      {status === 'authorized' && connection.authorizedAt && (
        <p className="muted connection-card-meta">
          Authorized <DateTime iso={connection.authorizedAt} />
        </p>
      )}
      {status === 'not_authorized' && !lastError && <p className="muted connection-card-meta">Not connected yet: authorize to sign in at the service and grant access.</p>}
      {authorizeError && <ErrorState error={authorizeError} compact />}
      <div className="connection-card-actions">
        {status === 'authorized' ? (
          <Button variant="danger" onClick={() => { revoke.reset(); setConfirmRevoke(true); }}>
            Revoke<span className="visually-hidden"> {connection.name}</span>
          </Button>
        ) : (
          <Button variant="primary" onClick={authorize} loading={authorizing}>
            {status === 'needs_reauthorization' ? 'Re-authorize' : 'Authorize'}
            <span className="visually-hidden"> {connection.name}</span>
          </Button>
        )}
        {status === 'needs_reauthorization' && (
          <Button onClick={() => { revoke.reset(); setConfirmRevoke(true); }}>
            Revoke<span className="visually-hidden"> {connection.name}</span>
          </Button>
        )}
        {authorizing && <span className="muted" role="status">Finish in the window that opened…</span>}
      </div>
      <Dialog
        open={confirmRevoke}
        onClose={() => setConfirmRevoke(false)}
        title={`Revoke ${connection.name}?`}
        description="Switchboard asks the service to revoke the access it granted and deletes the tokens. Calls to this connector fail until someone authorizes it again."
        footer={
          <>
            <Button onClick={() => setConfirmRevoke(false)} data-autofocus>
              Cancel
            </Button>
            <Button variant="danger" onClick={doRevoke} loading={revoke.pending}>
              Revoke
            </Button>
          </>
        }
      >
        {revoke.error && <ErrorState error={revoke.error} compact />}
      </Dialog>
    </article>
  );
}
