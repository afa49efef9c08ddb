import type { LookupAddress } from 'node:dns';
import { SwitchboardError } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { compileAllowList } from './compile-allow-list.js';
import { createGuardedLookup, type OutboundLookup } from './guarded-lookup.js';

/** A resolver that never touches real DNS. */
const fakeLookup = (table: Record<string, LookupAddress[]>): OutboundLookup => (hostname, _options, callback) => {
  const addresses = table[hostname];
  if (addresses === undefined) callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
  else callback(null, addresses);
};

const table = {
  'public.test': [{ address: '93.184.216.34', family: 4 }, { address: '2606:2800:220:1::1', family: 6 }],
  'private.test': [{ address: '10.0.0.7', family: 4 }],
  'rebind.test': [{ address: '93.184.216.34', family: 4 }, { address: '127.0.0.1', family: 4 }],
  'metadata.test': [{ address: '::ffff:169.254.169.254', family: 6 }],
  'empty.test': [],
};

interface Outcome { readonly error: NodeJS.ErrnoException | null; readonly address: unknown; readonly family: unknown }

function resolve(allow: string[], hostname: string, all: boolean): Promise<Outcome> {
  const lookup = createGuardedLookup(compileAllowList(allow), fakeLookup(table));
  return new Promise((done) => {
    lookup(hostname, all ? { all: true } : {}, (error, address, family) => done({ error, address, family }));
  });
}

describe('createGuardedLookup', () => {
  it('passes public results through in the shape net asked for', async () => {
    expect(await resolve([], 'public.test', true)).toEqual({ error: null, address: table['public.test'], family: undefined });
    expect(await resolve([], 'public.test', false)).toEqual({ error: null, address: '93.184.216.34', family: 4 });
  });

  it.each(['private.test', 'rebind.test', 'metadata.test'])('refuses %s if any address is not public', async (hostname) => {
    for (const all of [true, false]) {
      const { error } = await resolve([], hostname, all);
      expect(error).toBeInstanceOf(SwitchboardError);
      expect(error).toMatchObject({ code: 'destination_blocked', details: { host: hostname } });
      // The resolved address is not revealed to the caller.
      expect(error?.message).not.toMatch(/10\.0\.0\.7|127\.0\.0\.1|169\.254/);
    }
  });

  it('accepts private results allowed by address or by hostname', async () => {
    expect((await resolve(['10.0.0.0/8'], 'private.test', false)).address).toBe('10.0.0.7');
    expect((await resolve(['private.test'], 'private.test', false)).address).toBe('10.0.0.7');
  });

  it('passes resolver errors on and treats an empty answer as ENOTFOUND', async () => {
    expect((await resolve([], 'unknown.test', true)).error?.code).toBe('ENOTFOUND');
    expect((await resolve([], 'empty.test', true)).error?.code).toBe('ENOTFOUND');
  });
});
