import { endpoints, maxReleaseNotesLength, type PublishedVersionView } from '@switchboard/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context.js';
import type { ApiError } from '../../api/api-error.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { Button } from '../../components/button.js';
import { ErrorState } from '../../components/error-state.js';
import { Field } from '../../components/field.js';
import { FormDialog, useResetOnOpen } from '../../components/form-dialog.js';
import { TextArea, TextInput } from '../../components/inputs.js';
import { logoAccept, logoProblem } from './logo-check.js';

export interface PublishDialogProps {
  readonly open: boolean;
  readonly connector: { readonly apiName: string; readonly name: string };
  /** Prefilled support email (the latest version's). */
  readonly defaultSupportEmail?: string;
  readonly onClose: () => void;
  readonly onPublished: (version: PublishedVersionView) => void;
  /** Open the Client Credentials dialog (what a `no_credentials` refusal asks for). */
  readonly onOpenCredentials: () => void;
}

type LocalErrors = Partial<Record<'logo' | 'supportEmail' | 'releaseNotes', string>>;

/** A 409 `not_publishable`'s reason, said as what to do. */
function notPublishableAdvice(error: ApiError): { text: string; credentials: boolean } | undefined {
  if (error.code !== 'not_publishable') return undefined;
  const reason = error.problem['reason'];
  if (reason === 'no_apis') return { text: 'Add at least one API to the connector, then publish.', credentials: false };
  if (reason === 'no_credentials') return { text: 'Set the connector’s client credentials, then publish: every version uses them.', credentials: true };
  return { text: error.detail, credentials: false };
}

/**
 * Publish: logo (PNG, JPEG or SVG, previewed before upload), support email and release notes,
 * sent as multipart/form-data (the logo as a file, no base64). Refusals are said where they
 * belong: `invalid_logo` at the logo, `not_publishable` with what to do first.
 */
export function PublishDialog({ open, connector, defaultSupportEmail = '', onClose, onPublished, onOpenCredentials }: PublishDialogProps) {
  const api = useApi();
  const [logo, setLogo] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | undefined>(undefined);
  const [supportEmail, setSupportEmail] = useState(defaultSupportEmail);
  const [releaseNotes, setReleaseNotes] = useState('');
  const [local, setLocal] = useState<LocalErrors>({});
  const publish = useApiMutation((form: FormData) => api.call(endpoints.publishConnector, { params: { connector: connector.apiName }, body: form }));

  useResetOnOpen(open, () => {
    setLogo(null);
    setSupportEmail(defaultSupportEmail);
    setReleaseNotes('');
    setLocal({});
    publish.reset();
  });

  // The preview is an object URL of the chosen file; freed when the file changes or the dialog goes.
  useEffect(() => {
    if (!logo) {
      setPreview(undefined);
      return;
    }
    const url = URL.createObjectURL(logo);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [logo]);

  const error = publish.error;
  const advice = error ? notPublishableAdvice(error) : undefined;
  const logoError = local.logo ?? (error?.code === 'invalid_logo' ? error.detail : error?.fieldError('logo'));
  const handled = error && (error.code === 'invalid_logo' || advice || Object.keys(error.fieldErrors).length > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: LocalErrors = {};
    if (!logo) errors.logo = 'Choose a logo: a PNG, JPEG or SVG of at most 256 KB.';
    else {
      const problem = logoProblem(logo);
      if (problem) errors.logo = problem;
    }
    if (supportEmail.trim() === '') errors.supportEmail = 'Enter the address subscribers write to for help.';
    if (releaseNotes.trim() === '') errors.releaseNotes = 'Say what this version brings; subscribers see it.';
    setLocal(errors);
    if (Object.keys(errors).length > 0 || !logo) {
      focusFirstInvalid();
      return;
    }
    const form = new FormData();
    form.set('logo', logo, logo.name);
    form.set('supportEmail', supportEmail.trim());
    form.set('releaseNotes', releaseNotes.trim());
    const result = await publish.run(form);
    if (result.ok) onPublished(result.data);
    else focusFirstInvalid();
  };

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      size="wide"
      title={`Publish ${connector.name}`}
      description="Publishing freezes the connector and all its APIs into a new immutable version that solutions can pin. Later edits to the draft do not change it."
      formId="publish-form"
      formClassName="publish-form"
      onSubmit={submit}
      submitLabel="Publish version"
      pending={publish.pending}
    >
      <div className="publish-logo-row">
        <Field label="Logo" required error={logoError} help="PNG, JPEG or SVG, at most 256 KB. An SVG must be a plain drawing: no scripts, external links or embedded HTML.">
          <TextInput
            type="file"
            name="logo"
            accept={logoAccept}
            data-autofocus
            onChange={(event) => {
              const file = event.target.files?.[0] ?? null;
              setLogo(file);
              setLocal((current) => ({ ...current, logo: file ? logoProblem(file) : undefined }));
            }}
          />
        </Field>
        <div className="publish-logo-preview" aria-live="polite">
          {preview ? <img src={preview} alt={`Preview of ${logo?.name ?? 'the logo'}`} /> : <span className="muted">No logo chosen</span>}
        </div>
      </div>
      <Field label="Support email" required error={local.supportEmail ?? error?.fieldError('supportEmail')} help="Where subscribers of this version write for help.">
        <TextInput type="email" name="supportEmail" autoComplete="email" value={supportEmail} onChange={(event) => setSupportEmail(event.target.value)} />
      </Field>
      <Field label="Release notes" required error={local.releaseNotes ?? error?.fieldError('releaseNotes')} help="What changed in this version; shown with the version.">
        <TextArea name="releaseNotes" rows={4} maxLength={maxReleaseNotesLength} value={releaseNotes} onChange={(event) => setReleaseNotes(event.target.value)} />
      </Field>
      {advice && (
        <div className="error-state publish-refused" role="alert" tabIndex={-1}>
          <p className="error-state-title">{connector.name} cannot be published yet</p>
          <p className="error-state-detail">{advice.text}</p>
          <p className="error-state-code">
            Code: <code>{error?.code}</code>
            {typeof error?.problem['reason'] === 'string' && <> · reason <code>{String(error.problem['reason'])}</code></>} · HTTP {error?.status}
          </p>
          {advice.credentials && (
            <Button size="small" onClick={onOpenCredentials}>
              Set client credentials
            </Button>
          )}
        </div>
      )}
      {error && !handled && <ErrorState error={error} compact />}
      {error?.code === 'invalid_logo' && (
        <p className="muted publish-reason">
          Code: <code>invalid_logo</code> · HTTP {error.status}
        </p>
      )}
    </FormDialog>
  );
}

function focusFirstInvalid() {
  requestAnimationFrame(() => {
    const form = document.getElementById('publish-form');
    (form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[role="alert"]'))?.focus();
  });
}
