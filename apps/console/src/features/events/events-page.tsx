import { endpoints } from '@switchboard/contracts';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/api-context.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { ErrorState } from '../../components/error-state.js';
import { Field } from '../../components/field.js';
import { Select } from '../../components/inputs.js';
import { PageHeader } from '../../components/page-header.js';
import { EventsView } from './events-view.js';

/** `/events`: the builder's view of any org's audit events (`?org=`, default `dev`). */
export function EventsPage() {
  const api = useApi();
  const [search, setSearch] = useSearchParams();
  const org = search.get('org') || 'dev';
  const orgs = useApiQuery((signal) => api.call(endpoints.listOrgs, { signal }), []);
  const options = orgs.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Events"
        description="The audit log of an org: authorizations, token refreshes, API calls, revocations and installations. Secrets and request bodies are never recorded."
      />
      <div className="toolbar">
        <Field label="Org" help={org === 'dev' ? 'dev is the org you test your draft connectors with.' : undefined}>
          <Select
            value={org}
            onChange={(event) => setSearch(event.target.value === 'dev' ? {} : { org: event.target.value }, { replace: true })}
            disabled={!orgs.data && !orgs.error}
          >
            {!options.some((item) => item.id === org) && <option value={org}>{org}</option>}
            {options.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name === item.id ? item.id : `${item.name} (${item.id})`}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {orgs.error && <ErrorState error={orgs.error} onRetry={orgs.reload} compact />}
      <EventsView key={org} org={org} />
    </>
  );
}
