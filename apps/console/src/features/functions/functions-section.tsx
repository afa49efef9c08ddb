import type { FunctionView } from '@switchboard/contracts';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../components/button.js';
import { EmptyState } from '../../components/empty-state.js';
import { QueryContent } from '../../components/query-content.js';
import { Section } from '../../components/section.js';
import { Table, type Column } from '../../components/table.js';
import { formatDateTime } from '../../format/format-date-time.js';
import type { SolutionSectionProps } from '../solutions/solution-page.js';
import { FunctionCreateDialog } from './function-create-dialog.js';

/** The path of a function's editor page. */
export function functionPath(solution: string, fn: string): string {
  return `/solutions/${encodeURIComponent(solution)}/functions/${encodeURIComponent(fn)}`;
}

/** The solution's (draft) functions, each linking to its editor, and "Create function". */
export function FunctionsSection({ solution, functions }: SolutionSectionProps) {
  const navigate = useNavigate();
  const [createOpen, setCreateOpen] = useState(false);
  const rows = functions.data;
  const columns: readonly Column<FunctionView>[] = [
    {
      key: 'name',
      header: 'Name',
      cell: (fn) => (
        <Link to={functionPath(solution.apiName, fn.apiName)} className="strong-link">
          {fn.name}
        </Link>
      ),
    },
    { key: 'apiName', header: 'Called as', cell: (fn) => <code>{`${solution.apiName}.${fn.apiName}`}</code> },
    { key: 'limits', header: 'Limits', cell: (fn) => `${fn.timeoutMs / 1000} s · ${fn.memoryMb} MB` },
    { key: 'updated', header: 'Last changed', cell: (fn) => formatDateTime(fn.updatedAt) },
  ];
  const create = (
    <Button variant={rows && rows.length > 0 ? 'secondary' : 'primary'} onClick={() => setCreateOpen(true)}>
      Create function
    </Button>
  );

  return (
    <Section
      headingId="solution-functions-heading"
      title="Functions"
      intro={
        <>
          JavaScript that runs for an org in a sandbox and calls its connectors with <code>invokeConnector</code>. Org <code>dev</code> runs these drafts; other
          orgs run the source recorded in the release they installed.
        </>
      }
      actions={rows && rows.length > 0 && create}
    >
      <QueryContent
        query={functions}
        data={rows}
        loadingLabel="Loading functions…"
        empty={
          <EmptyState level={3} title="No functions yet" action={create}>
            <p>Functions are optional. Add one to run your own logic with the org’s connections, or as an action when an org authorizes a connector.</p>
          </EmptyState>
        }
      >
        {(rows) => <Table caption={`Functions of ${solution.name}`} columns={columns} rows={rows} rowKey={(fn) => fn.id} />}
      </QueryContent>
      <FunctionCreateDialog
        open={createOpen}
        solution={solution.apiName}
        onClose={() => setCreateOpen(false)}
        onCreated={(created) => {
          setCreateOpen(false);
          navigate(functionPath(solution.apiName, created.apiName));
        }}
      />
    </Section>
  );
}
