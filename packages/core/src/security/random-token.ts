import { createHash, randomBytes } from 'node:crypto';

/** A url-safe random token; 32 bytes = 256 bits unless told otherwise. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** SHA-256 as base64url: how single-use secrets (OAuth `state`) are looked up without storing them. */
export const sha256Base64Url = (value: string): string => createHash('sha256').update(value, 'utf8').digest('base64url');
