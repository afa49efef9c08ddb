import { endpoints, type InstallationView, type OrgView } from '@switchboard/contracts';
import type { FormEvent } from 'react';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { ErrorState } from '../../components/error-state.js';
import { FormDialog, useResetOnOpen } from '../../components/form-dialog.js';
import { ItemVersionFields, useItemVersionChoice } from '../../components/item-version-fields.js';
import { useToast } from '../../components/toast.js';
import { formatDateTime } from '../../format/format-date-time.js';
import { newerReleases } from './newer-releases.js';

export interface UpgradeInstallationDialogProps {
  readonly org: OrgView;
  /** The installation to upgrade; null: closed. */
  readonly installation: InstallationView | null;
  readonly onUpgraded: (installation: InstallationView) => void;
  /** The list is out of date (409 downgrade_refused: the org moved on meanwhile): reload it. */
  readonly onStale: () => void;
  readonly onClose: () => void;
}

/**
 * Move an installation to a newer release of its solution (the newest is chosen). Older ones are
 * not offered: the server refuses a downgrade (409 downgrade_refused), which can still happen
 * when the org's own admin upgraded meanwhile, so that answer is explained, not just shown.
 */
export function UpgradeInstallationDialog({ org, installation, onUpgraded, onStale, onClose }: UpgradeInstallationDialogProps) {
  const api = useApi();
  const toast = useToast();
  const open = installation !== null;
  const solution = installation?.solution ?? '';
  // The solution is fixed: only its releases newer than the installed one are offered.
  const choice = useItemVersionChoice({
    open,
    fixed: { apiName: solution, name: solution },
    loadVersions: async (item, signal) => (await api.call(endpoints.listReleases, { params: { solution: item }, signal })).items,
    offer: (releases) => (installation ? newerReleases(releases, installation.release) : []),
    versionKey: (item) => item.version,
  });
  const upgrade = useApiMutation((target: string) => api.call(endpoints.upgradeInstallation, { params: { org: org.id, solution }, body: { release: target } }));

  useResetOnOpen(open, () => upgrade.reset());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!choice.ready) return;
    const result = await upgrade.run(choice.version);
    if (result.ok) {
      toast.show(`${result.data.solution} upgraded to ${result.data.release} in ${org.name}`, 'success');
      onUpgraded(result.data);
    } else if (result.error.code === 'downgrade_refused') {
      onStale();
    }
  };
  const refused = upgrade.error?.code === 'downgrade_refused';

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={installation ? `Upgrade ${installation.solution}` : 'Upgrade'}
      description={`${org.name} starts using the new release’s connector versions at once. Connections whose connector now asks for new scopes or calls new endpoints must be authorized again by the org’s admin.`}
      formId="upgrade-installation-form"
      onSubmit={submit}
      submitLabel="Upgrade"
      pending={upgrade.pending}
      submitDisabled={!choice.ready}
    >
      {installation && (
        <p>
          Installed now: release <strong>{installation.release}</strong>.
        </p>
      )}
      <ItemVersionFields
        choice={choice}
        versionField={{
          label: 'New release',
          name: 'release',
          help: 'Only newer releases: to go back to an older one, uninstall and install it again.',
          loadingLabel: 'Loading releases…',
          none: () => 'There is no newer release. Cut one on the solution’s page first.',
          option: (item, index) => (
            <>
              {item.version}
              {index === 0 ? ' (newest)' : ''} — cut {formatDateTime(item.createdAt)}
            </>
          ),
        }}
      />
      {refused && (
        <p className="notice notice-warning" role="note">
          <strong>Downgrade refused.</strong> {org.name} is already on a newer release than {choice.version} (its admin may have upgraded it meanwhile). The list
          has been reloaded; to go back to an older release, uninstall and install it.
        </p>
      )}
      {upgrade.error && <ErrorState error={upgrade.error} compact />}
    </FormDialog>
  );
}
