import { PageHeader } from '../../components/page-header.js';
import { EventsView } from '../events/events-view.js';
import { useOrgSession } from './use-org-session.js';

/** `/setup/events`: the org's own audit events (the builder's events view, fixed to this org). */
export function SetupEventsPage() {
  const { org, orgName } = useOrgSession();
  return (
    <>
      <PageHeader
        title="Events"
        eyebrow="Setup"
        description={`What happened in ${orgName}: authorizations, API calls, revocations and upgrades, newest first. Secrets and request bodies are never recorded.`}
      />
      <EventsView org={org} />
    </>
  );
}
