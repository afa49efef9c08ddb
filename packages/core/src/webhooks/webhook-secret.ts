import { randomBytes } from 'node:crypto';

/**
 * A new signing secret in the Standard Webhooks form: `whsec_` and the base64 of 32 random bytes
 * (the specification asks for 24 to 64), which the `standardwebhooks` packages of every language
 * accept as is.
 */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;
