import { describe, expect, it } from 'vitest';
import { compileAllowList } from './compile-allow-list.js';

describe('compileAllowList', () => {
  it('separates hostnames from addresses and CIDR blocks', () => {
    const list = compileAllowList(['LocalHost', 'crm.internal', 'api_svc', '127.0.0.1', '::1', '[fd00::5]', '10.0.0.0/8', 'fd00::/8']);
    expect([...list.hostnames]).toEqual(['localhost', 'crm.internal', 'api_svc']);
    expect(list.ranges.map(([network, prefix]) => `${network.toString()}/${prefix}`)).toEqual([
      '127.0.0.1/32',
      '::1/128',
      'fd00::5/128',
      '10.0.0.0/8',
      'fd00::/8',
    ]);
  });

  it('stores IPv4-mapped IPv6 entries as the IPv4 they embed', () => {
    const list = compileAllowList(['::ffff:10.0.0.1', '::ffff:10.0.0.0/104']);
    expect(list.ranges.map(([network, prefix]) => `${network.toString()}/${prefix}`)).toEqual(['10.0.0.1/32', '10.0.0.0/8']);
  });

  it.each([
    ['10.0.0.0/33', 'prefix length must be a whole number from 0 to 32'],
    ['fd00::/129', 'from 0 to 128'],
    ['10.0.0.0/', 'prefix length'],
    ['10.0.0.0/8/8', 'prefix length'],
    ['10.0.0/8', 'is not an IP address'],
    ['foo/8', 'is not an IP address'],
    ['10.1', 'four-part dotted decimal'],
    ['0x7f.1', 'four-part dotted decimal'],
    ['2130706433', 'four-part dotted decimal'],
    ['256.0.0.1', 'four-part dotted decimal'],
    ['fd00:::1', 'not a valid IPv6 address'],
    ['*.internal', 'wildcards are not supported'],
    ['bad host', 'not a hostname'],
    ['', 'empty'],
  ])('rejects %j naming the entry', (entry, reason) => {
    expect(() => compileAllowList(['127.0.0.1', entry])).toThrow(`Invalid allow-list entry "${entry}"`);
    expect(() => compileAllowList([entry])).toThrow(reason);
  });
});
