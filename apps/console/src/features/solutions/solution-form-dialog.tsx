import { endpoints, type SolutionView } from '@switchboard/contracts';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { ErrorState } from '../../components/error-state.js';
import { Field } from '../../components/field.js';
import { errorBelowFields, FormDialog, useResetOnOpen } from '../../components/form-dialog.js';
import { TextArea, TextInput } from '../../components/inputs.js';
import { useToast } from '../../components/toast.js';
import { useSuggestedApiName } from '../connectors/use-suggested-api-name.js';

/** Paths shown next to their fields; any other problem is shown below the form. */
const fieldPaths = ['name', 'apiName', 'description'];

export interface SolutionFormDialogProps {
  readonly open: boolean;
  /** Absent: create a solution. Present: edit its name and description (the API name is fixed). */
  readonly solution?: SolutionView;
  readonly onSaved: (solution: SolutionView) => void;
  readonly onClose: () => void;
}

/** Create a solution (name, API name, description), or edit one's name and description. */
export function SolutionFormDialog({ open, solution, onSaved, onClose }: SolutionFormDialogProps) {
  const api = useApi();
  const toast = useToast();
  const editing = solution !== undefined;
  const { name, apiName, setName, setApiName, reset } = useSuggestedApiName();
  const [description, setDescription] = useState('');
  const save = useApiMutation(async (): Promise<SolutionView> => {
    if (solution) {
      return api.call(endpoints.updateSolution, {
        params: { solution: solution.apiName },
        body: { name: name.trim(), description: description.trim() === '' ? null : description.trim() },
      });
    }
    return api.call(endpoints.createSolution, {
      body: { name: name.trim(), apiName: apiName.trim(), ...(description.trim() === '' ? {} : { description: description.trim() }) },
    });
  });

  useResetOnOpen(open, () => {
    reset(solution?.name ?? '', solution?.apiName ?? '', editing);
    setDescription(solution?.description ?? '');
    save.reset();
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save.run();
    if (result.ok) {
      toast.show(editing ? 'Solution saved' : `Solution “${result.data.name}” created`, 'success');
      onSaved(result.data);
    }
  };
  const otherError = errorBelowFields(save.error, fieldPaths);
  const formId = editing ? 'edit-solution-form' : 'create-solution-form';

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={editing ? 'Edit solution' : 'Create solution'}
      description={editing ? undefined : 'A solution groups connectors (each at a published version) and functions that subscriber orgs install together.'}
      formId={formId}
      onSubmit={submit}
      submitLabel={editing ? 'Save solution' : 'Create solution'}
      pending={save.pending}
    >
      <Field label="Name" required error={save.error?.fieldError('name')} help="Shown to you and to the subscriber orgs that install it, e.g. “CRM suite”.">
        <TextInput
          name="name"
          value={name}
          maxLength={100}
          autoComplete="off"
          data-autofocus
          onChange={(event) => setName(event.target.value)}
        />
      </Field>
      {editing ? (
        <Field label="API name" help="The solution’s identifier in URLs and function calls; it cannot change.">
          <TextInput name="apiName" value={apiName} readOnly />
        </Field>
      ) : (
        <Field
          label="API name"
          required
          error={save.error?.fieldError('apiName')}
          help="The identifier in URLs and function calls (crm_suite.sync): a lowercase letter, then letters, digits or _. It cannot change later."
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
      )}
      <Field label="Description" error={save.error?.fieldError('description')} help="Optional: what the solution does for a subscriber.">
        <TextArea name="description" value={description} maxLength={2000} rows={3} onChange={(event) => setDescription(event.target.value)} />
      </Field>
      {otherError && <ErrorState error={otherError} compact />}
    </FormDialog>
  );
}
