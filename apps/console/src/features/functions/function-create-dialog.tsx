import { endpoints, type FunctionView } from '@switchboard/contracts';
import { useApi } from '../../api/api-context.js';
import { NamedCreateDialog } from '../../components/named-create-dialog.js';
import { suggestApiName } from '../connectors/connector-form-values.js';
import { functionTemplate } from './function-template.js';

export interface FunctionCreateDialogProps {
  readonly open: boolean;
  readonly solution: string;
  readonly onCreated: (created: FunctionView) => void;
  readonly onClose: () => void;
}

/** Name a new function; it starts from a template and opens in the editor. */
export function FunctionCreateDialog({ open, solution, onCreated, onClose }: FunctionCreateDialogProps) {
  const api = useApi();
  return (
    <NamedCreateDialog
      open={open}
      onClose={onClose}
      onCreated={onCreated}
      title="Create function"
      description="A function is JavaScript that Switchboard runs for an org in a sandbox, with that org’s connections. It opens in the editor with a starting template."
      formId="create-function-form"
      noun="Function"
      nameHelp="For people, e.g. “Sync lead”."
      idField={{
        label: 'API name',
        name: 'apiName',
        maxLength: 50,
        help: (apiName) => `How it is called: ${solution}.${apiName || 'sync_lead'}. A lowercase letter, then letters, digits or _. It cannot change later.`,
        suggest: suggestApiName,
      }}
      create={(name, apiName) => api.call(endpoints.createFunction, { params: { solution }, body: { name, apiName, source: functionTemplate } })}
    />
  );
}
