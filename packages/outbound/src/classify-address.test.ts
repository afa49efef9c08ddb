import { describe, expect, it } from 'vitest';
import { classifyAddress } from './classify-address.js';

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8'],
    ['93.184.216.34'],
    ['2606:4700:4700::1111'],
    ['::ffff:8.8.8.8'],
  ])('calls %s public', (address) => {
    expect(classifyAddress(address)?.isPublic).toBe(true);
  });

  it.each([
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['198.18.0.1', 'reserved'], // benchmarking, RFC 2544
    ['192.0.2.1', 'reserved'], // TEST-NET-1, RFC 5737
    ['240.0.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fd00::1', 'uniqueLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2001:2::1', 'benchmarking'],
    ['64:ff9b::a00:1', 'rfc6052'], // NAT64 of 10.0.0.1
    ['2002:a00:1::1', '6to4'], // 6to4 of 10.0.0.1
    ['2001:0:4136:e378::1', 'teredo'],
    ['::7f00:1', 'reserved'], // deprecated IPv4-compatible ::127.0.0.1, outside 2000::/3
    ['4000::1', 'reserved'], // outside the IANA global unicast block 2000::/3
  ])('refuses %s as %s', (address, range) => {
    const classification = classifyAddress(address);
    expect(classification?.range).toBe(range);
    expect(classification?.isPublic).toBe(false);
  });

  it('judges the IPv4 embedded in an IPv4-mapped IPv6 address', () => {
    expect(classifyAddress('::ffff:127.0.0.1')).toMatchObject({ range: 'loopback', isPublic: false });
    expect(classifyAddress('::ffff:7f00:1')).toMatchObject({ range: 'loopback', isPublic: false });
    expect(classifyAddress('::ffff:169.254.169.254')).toMatchObject({ range: 'linkLocal', isPublic: false });
    expect(classifyAddress('::ffff:10.0.0.1')?.address.kind()).toBe('ipv4');
  });

  it('returns undefined for anything that is not a canonical IP address', () => {
    for (const value of ['localhost', '', '0x7f.1', '2130706433', '0177.0.0.1', '127.1', '[::1]', '10.0.0.0/8']) {
      expect(classifyAddress(value)).toBeUndefined();
    }
  });
});
