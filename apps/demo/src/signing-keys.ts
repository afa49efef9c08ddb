import { generateKeyPair, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { JWKS } from 'oidc-provider';

const generateKeyPairAsync = promisify(generateKeyPair);

/**
 * Generates a fresh private JWKS for one demo instance.
 *
 * Without `jwks` oidc-provider falls back to a key set that is published in its own source and
 * warns about it; a per-start RSA key (RS256 is the default ID Token algorithm every client
 * supports) costs ~100 ms and needs only node:crypto, no extra dependency.
 */
export async function generateSigningKeys(): Promise<JWKS> {
  const { privateKey } = await generateKeyPairAsync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return { keys: [{ ...jwk, kid: randomUUID(), alg: 'RS256', use: 'sig' }] };
}
