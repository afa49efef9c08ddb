import type { UninstallResult } from '@switchboard/contracts';
import { Button } from '../../components/button.js';
import { StatusBadge } from '../../components/status-badge.js';

const providerOutcome: Record<UninstallResult['revoked'][number]['providerRevocation'], { label: string; tone: 'success' | 'danger' | 'neutral' }> = {
  succeeded: { label: 'Revoked at the provider', tone: 'success' },
  failed: { label: 'Provider revocation failed', tone: 'danger' },
  not_configured: { label: 'No revocation URL: tokens deleted here only', tone: 'neutral' },
};

/** What an uninstall did: the connections it revoked (the provider's answer for each), or none. */
export function UninstallResultNotice({ result, onDismiss }: { result: UninstallResult; onDismiss: () => void }) {
  return (
    <div className="notice org-result" role="status">
      <p>
        <strong>
          <code>{result.solution}</code> uninstalled.
        </strong>{' '}
        {result.revoked.length === 0
          ? 'No connection was revoked: none was authorized, or another installed solution still brings its connector.'
          : `${result.revoked.length === 1 ? 'This connection was' : 'These connections were'} revoked:`}
      </p>
      {result.revoked.length > 0 && (
        <ul className="org-result-list" aria-label="Revoked connections">
          {result.revoked.map((item) => (
            <li key={item.connector}>
              <code>{item.connector}</code> <StatusBadge status={item.providerRevocation} label={providerOutcome[item.providerRevocation].label} tone={providerOutcome[item.providerRevocation].tone} />
              {item.detail && <span className="org-result-detail"> {item.detail}</span>}
            </li>
          ))}
        </ul>
      )}
      <div>
        <Button size="small" variant="ghost" onClick={onDismiss}>
          Dismiss
        </Button>
      </div>
    </div>
  );
}
