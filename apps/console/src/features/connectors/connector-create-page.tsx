import { endpoints, type ConnectorView } from '@switchboard/contracts';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { ButtonLink } from '../../components/button.js';
import { PageHeader } from '../../components/page-header.js';
import { useToast } from '../../components/toast.js';
import { ClientCredentialsDialog } from './client-credentials-dialog.js';
import { ConnectorForm } from './connector-form.js';
import { emptyConnectorValues, toCreateBody, type CreateConnectorBody } from './connector-form-values.js';

/** Create a connector; then the Client Credentials dialog; then its page. */
export function ConnectorCreatePage() {
  const api = useApi();
  const navigate = useNavigate();
  const toast = useToast();
  const create = useApiMutation((body: CreateConnectorBody) => api.call(endpoints.createConnector, { body }));
  const [created, setCreated] = useState<ConnectorView | undefined>(undefined);
  const goToConnector = () => created && navigate(`/connectors/${encodeURIComponent(created.apiName)}`);

  return (
    <>
      <PageHeader title="Create connector" eyebrow={<Link to="/connectors">Connectors</Link>} description="Describe how Switchboard reaches the service’s OAuth 2.0 endpoints. You can change everything later except the API name." />
      <ConnectorForm
        mode="create"
        initial={emptyConnectorValues}
        pending={create.pending}
        error={create.error}
        cancel={<ButtonLink to="/connectors">Cancel</ButtonLink>}
        onSubmit={async (values) => {
          const { body, errors } = toCreateBody(values);
          if (Object.keys(errors).length > 0) return errors;
          const result = await create.run(body);
          if (result.ok) {
            toast.show(`Connector “${result.data.name}” created`, 'success');
            setCreated(result.data);
          }
        }}
      />
      {created && (
        <ClientCredentialsDialog open connector={created.apiName} redirectUrl={created.redirectUrl} clientId={null} onSaved={goToConnector} onClose={goToConnector} />
      )}
    </>
  );
}
