import { endpoints, type VersionSummaryView } from '@switchboard/contracts';
import { useState } from 'react';
import { useApi } from '../../api/api-context.js';
import { useApiQuery } from '../../api/use-api-query.js';
import { Button } from '../../components/button.js';
import { EmptyState } from '../../components/empty-state.js';
import { QueryContent } from '../../components/query-content.js';
import { Section } from '../../components/section.js';
import { Table, type Column } from '../../components/table.js';
import { useToast } from '../../components/toast.js';
import type { ConnectorSectionProps } from '../connectors/connector-page.js';
import { formatDateTime } from '../../format/format-date-time.js';
import { PublishDialog } from './publish-dialog.js';
import './publishing.css';

/** A version with its release notes (the list route leaves them out; undefined when that call failed). */
interface VersionRow {
  readonly summary: VersionSummaryView;
  readonly releaseNotes: string | undefined;
}

const columns: readonly Column<VersionRow>[] = [
  {
    key: 'logo',
    header: 'Logo',
    cell: ({ summary }) =>
      summary.logoUrl ? (
        // Same origin: the console's session cookie authorizes the logo route.
        <img className="version-logo" src={summary.logoUrl} alt={`${summary.name} v${summary.version} logo`} width={40} height={40} />
      ) : (
        <span className="muted">None</span>
      ),
  },
  { key: 'version', header: 'Version', cell: ({ summary }) => <strong>v{summary.version}</strong> },
  {
    key: 'published',
    header: 'Published',
    cell: ({ summary }) => <time dateTime={summary.publishedAt}>{formatDateTime(summary.publishedAt)}</time>,
  },
  {
    key: 'notes',
    header: 'Release notes',
    className: 'version-notes',
    cell: ({ releaseNotes }) => (releaseNotes === undefined ? <span className="muted">Could not load</span> : <span className="version-notes-text">{releaseNotes}</span>),
  },
  { key: 'apis', header: 'APIs', className: 'numeric', cell: ({ summary }) => summary.apiCount },
  { key: 'support', header: 'Support email', cell: ({ summary }) => <span className="break">{summary.supportEmail}</span> },
];

/**
 * Published versions, newest first, with their logos and release notes, and the Publish dialog
 * that adds one (the list refreshes after a publish).
 */
export function VersionsSection({ connector, openCredentials }: ConnectorSectionProps) {
  const api = useApi();
  const toast = useToast();
  const [publishing, setPublishing] = useState(false);
  const params = { connector: connector.apiName };
  const query = useApiQuery(async (signal): Promise<VersionRow[]> => {
    const { items } = await api.call(endpoints.listVersions, { params, signal });
    // Release notes are on each version's own route; a connector has tens of versions, not thousands.
    const details = await Promise.allSettled(items.map((item) => api.call(endpoints.getVersion, { params: { ...params, n: String(item.version) }, signal })));
    return items.map((summary, index) => {
      const detail = details[index];
      return { summary, releaseNotes: detail?.status === 'fulfilled' ? detail.value.releaseNotes : undefined };
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- params derive from the connector's name
  }, [connector.apiName]);
  const rows = query.data;

  return (
    <Section
      headingId="versions-heading"
      id="versions"
      title="Versions"
      intro="Each version is an immutable copy of the connector and its APIs. Editing the draft never changes a published version."
      actions={
        <Button variant="primary" onClick={() => setPublishing(true)}>
          Publish new version
        </Button>
      }
    >
      <QueryContent
        query={query}
        data={rows}
        loadingLabel="Loading versions…"
        empty={
          <EmptyState level={3} title="Not published yet">
            Publish the connector to freeze it into version 1. Solutions pin published versions, and subscriber orgs get them when they install a solution.
          </EmptyState>
        }
      >
        {(rows) => <Table caption={`Published versions of ${connector.name}`} columns={columns} rows={rows} rowKey={(row) => String(row.summary.version)} />}
      </QueryContent>
      <PublishDialog
        open={publishing}
        connector={connector}
        defaultSupportEmail={rows?.[0]?.summary.supportEmail ?? ''}
        onClose={() => setPublishing(false)}
        onOpenCredentials={() => {
          setPublishing(false);
          openCredentials();
        }}
        onPublished={(version) => {
          setPublishing(false);
          toast.show(`Published ${connector.name} v${version.version}`, 'success');
          query.reload();
        }}
      />
    </Section>
  );
}
