import { endpoints, type OrgView } from '@switchboard/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorState } from '../../components/error-state.js';
import { Field } from '../../components/field.js';
import { TextInput } from '../../components/inputs.js';
import { useToast } from '../../components/toast.js';
import { suggestOrgId } from './suggest-org-id.js';

/** Paths shown next to their fields; any other problem (409 conflict: the id is taken) below the form. */
const fieldPaths = ['id', 'name'];

export interface CreateOrgDialogProps {
  readonly open: boolean;
  readonly onCreated: (org: OrgView) => void;
  readonly onClose: () => void;
}

/** Create a subscriber org: a name, and an id suggested from it (fixed once created). */
export function CreateOrgDialog({ open, onCreated, onClose }: CreateOrgDialogProps) {
  const api = useApi();
  const toast = useToast();
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [idTouched, setIdTouched] = useState(false);
  const create = useApiMutation(() => api.call(endpoints.createOrg, { body: { id: id.trim(), name: name.trim() } }));

  useEffect(() => {
    if (!open) return;
    setName('');
    setId('');
    setIdTouched(false);
    create.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset when (re)opened only
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create.run();
    if (result.ok) {
      toast.show(`Org “${result.data.name}” created`, 'success');
      onCreated(result.data);
    }
  };
  const otherError = create.error && !fieldPaths.some((path) => create.error?.fieldError(path)) ? create.error : undefined;

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Create org"
      description="An org is one of your customers: it installs solution releases, authorizes their connectors with its own accounts, and signs in here with an org key."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="create-org-form" variant="primary" loading={create.pending}>
            Create org
          </Button>
        </>
      }
    >
      <form id="create-org-form" className="form" onSubmit={submit} noValidate>
        <Field label="Name" required error={create.error?.fieldError('name')} help="The customer’s name as its admin sees it in the console, e.g. “Acme Customer Inc.”.">
          <TextInput
            name="name"
            value={name}
            maxLength={100}
            autoComplete="off"
            data-autofocus
            onChange={(event) => {
              const next = event.target.value;
              setName(next);
              if (!idTouched) setId(suggestOrgId(next));
            }}
          />
        </Field>
        <Field
          label="Org id"
          required
          error={create.error?.fieldError('id')}
          help="The org in API paths (/v1/orgs/acme-customer/…): lowercase letters, digits, - or _, 2 to 63 characters. It cannot change later."
        >
          <TextInput
            name="id"
            value={id}
            maxLength={63}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => {
              setIdTouched(true);
              setId(event.target.value);
            }}
          />
        </Field>
        {otherError && <ErrorState error={otherError} compact />}
      </form>
    </Dialog>
  );
}
