import { endpoints, semverSchema, type ReleaseView, type SolutionConnectorView } from '@switchboard/contracts';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { ErrorState } from '../../components/error-state.js';
import { Field } from '../../components/field.js';
import { errorBelowFields, FormDialog, useResetOnOpen } from '../../components/form-dialog.js';
import { TextArea, TextInput } from '../../components/inputs.js';
import { useToast } from '../../components/toast.js';
import { nextReleaseVersion } from './next-release-version.js';
import { PinnedVersionList } from './pinned-version-list.js';

export interface CutReleaseDialogProps {
  readonly open: boolean;
  readonly solution: string;
  /** The newest release's version (the new one must be greater). */
  readonly latest: string | undefined;
  /** What the release will record (shown as a reminder). */
  readonly connectors: readonly SolutionConnectorView[];
  readonly functionCount: number;
  readonly onCut: (release: ReleaseView) => void;
  readonly onClose: () => void;
}

/** "Cut release": a semver version greater than every earlier one, and optional notes. */
export function CutReleaseDialog({ open, solution, latest, connectors, functionCount, onCut, onClose }: CutReleaseDialogProps) {
  const api = useApi();
  const toast = useToast();
  const [version, setVersion] = useState('');
  const [notes, setNotes] = useState('');
  const [localError, setLocalError] = useState<string | undefined>(undefined);
  const cut = useApiMutation((body: { version: string; notes?: string }) => api.call(endpoints.createRelease, { params: { solution }, body }));

  useResetOnOpen(open, () => {
    setVersion(nextReleaseVersion(latest));
    setNotes('');
    setLocalError(undefined);
    cut.reset();
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = semverSchema.safeParse(version.trim());
    if (!checked.success) {
      setLocalError('Enter a semantic version such as 1.0.0 or 2.1.0-beta.1 (semver.org), without a leading “v”.');
      return;
    }
    setLocalError(undefined);
    const result = await cut.run({ version: version.trim(), ...(notes.trim() === '' ? {} : { notes: notes.trim() }) });
    if (result.ok) {
      toast.show(`Release ${result.data.version} cut`, 'success');
      onCut(result.data);
    }
  };
  // 409 version_not_increasing belongs next to the version field: that is what to change.
  const versionError =
    localError ??
    (cut.error?.code === 'version_not_increasing' ? cut.error.detail : undefined) ??
    cut.error?.fieldError('version');
  const otherError = cut.error?.code === 'version_not_increasing' ? undefined : errorBelowFields(cut.error, ['version', 'notes']);

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Cut release"
      description="A release is an immutable record of the pinned connector versions, the functions and the connector actions as they are now. Orgs install releases."
      formId="cut-release-form"
      onSubmit={submit}
      submitLabel="Cut release"
      pending={cut.pending}
    >
      <Field
        label="Version"
        required
        error={versionError}
        help={latest ? `A semantic version greater than the latest release, ${latest} (e.g. 1.4.0, 2.0.0-rc.1).` : 'A semantic version such as 1.0.0 (semver.org).'}
      >
        <TextInput name="version" value={version} onChange={(event) => setVersion(event.target.value)} spellCheck={false} autoComplete="off" data-autofocus />
      </Field>
      <Field label="Notes" error={cut.error?.fieldError('notes')} help="Optional: what changed, for the orgs deciding whether to upgrade.">
        <TextArea name="notes" value={notes} maxLength={10_000} rows={4} onChange={(event) => setNotes(event.target.value)} />
      </Field>
      <div>
        <p className="field-label">This release will record</p>
        {connectors.length === 0 ? (
          <p className="muted">No connectors: associate one first (a release needs at least one).</p>
        ) : (
          <PinnedVersionList connectors={connectors} />
        )}
        <p className="muted">
          {functionCount === 0 ? 'No functions.' : `${functionCount} function${functionCount === 1 ? '' : 's'} with their current source and limits, and the connector actions.`}
        </p>
      </div>
      {otherError && <ErrorState error={otherError} compact />}
    </FormDialog>
  );
}
