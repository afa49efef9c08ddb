import { endpoints, type ReleaseView } from '@switchboard/contracts';
import { useState } from 'react';
import { useApi } from '../../api/api-context.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { Button } from '../../components/button.js';
import { EmptyState } from '../../components/empty-state.js';
import { QueryContent } from '../../components/query-content.js';
import { Section } from '../../components/section.js';
import { Table, type Column } from '../../components/table.js';
import { CutReleaseDialog } from './cut-release-dialog.js';
import { PinnedVersionList } from './pinned-version-list.js';
import { formatDateTime } from '../../format/format-date-time.js';
import type { SolutionSectionProps } from './solution-page.js';

const columns: readonly Column<ReleaseView>[] = [
  { key: 'version', header: 'Version', cell: (release) => <strong>{release.version}</strong> },
  { key: 'created', header: 'Cut', cell: (release) => formatDateTime(release.createdAt) },
  {
    key: 'connectors',
    header: 'Connector versions',
    cell: (release) => <PinnedVersionList connectors={release.connectors} />,
  },
  {
    key: 'functions',
    header: 'Functions',
    cell: (release) =>
      release.functions.length === 0 ? (
        <span className="muted">None</span>
      ) : (
        <ul className="subtle-list">
          {release.functions.map((item) => (
            <li key={item.function}>
              <code>{item.function}</code>
            </li>
          ))}
        </ul>
      ),
  },
  { key: 'notes', header: 'Notes', cell: (release) => (release.notes ? <span className="pre-wrap">{release.notes}</span> : <span className="muted">—</span>) },
];

/** The solution's releases (newest first, as the API answers) and "Cut release". */
export function SolutionReleasesSection({ solution, connectors, functions }: SolutionSectionProps) {
  const api = useApi();
  const [cutOpen, setCutOpen] = useState(false);
  const releases = useApiQuery(async (signal) => (await api.call(endpoints.listReleases, { params: { solution: solution.apiName }, signal })).items, [solution.apiName]);
  const rows = releases.data;
  const cut = (
    <Button variant={rows && rows.length > 0 ? 'secondary' : 'primary'} onClick={() => setCutOpen(true)}>
      Cut release
    </Button>
  );

  return (
    <Section
      headingId="solution-releases-heading"
      title="Releases"
      intro={
        <>
          Cutting a release freezes what the solution is now. Editing connectors, functions or actions afterwards changes nothing for orgs until you cut a newer
          release and they upgrade to it.
        </>
      }
      actions={rows && rows.length > 0 && cut}
    >
      <QueryContent
        query={releases}
        data={rows}
        loadingLabel="Loading releases…"
        empty={
          <EmptyState level={3} title="No releases yet" action={cut}>
            <p>Cut the first release (for example 1.0.0) once the connectors are associated; orgs can then install it.</p>
          </EmptyState>
        }
      >
        {(rows) => <Table caption={`Releases of ${solution.name}, newest first`} columns={columns} rows={rows} rowKey={(release) => release.version} />}
      </QueryContent>
      <CutReleaseDialog
        open={cutOpen}
        solution={solution.apiName}
        latest={rows?.[0]?.version}
        connectors={connectors.data ?? []}
        functionCount={functions.data?.length ?? 0}
        onClose={() => setCutOpen(false)}
        onCut={(release) => {
          setCutOpen(false);
          releases.setData((current) => [release, ...(current ?? [])]);
        }}
      />
    </Section>
  );
}
