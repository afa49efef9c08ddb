import { endpoints, type InstallationView, type OrgView } from '@switchboard/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
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
  const [solution, setSolution] = useState('');
  const [release, setRelease] = useState('');
  const solutions = useApiQuery(async (signal) => (open ? (await api.call(endpoints.listSolutions, { signal })).items : undefined), [open]);
  const releases = useApiQuery(
    async (signal) => (open && solution !== '' ? (await api.call(endpoints.listReleases, { params: { solution }, signal })).items : undefined),
    [open, solution],
  );
  const install = useApiMutation((target: { solution: string; release: string }) => api.call(endpoints.installSolution, { params: { org: org.id }, body: target }));

  useEffect(() => {
    if (!open) return;
    setSolution('');
    setRelease('');
    install.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset when (re)opened only
  }, [open]);

  // The newest release (the API lists them newest first) once a solution's releases arrive.
  useEffect(() => {
    const items = releases.data;
    if (!items) return;
    if (!items.some((item) => item.version === release)) setRelease(items[0]?.version ?? '');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the list changes
  }, [releases.data]);

  const available = (solutions.data ?? []).filter((item) => !installed.includes(item.apiName));
  const chosenName = solutions.data?.find((item) => item.apiName === solution)?.name ?? solution;
  const noReleases = releases.data !== undefined && releases.data.length === 0;
  const ready = solution !== '' && release !== '' && releases.data?.some((item) => item.version === release) === true;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    const result = await install.run({ solution, release });
    if (result.ok) {
      toast.show(`${result.data.solution} ${result.data.release} installed in ${org.name}`, 'success');
      onInstalled(result.data);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Install release"
      description={`The release’s connectors join ${org.name}’s checklist at the versions it recorded; the org’s admin then authorizes them on their Setup pages.`}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="install-release-form" variant="primary" loading={install.pending} disabled={!ready}>
            Install
          </Button>
        </>
      }
    >
      <form id="install-release-form" className="form" onSubmit={submit} noValidate>
        {solutions.error ? (
          <ErrorState error={solutions.error} onRetry={solutions.reload} compact />
        ) : !solutions.data ? (
          <Loading label="Loading solutions…" />
        ) : available.length === 0 ? (
          <p className="notice">
            {solutions.data.length === 0
              ? 'There are no solutions yet: create one, associate published connectors with it and cut a release. '
              : `Every solution is already installed in ${org.name}; upgrade an installation to a newer release instead. `}
            <Link to="/solutions">Go to Solutions</Link>
          </p>
        ) : (
          <Field label="Solution" required help="Solutions already installed in this org are upgraded from the Installations list instead.">
            <Select name="solution" value={solution} onChange={(event) => setSolution(event.target.value)} data-autofocus>
              <option value="">Choose a solution…</option>
              {available.map((item) => (
                <option key={item.apiName} value={item.apiName}>
                  {item.name} ({item.apiName})
                </option>
              ))}
            </Select>
          </Field>
        )}
        {solution !== '' &&
          (releases.error ? (
            <ErrorState error={releases.error} onRetry={releases.reload} compact />
          ) : !releases.data ? (
            <Loading label="Loading releases…" />
          ) : noReleases ? (
            <p className="notice">
              {chosenName} has no release yet. <Link to={`/solutions/${encodeURIComponent(solution)}`}>Open the solution</Link> and cut one first.
            </p>
          ) : (
            <Field label="Release" required error={install.error?.fieldError('release')} help="The newest is chosen. The org can later be upgraded to newer releases, never moved back.">
              <Select name="release" value={release} onChange={(event) => setRelease(event.target.value)}>
                {releases.data.map((item, index) => (
                  <option key={item.version} value={item.version}>
                    {item.version}
                    {index === 0 ? ' (newest)' : ''} · {item.connectors.map((connector) => `${connector.connector} v${connector.version}`).join(', ') || 'no connectors'}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        {install.error && !install.error.fieldError('release') && <ErrorState error={install.error} compact />}
      </form>
    </Dialog>
  );
}
