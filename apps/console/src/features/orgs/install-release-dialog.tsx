import { endpoints, type InstallationView, type OrgView } from '@switchboard/contracts';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { ErrorState } from '../../components/error-state.js';
import { errorBelowFields, FormDialog, useResetOnOpen } from '../../components/form-dialog.js';
import { ItemVersionFields, useItemVersionChoice } from '../../components/item-version-fields.js';
import { useToast } from '../../components/toast.js';

export interface InstallReleaseDialogProps {
  readonly open: boolean;
  readonly org: OrgView;
  /** Solutions already installed in the org (upgraded instead, so left out of the picker). */
  readonly installed: readonly string[];
  readonly onInstalled: (installation: InstallationView) => void;
  readonly onClose: () => void;
}

/**
 * Install a solution release in a subscriber org: the solution first, then one of its releases
 * (the newest is chosen). Only releases can be installed: an org runs frozen snapshots.
 */
export function InstallReleaseDialog({ open, org, installed, onInstalled, onClose }: InstallReleaseDialogProps) {
  const api = useApi();
  const toast = useToast();
  const choice = useItemVersionChoice({
    open,
    taken: installed,
    loadItems: async (signal) => (await api.call(endpoints.listSolutions, { signal })).items,
    loadVersions: async (solution, signal) => (await api.call(endpoints.listReleases, { params: { solution }, signal })).items,
    versionKey: (item) => item.version,
  });
  const install = useApiMutation((target: { solution: string; release: string }) => api.call(endpoints.installSolution, { params: { org: org.id }, body: target }));

  useResetOnOpen(open, () => install.reset());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!choice.ready) return;
    const result = await install.run({ solution: choice.item, release: choice.version });
    if (result.ok) {
      toast.show(`${result.data.solution} ${result.data.release} installed in ${org.name}`, 'success');
      onInstalled(result.data);
    }
  };
  const otherError = errorBelowFields(install.error, ['release']);

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Install release"
      description={`The release’s connectors join ${org.name}’s checklist at the versions it recorded; the org’s admin then authorizes them on their Setup pages.`}
      formId="install-release-form"
      onSubmit={submit}
      submitLabel="Install"
      pending={install.pending}
      submitDisabled={!choice.ready}
    >
      <ItemVersionFields
        choice={choice}
        itemField={{
          label: 'Solution',
          name: 'solution',
          placeholder: 'Choose a solution…',
          help: 'Solutions already installed in this org are upgraded from the Installations list instead.',
          loadingLabel: 'Loading solutions…',
          unavailable: (total) => (
            <>
              {total === 0
                ? 'There are no solutions yet: create one, associate published connectors with it and cut a release. '
                : `Every solution is already installed in ${org.name}; upgrade an installation to a newer release instead. `}
              <Link to="/solutions">Go to Solutions</Link>
            </>
          ),
        }}
        versionField={{
          label: 'Release',
          name: 'release',
          help: 'The newest is chosen. The org can later be upgraded to newer releases, never moved back.',
          error: install.error?.fieldError('release'),
          loadingLabel: 'Loading releases…',
          none: (solution) => (
            <>
              {solution.name} has no release yet. <Link to={`/solutions/${encodeURIComponent(solution.apiName)}`}>Open the solution</Link> and cut one first.
            </>
          ),
          option: (item, index) => (
            <>
              {item.version}
              {index === 0 ? ' (newest)' : ''} · {item.connectors.map((connector) => `${connector.connector} v${connector.version}`).join(', ') || 'no connectors'}
            </>
          ),
        }}
      />
      {otherError && <ErrorState error={otherError} compact />}
    </FormDialog>
  );
}
