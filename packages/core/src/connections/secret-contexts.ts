/**
 * Additional authenticated data for each encrypted field, so a ciphertext only decrypts in the
 * row and field it was written for.
 */
export const connectionSecretContext = (orgId: string, connectorId: string, field: 'access_token' | 'refresh_token' | 'fields') =>
  `connection:${orgId}:${connectorId}:${field}`;

export const clientSecretContext = (connectorId: string) => `connector:${connectorId}:client_secret`;

export const codeVerifierContext = (stateHash: string) => `authorization_request:${stateHash}:code_verifier`;
