import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileAllowList, parseAllowHosts } from '../../src/core/fetch/allow-list.ts';
import { blockedRange, isPublicAddress } from '../../src/core/fetch/index.ts';
import { blockedIpv4, blockedIpv4InsideIpv6, blockedIpv6, spellIpv4 } from './ranges.ts';

describe('which addresses are public', () => {
  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '2606:4700:4700::1111',
    '2a00:1450:4001::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['255.255.255.255', 'broadcast'],
    ['::', 'unspecified'],
    ['::7f00:1', 'unassigned'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['64:ff9b::7f00:1', 'rfc6052 of loopback'],
    ['2002:a00:1::', '6to4 of private'],
    ['2001::1', 'teredo'],
    ['not an address', 'invalid'],
  ])('%s is refused as %s', (address, range) => {
    expect(blockedRange(address)).toBe(range);
  });

  it('refuses every address in the blocked IPv4 ranges', () => {
    fc.assert(fc.property(blockedIpv4, (address) => blockedRange(address) !== null));
  });

  it('refuses every address in the blocked IPv6 ranges', () => {
    fc.assert(fc.property(blockedIpv6, (address) => blockedRange(address) !== null));
  });

  it('refuses a blocked IPv4 written inside IPv6 (mapped, NAT64, 6to4)', () => {
    fc.assert(fc.property(blockedIpv4InsideIpv6, (address) => blockedRange(address) !== null));
  });

  it('the WHATWG parser turns every legacy spelling into the dotted address', () => {
    const spelled = blockedIpv4.chain((address) =>
      spellIpv4(address).map((spelling) => [address, spelling] as const),
    );
    fc.assert(
      fc.property(spelled, ([address, spelling]) => {
        expect(new URL(`http://${spelling}/`).hostname).toBe(address);
      }),
    );
  });
});

describe('the allow list (FETCH_ALLOW_HOSTS)', () => {
  it('splits a comma-separated setting and drops blanks', () => {
    expect(parseAllowHosts(' wiki.intranet, 10.0.0.0/8 ,,*.corp ')).toEqual([
      'wiki.intranet',
      '10.0.0.0/8',
      '*.corp',
    ]);
  });

  it('is empty when the setting is missing or blank', () => {
    expect(parseAllowHosts(undefined)).toEqual([]);
    expect(parseAllowHosts(' , ')).toEqual([]);
  });

  const list = compileAllowList([
    'Wiki.Intranet',
    '*.corp',
    '10.1.0.0/16',
    '127.0.0.2',
    'fd00::/8',
  ]);
  it.each([
    ['wiki.intranet', true],
    ['WIKI.intranet.', true],
    ['other.intranet', false],
    ['a.b.corp', true],
    ['corp', false],
    ['evilcorp', false],
  ])('host %s is allowed: %s', (host, allowed) => {
    expect(list.allowsHost(host)).toBe(allowed);
  });

  it.each([
    ['10.1.2.3', true],
    ['::ffff:10.1.2.3', true],
    ['10.2.0.1', false],
    ['127.0.0.2', true],
    ['127.0.0.1', false],
    ['fd12::1', true],
    ['fe80::1', false],
  ])('address %s is allowed: %s', (address, allowed) => {
    expect(list.allowsAddress(address)).toBe(allowed);
  });

  it('allows nothing by default', () => {
    const empty = compileAllowList([]);
    expect(empty.allowsHost('localhost')).toBe(false);
    expect(empty.allowsAddress('127.0.0.1')).toBe(false);
  });

  it('says which entry is a broken CIDR', () => {
    expect(() => compileAllowList(['10.0.0.0/99'])).toThrow('"10.0.0.0/99" is not a valid CIDR');
  });
});
