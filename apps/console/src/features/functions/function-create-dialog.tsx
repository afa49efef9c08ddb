import { endpoints, type FunctionView } from '@switchboard/contracts';
import type { FormEvent } from 'react';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { ErrorState } from '../../components/error-state.js';
import { Field } from '../../components/field.js';
import { errorBelowFields, FormDialog, useResetOnOpen } from '../../components/form-dialog.js';
import { TextInput } from '../../components/inputs.js';
import { useToast } from '../../components/toast.js';
import { useSuggestedApiName } from '../connectors/use-suggested-api-name.js';
import { functionTemplate } from './function-template.js';

export interface FunctionCreateDialogProps {
  readonly open: boolean;
  readonly solution: string;
  readonly onCreated: (created: FunctionView) => void;
  readonly onClose: () => void;
}

/** Name a new function; it starts from a template and opens in the editor. */
export function FunctionCreateDialog({ open, solution, onCreated, onClose }: FunctionCreateDialogProps) {
  const api = useApi();
  const toast = useToast();
  const { name, apiName, setName, setApiName, reset } = useSuggestedApiName();
  const create = useApiMutation(() =>
    api.call(endpoints.createFunction, { params: { solution }, body: { name: name.trim(), apiName: apiName.trim(), source: functionTemplate } }),
  );

  useResetOnOpen(open, () => {
    reset('', '', false);
    create.reset();
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create.run();
    if (result.ok) {
      toast.show(`Function “${result.data.name}” created`, 'success');
      onCreated(result.data);
    }
  };
  const otherError = errorBelowFields(create.error, ['name', 'apiName']);

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Create function"
      description="A function is JavaScript that Switchboard runs for an org in a sandbox, with that org’s connections. It opens in the editor with a starting template."
      formId="create-function-form"
      onSubmit={submit}
      submitLabel="Create function"
      pending={create.pending}
    >
      <Field label="Name" required error={create.error?.fieldError('name')} help="For people, e.g. “Sync lead”.">
        <TextInput
          name="name"
          value={name}
          maxLength={100}
          autoComplete="off"
          data-autofocus
          onChange={(event) => setName(event.target.value)}
        />
      </Field>
      <Field
        label="API name"
        required
        error={create.error?.fieldError('apiName')}
        help={`How it is called: ${solution}.${apiName || 'sync_lead'}. A lowercase letter, then letters, digits or _. It cannot change later.`}
      >
        <TextInput
          name="apiName"
          value={apiName}
          maxLength={50}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => setApiName(event.target.value)}
        />
      </Field>
      {otherError && <ErrorState error={otherError} compact />}
    </FormDialog>
  );
}
