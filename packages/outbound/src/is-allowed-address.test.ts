import { describe, expect, it } from 'vitest';
import { compileAllowList } from './compile-allow-list.js';
import { isAllowedAddress } from './is-allowed-address.js';

const none = compileAllowList([]);

describe('isAllowedAddress', () => {
  it('allows public unicast without any allow-list', () => {
    expect(isAllowedAddress('93.184.216.34', 'example.com', none)).toBe(true);
    expect(isAllowedAddress('2606:4700:4700::1111', undefined, none)).toBe(true);
  });

  it('refuses non-public addresses that are not allow-listed', () => {
    for (const address of ['127.0.0.1', '::1', '10.0.0.1', '169.254.169.254', '::ffff:127.0.0.1', 'fd00::1', '0.0.0.0']) {
      expect(isAllowedAddress(address, 'example.com', none)).toBe(false);
    }
  });

  it('refuses what is not an IP address', () => {
    expect(isAllowedAddress('localhost', undefined, none)).toBe(false);
    expect(isAllowedAddress('0x7f.1', undefined, compileAllowList(['127.0.0.0/8']))).toBe(false);
  });

  it('allows addresses inside allow-listed IPs and CIDR blocks, per family', () => {
    const list = compileAllowList(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
    expect(isAllowedAddress('127.0.0.1', undefined, list)).toBe(true);
    expect(isAllowedAddress('127.0.0.2', undefined, list)).toBe(false);
    expect(isAllowedAddress('10.200.3.4', undefined, list)).toBe(true);
    expect(isAllowedAddress('11.0.0.1', undefined, list)).toBe(true); // public anyway
    expect(isAllowedAddress('172.16.0.1', undefined, list)).toBe(false);
    expect(isAllowedAddress('fd12::1', undefined, list)).toBe(true);
    expect(isAllowedAddress('fe80::1', undefined, list)).toBe(false);
    expect(isAllowedAddress('::ffff:127.0.0.1', undefined, list)).toBe(true); // dual-stack form of an allowed v4
    expect(isAllowedAddress('::1', undefined, list)).toBe(false);
  });

  it('allows any address for an allow-listed hostname, case-insensitively', () => {
    const list = compileAllowList(['crm.internal']);
    expect(isAllowedAddress('10.0.0.9', 'crm.internal', list)).toBe(true);
    expect(isAllowedAddress('10.0.0.9', 'CRM.Internal', list)).toBe(true);
    expect(isAllowedAddress('10.0.0.9', 'other.internal', list)).toBe(false);
    expect(isAllowedAddress('10.0.0.9', 'crm.internal.', list)).toBe(false); // exact match only
    expect(isAllowedAddress('10.0.0.9', undefined, list)).toBe(false);
  });

  it('does not let an allowed IPv4 range cover NAT64 / 6to4 forms of it', () => {
    const list = compileAllowList(['10.0.0.0/8']);
    expect(isAllowedAddress('64:ff9b::a00:1', undefined, list)).toBe(false);
    expect(isAllowedAddress('2002:a00:1::1', undefined, list)).toBe(false);
  });
});
