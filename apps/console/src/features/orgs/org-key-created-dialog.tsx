import type { OrgKeyCreated } from '@switchboard/contracts';
import { Button } from '../../components/button.js';
import { CopyButton } from '../../components/copy-button.js';
import { Dialog } from '../../components/dialog.js';
import { Field } from '../../components/field.js';
import { TextInput } from '../../components/inputs.js';

/**
 * A new org key, shown this once (Switchboard keeps only its hash), held in the creating
 * section's state and dropped when this dialog closes.
 */
export function OrgKeyCreatedDialog({ created, orgName, onClose }: { created: OrgKeyCreated | null; orgName: string; onClose: () => void }) {
  return (
    <Dialog
      open={created !== null}
      onClose={onClose}
      title="Org key created"
      description={`${orgName}’s admin signs in to this console with it, and the org’s backend mints SDK sessions with it.`}
      footer={
        <Button variant="primary" onClick={onClose} data-autofocus>
          I have saved the key
        </Button>
      }
    >
      <p className="notice notice-warning" role="note">
        <strong>Copy it now.</strong> This is the only time the key is shown. Hand it over through a secure channel; if it is lost or leaked, revoke it and create
        another.
      </p>
      {created !== null && (
        <Field label="Org key" help={`Named “${created.name}”. Only its start (${created.prefix}…) is listed from now on.`}>
          <div className="input-with-button">
            <TextInput value={created.key} readOnly spellCheck={false} autoComplete="off" onFocus={(event) => event.currentTarget.select()} className="mono" />
            <CopyButton text={created.key} label="Copy org key" />
          </div>
        </Field>
      )}
      <p className="muted">
        To see what the org’s admin sees, sign out and sign in to this console with this key: it opens the org’s Setup pages, where its connectors are authorized.
      </p>
    </Dialog>
  );
}
