import { clientSecretContext } from '../connections/secret-contexts.js';
import type { ClientSecrets } from '../oauth/token-requests.js';
import type { Cipher } from '../ports/cipher.js';
import type { Store } from '../ports/store.js';
import { SwitchboardError } from '../switchboard-error.js';
import type { Connector } from './connector.js';

/** Decrypt a connector's client credentials, or fail with `credentials_not_set`. */
export async function loadClientSecrets(store: Store, cipher: Cipher, connector: Connector): Promise<ClientSecrets> {
  const credentials = await store.credentials.get(connector.id);
  if (!credentials) {
    throw new SwitchboardError('credentials_not_set', `Connector '${connector.apiName}' has no client credentials; set them first.`, {
      details: { connector: connector.apiName },
    });
  }
  return { clientId: credentials.clientId, clientSecret: cipher.decrypt(credentials.clientSecretEncrypted, clientSecretContext(connector.id)) };
}
