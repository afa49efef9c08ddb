import { hash, timingSafeEqual } from 'node:crypto';

// One-shot `hash` (Node ≥ 20.12): SHA-256 without a Hash object, on every request.
const digest = (value: string): Buffer => hash('sha256', value, 'buffer');

/**
 * Whether a presented value is the admin key: compared as SHA-256 digests in constant time, so
 * neither the key's length nor how much of it matched shows in the timing. Run it for every
 * presented value, so its timing says nothing about the kind of credential either.
 */
export function createAdminKeyMatcher(adminKey: string): (presented: string) => boolean {
  const adminDigest = digest(adminKey);
  return (presented) => timingSafeEqual(digest(presented), adminDigest);
}
