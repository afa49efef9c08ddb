import { endpoints, type OrgKeyCreated } from '@switchboard/contracts';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { ErrorState } from '../../components/error-state.js';
import { Field } from '../../components/field.js';
import { errorBelowFields, FormDialog, useResetOnOpen } from '../../components/form-dialog.js';
import { TextInput } from '../../components/inputs.js';

export interface CreateOrgKeyDialogProps {
  readonly open: boolean;
  /** The org's id. */
  readonly org: string;
  /** The new key, with its secret: the caller shows it once and drops it. */
  readonly onCreated: (key: OrgKeyCreated) => void;
  readonly onClose: () => void;
}

/** "Create org key": a name saying who or what holds it. */
export function CreateOrgKeyDialog({ open, org, onCreated, onClose }: CreateOrgKeyDialogProps) {
  const api = useApi();
  const [name, setName] = useState('');
  const create = useApiMutation((keyName: string) => api.call(endpoints.createOrgKey, { params: { org }, body: { name: keyName } }));

  useResetOnOpen(open, () => {
    setName('');
    create.reset();
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create.run(name.trim());
    if (result.ok) onCreated(result.data);
  };
  const otherError = errorBelowFields(create.error, ['name']);

  return (
    <FormDialog open={open} onClose={onClose} title="Create org key" formId="create-org-key-form" onSubmit={submit} submitLabel="Create key" pending={create.pending}>
      <Field label="Key name" required error={create.error?.fieldError('name')} help="Who or what holds it, e.g. “Jane (admin)” or “backend”. Shown in this list and in audit events.">
        <TextInput name="name" value={name} maxLength={100} autoComplete="off" data-autofocus onChange={(event) => setName(event.target.value)} />
      </Field>
      {otherError && <ErrorState error={otherError} compact />}
    </FormDialog>
  );
}
