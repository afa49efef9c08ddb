import type { ConnectionView } from '@switchboard/contracts';

/** What the admin must do after an upgrade: the connections of the upgraded release that need consent again. */
export function connectionsNeedingReauthorization(connections: readonly ConnectionView[], upgraded: { connectors: readonly { connector: string }[] }): ConnectionView[] {
  const brought = new Set(upgraded.connectors.map((item) => item.connector));
  return connections.filter((item) => item.status === 'needs_reauthorization' && brought.has(item.connector));
}
