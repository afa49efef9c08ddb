import { endpoints, type OrgView } from '@switchboard/contracts';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/api-context.js';
import { ApiError } from '../../api/api-error.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { ButtonLink } from '../../components/button.js';
import { PageFallback } from '../../components/page-fallback.js';
import { PageHeader } from '../../components/page-header.js';
import { OrgConnectionsSection } from './org-connections-section.js';
import { OrgInstallationsSection } from './org-installations-section.js';
import { OrgKeysSection } from './org-keys-section.js';
import { DEV_ORG, orgEventsPath } from './org-paths.js';
import './orgs.css';

/** What every section of the org page receives. */
export interface OrgSectionProps {
  readonly org: OrgView;
}

/**
 * `/orgs/:org`: what a subscriber org has installed, its connections (read-only: its admin
 * authorizes them on their own Setup pages), its keys, and a link to its events.
 */
export function OrgPage() {
  const { org: orgId = '' } = useParams();
  const api = useApi();
  // Installing, upgrading or uninstalling changes the checklist: bumping this reads it again.
  const [revision, setRevision] = useState(0);
  // There is no single-org route: the list is short and says everything about an org.
  const query = useApiQuery(async (signal) => {
    const { items } = await api.call(endpoints.listOrgs, { signal });
    const found = items.find((item) => item.id === orgId);
    if (!found) throw new ApiError({ code: 'not_found', status: 404, title: 'Org not found', detail: `There is no org “${orgId}”. It may have been typed wrong; pick one from the list.` });
    return found;
  }, [orgId]);
  const org = query.data;
  const eyebrow = <Link to="/orgs">Orgs</Link>;

  // Until the org asked for is there (the last one's stays in `query.data` while the next loads).
  if (query.error || !org || org.id !== orgId) {
    return <PageFallback error={query.error} onRetry={query.reload} title="Org" eyebrow={eyebrow} loadingLabel="Loading org…" />;
  }

  const isDev = org.id === DEV_ORG;
  return (
    <>
      <PageHeader
        title={org.name}
        eyebrow={eyebrow}
        description={
          isDev ? (
            <>
              <code>{org.id}</code> · your own org: it uses every draft connector, so you can authorize and run APIs while you build.
            </>
          ) : (
            <>
              <code>{org.id}</code> · a subscriber org: it uses the connector versions of the solution releases installed in it.
            </>
          )
        }
        actions={
          <ButtonLink to={orgEventsPath(org.id)}>
            View events<span className="visually-hidden"> of {org.name}</span>
          </ButtonLink>
        }
      />
      <div className="sections">
        <OrgInstallationsSection org={org} onChanged={() => setRevision((n) => n + 1)} />
        <OrgConnectionsSection org={org} revision={revision} />
        <OrgKeysSection org={org} />
      </div>
    </>
  );
}
