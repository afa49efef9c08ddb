import { endpoints, type OrgView } from '@switchboard/contracts';
import type { FormEvent } from 'react';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { ErrorState } from '../../components/error-state.js';
import { Field } from '../../components/field.js';
import { errorBelowFields, FormDialog, useResetOnOpen } from '../../components/form-dialog.js';
import { TextInput } from '../../components/inputs.js';
import { useToast } from '../../components/toast.js';
import { useSuggestedValue } from '../../components/use-suggested-value.js';
import { suggestOrgId } from './suggest-org-id.js';

export interface CreateOrgDialogProps {
  readonly open: boolean;
  readonly onCreated: (org: OrgView) => void;
  readonly onClose: () => void;
}

/** Create a subscriber org: a name, and an id suggested from it (fixed once created). */
export function CreateOrgDialog({ open, onCreated, onClose }: CreateOrgDialogProps) {
  const api = useApi();
  const toast = useToast();
  const { source: name, value: id, setSource: setName, setValue: setId, reset } = useSuggestedValue(suggestOrgId);
  const create = useApiMutation(() => api.call(endpoints.createOrg, { body: { id: id.trim(), name: name.trim() } }));

  useResetOnOpen(open, () => {
    reset('', '', false);
    create.reset();
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create.run();
    if (result.ok) {
      toast.show(`Org “${result.data.name}” created`, 'success');
      onCreated(result.data);
    }
  };
  // Any problem not at a field (409 conflict: the id is taken) is shown below the form.
  const otherError = errorBelowFields(create.error, ['id', 'name']);

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Create org"
      description="An org is one of your customers: it installs solution releases, authorizes their connectors with its own accounts, and signs in here with an org key."
      formId="create-org-form"
      onSubmit={submit}
      submitLabel="Create org"
      pending={create.pending}
    >
      <Field label="Name" required error={create.error?.fieldError('name')} help="The customer’s name as its admin sees it in the console, e.g. “Acme Customer Inc.”.">
        <TextInput name="name" value={name} maxLength={100} autoComplete="off" data-autofocus onChange={(event) => setName(event.target.value)} />
      </Field>
      <Field
        label="Org id"
        required
        error={create.error?.fieldError('id')}
        help="The org in API paths (/v1/orgs/acme-customer/…): lowercase letters, digits, - or _, 2 to 63 characters. It cannot change later."
      >
        <TextInput name="id" value={id} maxLength={63} spellCheck={false} autoComplete="off" onChange={(event) => setId(event.target.value)} />
      </Field>
      {otherError && <ErrorState error={otherError} compact />}
    </FormDialog>
  );
}
