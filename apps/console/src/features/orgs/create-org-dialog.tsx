import { endpoints, type OrgView } from '@switchboard/contracts';
import { useApi } from '../../api/api-context.js';
import { NamedCreateDialog } from '../../components/named-create-dialog.js';
import { suggestOrgId } from './suggest-org-id.js';

export interface CreateOrgDialogProps {
  readonly open: boolean;
  readonly onCreated: (org: OrgView) => void;
  readonly onClose: () => void;
}

/** Create a subscriber org: a name, and an id suggested from it (fixed once created). */
export function CreateOrgDialog({ open, onCreated, onClose }: CreateOrgDialogProps) {
  const api = useApi();
  return (
    <NamedCreateDialog
      open={open}
      onClose={onClose}
      onCreated={onCreated}
      title="Create org"
      description="An org is one of your customers: it installs solution releases, authorizes their connectors with its own accounts, and signs in here with an org key."
      formId="create-org-form"
      noun="Org"
      nameHelp="The customer’s name as its admin sees it in the console, e.g. “Acme Customer Inc.”."
      idField={{
        label: 'Org id',
        name: 'id',
        maxLength: 63,
        help: () => 'The org in API paths (/v1/orgs/acme-customer/…): lowercase letters, digits, - or _, 2 to 63 characters. It cannot change later.',
        suggest: suggestOrgId,
      }}
      create={(name, id) => api.call(endpoints.createOrg, { body: { id, name } })}
    />
  );
}
