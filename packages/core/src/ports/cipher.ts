/**
 * Authenticated encryption of secrets at rest. `context` is bound as additional authenticated
 * data (e.g. `connection:<id>:access_token`) so a ciphertext cannot be moved to another row or
 * field. Ciphertexts carry the key id so keys can be rotated.
 */
export interface Cipher {
  encrypt(plaintext: string, context: string): string;
  /** Throws if the ciphertext was tampered with, moved, or its key is unknown. */
  decrypt(ciphertext: string, context: string): string;
}
