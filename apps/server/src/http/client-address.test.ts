import { describe, expect, it } from 'vitest';
import { compileTrustedProxies, parseTrustedProxies, resolveClientAddress } from './client-address.js';

describe('SWITCHBOARD_TRUSTED_PROXIES entries', () => {
  it('accepts IPs and CIDR blocks, ignoring blanks', () => {
    expect(parseTrustedProxies('')).toEqual([]);
    expect(parseTrustedProxies(' 10.0.0.0/8, 127.0.0.1 ,,FD00::/8,[::1]')).toEqual(['10.0.0.0/8', '127.0.0.1', 'fd00::/8', '[::1]']);
  });

  it.each(['localhost', 'proxy.internal', '10.0.0.0/33', '10.1', '0x7f.0.0.1', '*', 'fd00::/129'])('refuses %j, naming it', (entry) => {
    expect(() => parseTrustedProxies(`127.0.0.1,${entry}`)).toThrow(entry.toLowerCase());
  });

  it('matches addresses in the listed ranges (IPv4-mapped IPv6 as IPv4); an empty list trusts nobody', () => {
    const trusted = compileTrustedProxies(parseTrustedProxies('10.0.0.0/8, 2001:db8::/32, 192.0.2.1'));
    expect(trusted.trusts('10.1.2.3')).toBe(true);
    expect(trusted.trusts('::ffff:10.1.2.3')).toBe(true);
    expect(trusted.trusts('192.0.2.1')).toBe(true);
    expect(trusted.trusts('192.0.2.2')).toBe(false);
    expect(trusted.trusts('2001:db8:ffff::1')).toBe(true);
    expect(trusted.trusts('2001:db9::1')).toBe(false);
    expect(trusted.trusts('not an address')).toBe(false);
    expect(compileTrustedProxies([]).trusts('127.0.0.1')).toBe(false);
  });
});

describe('the client address', () => {
  const proxies = compileTrustedProxies(parseTrustedProxies('10.0.0.0/8'));
  const nobody = compileTrustedProxies([]);

  it('is the socket peer when nobody is trusted, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress('203.0.113.9', '198.51.100.1', nobody)).toBe('203.0.113.9');
    expect(resolveClientAddress('::ffff:203.0.113.9', undefined, nobody)).toBe('203.0.113.9');
    expect(resolveClientAddress(undefined, '198.51.100.1', nobody)).toBe('unknown');
  });

  it('is the socket peer when that peer is not a trusted proxy (a spoofed header)', () => {
    expect(resolveClientAddress('203.0.113.9', '198.51.100.1', proxies)).toBe('203.0.113.9');
  });

  it('behind trusted proxies: the rightmost X-Forwarded-For entry that is not a trusted proxy', () => {
    expect(resolveClientAddress('10.0.0.1', '198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(resolveClientAddress('::ffff:10.0.0.1', '198.51.100.1', proxies)).toBe('198.51.100.1');
    // The client wrote the left part itself; only what trusted hops appended counts.
    expect(resolveClientAddress('10.0.0.1', '1.1.1.1, 198.51.100.1, 10.0.0.7', proxies)).toBe('198.51.100.1');
    expect(resolveClientAddress('10.0.0.1', '2001:DB8::1 ,10.0.0.7', proxies)).toBe('2001:db8::1');
    expect(resolveClientAddress('10.0.0.1', '[2001:db8::1]:4711, 198.51.100.1:443', proxies)).toBe('198.51.100.1');
    expect(resolveClientAddress('10.0.0.1', '[2001:db8::1]:4711', proxies)).toBe('2001:db8::1');
    // Only trusted hops: the leftmost of them.
    expect(resolveClientAddress('10.0.0.1', '10.0.0.3, 10.0.0.2', proxies)).toBe('10.0.0.3');
    // No header: the proxy itself.
    expect(resolveClientAddress('10.0.0.1', undefined, proxies)).toBe('10.0.0.1');
  });

  it('never uses a malformed entry: the walk stops at the last trusted hop', () => {
    for (const header of ['unknown', 'garbage, ', '', ' , ', '198.51.100.1, _hidden', 'example.com', '256.1.1.1', '198.51.100.1:', '[198.51.100.1', 'a'.repeat(5000)]) {
      expect(resolveClientAddress('10.0.0.1', header, proxies), header).toBe('10.0.0.1');
    }
    expect(resolveClientAddress('10.0.0.1', '198.51.100.1, unknown, 10.0.0.2', proxies)).toBe('10.0.0.2');
  });
});
