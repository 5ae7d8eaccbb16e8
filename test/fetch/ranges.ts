import fc from 'fast-check';
import ipaddr from 'ipaddr.js';

/** IPv4 ranges that must never be reached (catalogue items 2-6 and the rest of RFC 6890). */
export const BLOCKED_IPV4 = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
];

/** IPv6 ranges that must never be reached, apart from the IPv4 written inside IPv6. */
export const BLOCKED_IPV6 = [
  '::/128',
  '::1/128',
  '::/96', // IPv4-compatible, deprecated
  'fc00::/7',
  'fe80::/10',
  'ff00::/8',
  '2001:db8::/32',
  '64:ff9b:1::/48',
  '100::/64',
];

export function ipv4In(cidr: string): fc.Arbitrary<string> {
  const [base, bits] = ipaddr.parseCIDR(cidr);
  const start = toInt(base.toByteArray());
  const size = 2 ** (32 - bits);
  return fc.integer({ min: 0, max: size - 1 }).map((offset) => fromInt(start + offset));
}

export function ipv6In(cidr: string): fc.Arbitrary<string> {
  const [base, bits] = ipaddr.parseCIDR(cidr);
  const prefix = base.toByteArray();
  return fc.uint8Array({ minLength: 16, maxLength: 16 }).map((random) => {
    const bytes = prefix.map((byte, i) => {
      const kept = Math.max(0, Math.min(8, bits - i * 8));
      const mask = (0xff << (8 - kept)) & 0xff;
      return (byte & mask) | ((random[i] ?? 0) & ~mask & 0xff);
    });
    return ipaddr.fromByteArray(bytes).toString();
  });
}

export const blockedIpv4 = fc.oneof(...BLOCKED_IPV4.map(ipv4In));
export const blockedIpv6 = fc.oneof(...BLOCKED_IPV6.map(ipv6In));

/** A blocked IPv4 written inside IPv6 in one of the ways a gateway or stack would honour. */
export const blockedIpv4InsideIpv6 = fc
  .tuple(
    blockedIpv4,
    fc.constantFrom('mapped', 'mapped-hex', 'nat64', 'nat64-hex', '6to4'),
    fc.integer({ min: 0, max: 0xffff }),
  )
  .map(([v4, form, tail]) => {
    const [a = 0, b = 0, c = 0, d = 0] = v4.split('.').map(Number);
    const hi = ((a << 8) | b).toString(16);
    const lo = ((c << 8) | d).toString(16);
    switch (form) {
      case 'mapped':
        return `::ffff:${v4}`;
      case 'mapped-hex':
        return `::ffff:${hi}:${lo}`;
      case 'nat64':
        return `64:ff9b::${v4}`;
      case 'nat64-hex':
        return `64:ff9b::${hi}:${lo}`;
      default:
        return `2002:${hi}:${lo}:${tail.toString(16)}::1`;
    }
  });

/** Legacy spellings the WHATWG parser still accepts: 127.1, 0x7f000001, 0177.0.0.1, 2130706433. */
export function spellIpv4(address: string): fc.Arbitrary<string> {
  const parts = address.split('.').map(Number);
  const [a = 0, b = 0, c = 0, d = 0] = parts;
  const groupings = [
    [a, b, c, d],
    [a, b, (c << 8) | d],
    [a, ((b << 16) | (c << 8) | d) >>> 0],
    [toInt([a, b, c, d])],
  ];
  return fc
    .tuple(
      fc.constantFrom(...groupings),
      fc.array(fc.constantFrom('dec', 'hex', 'HEX', 'oct'), { minLength: 4, maxLength: 4 }),
    )
    .map(([numbers, radixes]) =>
      numbers.map((n, i) => spellNumber(n, radixes[i] ?? 'dec')).join('.'),
    );
}

function spellNumber(n: number, radix: string): string {
  if (radix === 'hex') return `0x${n.toString(16)}`;
  if (radix === 'HEX') return `0X${n.toString(16).toUpperCase()}`;
  if (radix === 'oct') return `0${n.toString(8)}`;
  return String(n);
}

function toInt(bytes: number[]): number {
  return bytes.reduce((n, byte) => n * 256 + byte, 0);
}

function fromInt(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}
