import { endpoints, type SessionCreated } from '@switchboard/contracts';
import { useState } from 'react';
import { useApi } from '../../api/api-context.js';
import { useApiMutation } from '../../api/use-api-mutation.js';
import { Button } from '../../components/button.js';
import { CopyButton } from '../../components/copy-button.js';
import { ErrorState } from '../../components/error-state.js';
import { Field } from '../../components/field.js';
import { TextInput } from '../../components/inputs.js';
import './setup.css';

/** 15 minutes: long enough to try the widget, short enough to be harmless if it leaks. */
const sampleTtlSeconds = 15 * 60;

/**
 * "Developer: sample widget": mint a short-lived SDK session token for this console's own origin
 * (the console session acts as the org key), to paste into the sample widget. The token lives in
 * this component's state only.
 */
export function SampleWidgetSection({ org, connectors }: { org: string; connectors: readonly string[] }) {
  const api = useApi();
  const [session, setSession] = useState<SessionCreated | null>(null);
  const create = useApiMutation(() =>
    api.call(endpoints.createSession, {
      params: { org },
      body: { allowedOrigins: [window.location.origin], ...(connectors.length > 0 ? { connectors: [...connectors] } : {}), ttlSeconds: sampleTtlSeconds },
    }),
  );
  const run = async () => {
    const result = await create.run();
    if (result.ok) setSession(result.data);
  };

  return (
    <section className="card section setup-section" aria-labelledby="sample-widget-heading">
      <h2 id="sample-widget-heading">Developer: sample widget</h2>
      <p className="muted">
        Try the browser SDK on this org without writing a backend: create a session token that works from this site only, for {connectors.length > 0 ? 'these connectors' : "the org's connectors"}, for 15 minutes, then paste it into the sample widget. In your own app, your backend mints these tokens with the org key for each signed-in user.
      </p>
      <div>
        <Button onClick={run} loading={create.pending}>
          {session ? 'Create another session token' : 'Create a session token'}
        </Button>
      </div>
      {create.error && <ErrorState error={create.error} onRetry={run} compact />}
      {session && (
        <div className="setup-token">
          <Field label="Session token" help={<>Expires <time dateTime={session.expiresAt}>{new Date(session.expiresAt).toLocaleTimeString()}</time>. Treat it like a password: anyone holding it can connect accounts to this org until then.</>}>
            <div className="input-with-button">
              <TextInput value={session.token} readOnly spellCheck={false} autoComplete="off" onFocus={(event) => event.currentTarget.select()} />
              <CopyButton text={session.token} label="Copy session token" />
            </div>
          </Field>
          <p>
            <a href="/widgets/sample" target="_blank" rel="noopener noreferrer">
              Open the sample widget<span className="visually-hidden"> (opens in a new tab)</span>
            </a>{' '}
            and paste the token there: it names this org, so there is nothing else to enter.
          </p>
        </div>
      )}
    </section>
  );
}
