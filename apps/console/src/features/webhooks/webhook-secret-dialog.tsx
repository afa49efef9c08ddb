import { Button } from '../../components/button.js';
import { CopyButton } from '../../components/copy-button.js';
import { Dialog } from '../../components/dialog.js';
import { Field } from '../../components/field.js';
import { TextInput } from '../../components/inputs.js';

/**
 * The signing secret of a webhook just created: shown this once (the API never returns it
 * again), held only in the creating page's state and dropped when this dialog closes.
 */
export function WebhookSecretDialog({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  return (
    <Dialog
      open={secret !== null}
      onClose={onClose}
      title="Webhook signing secret"
      description="Your receiver verifies each delivery's webhook-signature header with this secret (Standard Webhooks, HMAC-SHA256)."
      footer={
        <Button variant="primary" onClick={onClose} data-autofocus>
          I have saved the secret
        </Button>
      }
    >
      <p className="notice notice-warning" role="note">
        <strong>Copy it now.</strong> This is the only time the secret is shown. If you lose it, delete the webhook and create a new one.
      </p>
      {secret !== null && (
        <Field label="Signing secret">
          <div className="input-with-button">
            <TextInput value={secret} readOnly spellCheck={false} autoComplete="off" onFocus={(event) => event.currentTarget.select()} className="mono" />
            <CopyButton text={secret} label="Copy signing secret" />
          </div>
        </Field>
      )}
    </Dialog>
  );
}
