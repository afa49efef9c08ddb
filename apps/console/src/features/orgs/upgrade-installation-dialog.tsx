import { endpoints, type InstallationView, type OrgView } from '@switchboard/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorState } from '../../components/error-state.js';
import { Field } from '../../components/field.js';
import { Select } from '../../components/inputs.js';
import { Loading } from '../../components/loading.js';
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
  const [release, setRelease] = useState('');
  const releases = useApiQuery(
    async (signal) => (open ? (await api.call(endpoints.listReleases, { params: { solution }, signal })).items : undefined),
    [open, solution],
  );
  const upgrade = useApiMutation((target: string) => api.call(endpoints.upgradeInstallation, { params: { org: org.id, solution }, body: { release: target } }));
  const candidates = installation && releases.data ? newerReleases(releases.data, installation.release) : undefined;

  useEffect(() => {
    if (!open) return;
    setRelease('');
    upgrade.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset when (re)opened only
  }, [open, solution]);

  useEffect(() => {
    if (candidates && !candidates.some((item) => item.version === release)) setRelease(candidates[0]?.version ?? '');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the list changes
  }, [releases.data]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!installation || release === '') return;
    const result = await upgrade.run(release);
    if (result.ok) {
      toast.show(`${result.data.solution} upgraded to ${result.data.release} in ${org.name}`, 'success');
      onUpgraded(result.data);
    } else if (result.error.code === 'downgrade_refused') {
      onStale();
    }
  };
  const refused = upgrade.error?.code === 'downgrade_refused';

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={installation ? `Upgrade ${installation.solution}` : 'Upgrade'}
      description={`${org.name} starts using the new release’s connector versions at once. Connections whose connector now asks for new scopes or calls new endpoints must be authorized again by the org’s admin.`}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="upgrade-installation-form" variant="primary" loading={upgrade.pending} disabled={release === ''}>
            Upgrade
          </Button>
        </>
      }
    >
      <form id="upgrade-installation-form" className="form" onSubmit={submit} noValidate>
        {installation && (
          <p>
            Installed now: release <strong>{installation.release}</strong>.
          </p>
        )}
        {releases.error ? (
          <ErrorState error={releases.error} onRetry={releases.reload} compact />
        ) : !candidates ? (
          <Loading label="Loading releases…" />
        ) : candidates.length === 0 ? (
          <p className="notice">There is no newer release. Cut one on the solution’s page first.</p>
        ) : (
          <Field label="New release" required help="Only newer releases: to go back to an older one, uninstall and install it again.">
            <Select name="release" value={release} onChange={(event) => setRelease(event.target.value)} data-autofocus>
              {candidates.map((item, index) => (
                <option key={item.version} value={item.version}>
                  {item.version}
                  {index === 0 ? ' (newest)' : ''} — cut {formatDateTime(item.createdAt)}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {refused && (
          <p className="notice notice-warning" role="note">
            <strong>Downgrade refused.</strong> {org.name} is already on a newer release than {release} (its admin may have upgraded it meanwhile). The list
            has been reloaded; to go back to an older release, uninstall and install it.
          </p>
        )}
        {upgrade.error && <ErrorState error={upgrade.error} compact />}
      </form>
    </Dialog>
  );
}
