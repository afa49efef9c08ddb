import type { ConnectionView } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { connectionsNeedingReauthorization } from './upgrade-outcome.js';

const connection = (connector: string, status: ConnectionView['status']): ConnectionView => ({
  connector,
  name: connector,
  description: null,
  logoUrl: null,
  status,
  scopes: [],
  authorizedAt: null,
  expiresAt: null,
  lastRefreshedAt: null,
  lastError: null,
  solutions: ['crm'],
  version: 2,
});

describe('connectionsNeedingReauthorization', () => {
  it('lists only the upgraded release connectors that need consent again', () => {
    const connections = [connection('acme', 'needs_reauthorization'), connection('beta', 'authorized'), connection('other', 'needs_reauthorization')];
    const upgraded = { connectors: [{ connector: 'acme' }, { connector: 'beta' }] };
    expect(connectionsNeedingReauthorization(connections, upgraded).map((item) => item.connector)).toEqual(['acme']);
    expect(connectionsNeedingReauthorization([], upgraded)).toEqual([]);
  });
});
