import { endpoints, type FunctionView } from '@switchboard/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorState } from '../../components/error-state.js';
import { Field } from '../../components/field.js';
import { TextInput } from '../../components/inputs.js';
import { useToast } from '../../components/toast.js';
import { suggestApiName } from '../connectors/connector-form-values.js';
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
  const [name, setName] = useState('');
  const [apiName, setApiName] = useState('');
  const [apiNameTouched, setApiNameTouched] = useState(false);
  const create = useApiMutation(() =>
    api.call(endpoints.createFunction, { params: { solution }, body: { name: name.trim(), apiName: apiName.trim(), source: functionTemplate } }),
  );

  useEffect(() => {
    if (!open) return;
    setName('');
    setApiName('');
    setApiNameTouched(false);
    create.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset when (re)opened only
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create.run();
    if (result.ok) {
      toast.show(`Function “${result.data.name}” created`, 'success');
      onCreated(result.data);
    }
  };
  const otherError = create.error && !create.error.fieldError('name') && !create.error.fieldError('apiName') ? create.error : undefined;

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Create function"
      description="A function is JavaScript that Switchboard runs for an org in a sandbox, with that org’s connections. It opens in the editor with a starting template."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="create-function-form" variant="primary" loading={create.pending}>
            Create function
          </Button>
        </>
      }
    >
      <form id="create-function-form" className="form" onSubmit={submit} noValidate>
        <Field label="Name" required error={create.error?.fieldError('name')} help="For people, e.g. “Sync lead”.">
          <TextInput
            name="name"
            value={name}
            maxLength={100}
            autoComplete="off"
            data-autofocus
            onChange={(event) => {
              setName(event.target.value);
              if (!apiNameTouched) setApiName(suggestApiName(event.target.value));
            }}
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
            onChange={(event) => {
              setApiNameTouched(true);
              setApiName(event.target.value);
            }}
          />
        </Field>
        {otherError && <ErrorState error={otherError} compact />}
      </form>
    </Dialog>
  );
}
