import { endpoints } from '@switchboard/contracts';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { CopyButton } from '../../components/copy-button.js';
import { ErrorState } from '../../components/error-state.js';
import { Field } from '../../components/field.js';
import { errorBelowFields, FormDialog, useResetOnOpen } from '../../components/form-dialog.js';
import { TextInput } from '../../components/inputs.js';
import { useToast } from '../../components/toast.js';

export interface ClientCredentialsDialogProps {
  readonly open: boolean;
  /** The connector's API name. */
  readonly connector: string;
  /** The redirect URL to register at the service (from the connector or GET credentials). */
  readonly redirectUrl: string;
  readonly clientId?: string | null;
  readonly clientSecretSet?: boolean;
  /** Saved (PUT credentials answered). */
  readonly onSaved: () => void;
  /** Closed without saving ("Later", Escape, ×). */
  readonly onClose: () => void;
}

/**
 * The Client Credentials dialog: the redirect URL to register at the service, then the client id
 * and secret it issued. The secret is a password field that starts empty and is never shown
 * again (the API only says whether one is set).
 */
export function ClientCredentialsDialog({ open, connector, redirectUrl, clientId, clientSecretSet = false, onSaved, onClose }: ClientCredentialsDialogProps) {
  const api = useApi();
  const toast = useToast();
  const [id, setId] = useState(clientId ?? '');
  const [secret, setSecret] = useState('');
  const save = useApiMutation((body: { clientId: string; clientSecret: string }) => api.call(endpoints.setCredentials, { params: { connector }, body }));

  useResetOnOpen(open, () => {
    setId(clientId ?? '');
    setSecret('');
    save.reset();
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save.run({ clientId: id.trim(), clientSecret: secret });
    setSecret('');
    if (result.ok) {
      toast.show('Client credentials saved', 'success');
      onSaved();
    }
  };

  const otherError = errorBelowFields(save.error);

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Client credentials"
      // Wide enough to show a whole redirect URL, which people compare by eye with the service's.
      size="wide"
      description="Register this redirect URL with the service when you create its OAuth app, then paste the client id and secret the service gives you."
      formId="client-credentials-form"
      onSubmit={submit}
      submitLabel="Save credentials"
      pending={save.pending}
      cancelLabel={clientSecretSet ? 'Cancel' : 'Later'}
    >
      <Field label="Redirect URL" help="Also called callback URL. It must match exactly at the service.">
        <div className="input-with-button">
          <TextInput value={redirectUrl} readOnly spellCheck={false} onFocus={(event) => event.currentTarget.select()} />
          <CopyButton text={redirectUrl} label="Copy redirect URL" />
        </div>
      </Field>
      <Field label="Client ID" required error={save.error?.fieldError('clientId')} help="The public identifier of your OAuth app at the service.">
        <TextInput name="clientId" value={id} onChange={(event) => setId(event.target.value)} spellCheck={false} autoComplete="off" data-autofocus />
      </Field>
      <Field
        label="Client secret"
        required
        error={save.error?.fieldError('clientSecret')}
        help={clientSecretSet ? 'A secret is set. Enter a new one to replace it; it is stored encrypted and never shown again.' : 'Stored encrypted and never shown again.'}
      >
        <TextInput name="clientSecret" type="password" value={secret} onChange={(event) => setSecret(event.target.value)} autoComplete="new-password" spellCheck={false} />
      </Field>
      {otherError && <ErrorState error={otherError} compact />}
    </FormDialog>
  );
}
