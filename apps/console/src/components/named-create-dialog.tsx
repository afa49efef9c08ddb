import type { FormEvent } from 'react';
import { useApiMutation } from '../api/use-api-mutation.js';
import { ErrorState } from './error-state.js';
import { Field } from './field.js';
import { errorBelowFields, FormDialog, useResetOnOpen } from './form-dialog.js';
import { TextInput } from './inputs.js';
import { useToast } from './toast.js';
import { useSuggestedValue } from './use-suggested-value.js';

/** The identifier field of a {@link NamedCreateDialog}: suggested from the name, fixed once created. */
export interface SuggestedIdField {
  readonly label: string;
  /** The body field the server names in its problems (`id`, `apiName`), also the input's name. */
  readonly name: string;
  readonly maxLength: number;
  /** The help text, given the id as typed so far. */
  readonly help: (id: string) => string;
  /** Turns the name into the suggested id (until the person types their own). */
  readonly suggest: (name: string) => string;
}

export interface NamedCreateDialogProps<T extends { readonly name: string }> {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly onCreated: (created: T) => void;
  readonly title: string;
  readonly description: string;
  readonly formId: string;
  /** The thing created, for the toast: `${noun} “${name}” created`. */
  readonly noun: string;
  readonly nameHelp: string;
  readonly idField: SuggestedIdField;
  /** The API call that creates it from the trimmed name and id. */
  readonly create: (name: string, id: string) => Promise<T>;
}

/**
 * A create dialog of a name and an identifier suggested from it (an org, a function): the same
 * reset-on-open, field errors from the problem, other problems below the form, and toast.
 */
export function NamedCreateDialog<T extends { readonly name: string }>(props: NamedCreateDialogProps<T>) {
  const { open, onClose, onCreated, idField } = props;
  const toast = useToast();
  const { source: name, value: id, setSource: setName, setValue: setId, reset } = useSuggestedValue(idField.suggest);
  const create = useApiMutation(() => props.create(name.trim(), id.trim()));

  useResetOnOpen(open, () => {
    reset('', '', false);
    create.reset();
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create.run();
    if (result.ok) {
      toast.show(`${props.noun} “${result.data.name}” created`, 'success');
      onCreated(result.data);
    }
  };
  // A problem not at a field (409: the id is taken) is shown below the form.
  const otherError = errorBelowFields(create.error, ['name', idField.name]);

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={props.title}
      description={props.description}
      formId={props.formId}
      onSubmit={submit}
      submitLabel={props.title}
      pending={create.pending}
    >
      <Field label="Name" required error={create.error?.fieldError('name')} help={props.nameHelp}>
        <TextInput name="name" value={name} maxLength={100} autoComplete="off" data-autofocus onChange={(event) => setName(event.target.value)} />
      </Field>
      <Field label={idField.label} required error={create.error?.fieldError(idField.name)} help={idField.help(id)}>
        <TextInput name={idField.name} value={id} maxLength={idField.maxLength} spellCheck={false} autoComplete="off" onChange={(event) => setId(event.target.value)} />
      </Field>
      {otherError && <ErrorState error={otherError} compact />}
    </FormDialog>
  );
}
