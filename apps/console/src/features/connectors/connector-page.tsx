import { endpoints, type ConnectorView } from '@switchboard/contracts';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/api-context.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { Button, ButtonLink } from '../../components/button.js';
import { PageFallback } from '../../components/page-fallback.js';
import { PageHeader } from '../../components/page-header.js';
import { StatusBadge } from '../../components/status-badge.js';
import { ApisSection } from '../apis/apis-section.js';
import { DevConnectionSection } from '../execute/dev-connection-section.js';
import { useDevConnection, type DevConnection } from '../execute/use-dev-connection.js';
import { VersionsSection } from '../publishing/versions-section.js';
import { ClientCredentialsDialog } from './client-credentials-dialog.js';
import { ConnectorDetailsSection } from './connector-details-section.js';

/** What every section of the connector page receives. */
export interface ConnectorSectionProps {
  readonly connector: ConnectorView;
  /** Load the connector again (after a change that alters it, e.g. credentials set). */
  readonly reload: () => void;
  /** Org `dev`'s connection to this connector (status, authorize), shared by the sections that need it. */
  readonly devConnection: DevConnection;
  /** Open the Client Credentials dialog. */
  readonly openCredentials: () => void;
}

/** The page's sections, in order: test connection, APIs (editor + Execute), versions, details. */
const sections = [DevConnectionSection, ApisSection, VersionsSection, ConnectorDetailsSection];

/**
 * `/connectors/:connector`: the connector's page, composed of sections. Add a section (APIs pane
 * and editor, Execute panel, Authorize/Revoke, Publish and versions) as its own component taking
 * `ConnectorSectionProps`, and list it in `sections` below.
 */
export function ConnectorPage() {
  const { connector: apiName = '' } = useParams();
  const api = useApi();
  const query = useApiQuery((signal) => api.call(endpoints.getConnector, { params: { connector: apiName }, signal }), [apiName]);
  const [credentialsOpen, setCredentialsOpen] = useState(false);
  const devConnection = useDevConnection(apiName);
  const connector = query.data;

  if (query.error || !connector) {
    return <PageFallback error={query.error} onRetry={query.reload} title="Connector" eyebrow={<Link to="/connectors">Connectors</Link>} loadingLabel="Loading connector…" />;
  }

  return (
    <>
      <PageHeader
        title={connector.name}
        eyebrow={<Link to="/connectors">Connectors</Link>}
        description={
          <>
            <code>{connector.apiName}</code> · {connector.serviceName} ·{' '}
            {connector.credentialsSet ? <StatusBadge status="set" label="Credentials set" /> : <StatusBadge status="not_set" label="No credentials" />}
          </>
        }
        actions={
          <>
            <Button onClick={() => setCredentialsOpen(true)}>Client credentials</Button>
            <ButtonLink to={`/connectors/${encodeURIComponent(connector.apiName)}/edit`}>Edit connector</ButtonLink>
          </>
        }
      />
      <div className="sections">
        {sections.map((Section) => (
          <Section key={Section.name} connector={connector} reload={query.reload} devConnection={devConnection} openCredentials={() => setCredentialsOpen(true)} />
        ))}
      </div>
      <CredentialsDialogLoader open={credentialsOpen} connector={connector} onDone={(saved) => { setCredentialsOpen(false); if (saved) query.reload(); }} />
    </>
  );
}

/** Loads GET credentials (client id, whether a secret is set) when the dialog opens. */
function CredentialsDialogLoader({ open, connector, onDone }: { open: boolean; connector: ConnectorView; onDone: (saved: boolean) => void }) {
  const api = useApi();
  const credentials = useApiQuery(
    (signal) => (open ? api.call(endpoints.getCredentials, { params: { connector: connector.apiName }, signal }) : Promise.resolve(undefined)),
    [open, connector.apiName],
  );
  return (
    <ClientCredentialsDialog
      open={open && !credentials.loading}
      connector={connector.apiName}
      redirectUrl={credentials.data?.redirectUrl ?? connector.redirectUrl}
      clientId={credentials.data?.clientId ?? null}
      clientSecretSet={credentials.data?.clientSecretSet ?? connector.credentialsSet}
      onSaved={() => onDone(true)}
      onClose={() => onDone(false)}
    />
  );
}
