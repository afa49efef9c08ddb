import { endpoints } from '@switchboard/contracts';
import { Link, useNavigate, useParams } from 'react-router';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { ButtonLink } from '../../components/button.js';
import { ErrorState } from '../../components/error-state.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { useToast } from '../../components/toast.js';
import { ConnectorForm } from './connector-form.js';
import { connectorToValues, toUpdateBody, type UpdateConnectorBody } from './connector-form-values.js';

/** `/connectors/:connector/edit`: every field but the API name. */
export function ConnectorEditPage() {
  const { connector = '' } = useParams();
  const api = useApi();
  const navigate = useNavigate();
  const toast = useToast();
  const query = useApiQuery((signal) => api.call(endpoints.getConnector, { params: { connector }, signal }), [connector]);
  const update = useApiMutation((body: UpdateConnectorBody) => api.call(endpoints.updateConnector, { params: { connector }, body }));
  const back = `/connectors/${encodeURIComponent(connector)}`;

  return (
    <>
      <PageHeader title={query.data ? `Edit ${query.data.name}` : 'Edit connector'} eyebrow={<><Link to="/connectors">Connectors</Link> › <Link to={back}>{query.data?.name ?? connector}</Link></>} />
      {query.error ? (
        <ErrorState error={query.error} onRetry={query.reload} />
      ) : !query.data ? (
        <Loading />
      ) : (
        <ConnectorForm
          key={query.data.updatedAt}
          mode="edit"
          initial={connectorToValues(query.data)}
          pending={update.pending}
          error={update.error}
          cancel={<ButtonLink to={back}>Cancel</ButtonLink>}
          onSubmit={async (values) => {
            const { body, errors } = toUpdateBody(values);
            if (Object.keys(errors).length > 0) return errors;
            const result = await update.run(body);
            if (result.ok) {
              toast.show('Connector saved', 'success');
              navigate(back);
            }
          }}
        />
      )}
    </>
  );
}
