import ipaddr from 'ipaddr.js';

/**
 * Whether an IP address is a public unicast address that Precis may connect to.
 *
 * Only ipaddr.js 'unicast' passes. IPv4-mapped IPv6 (::ffff:a.b.c.d) is judged as the IPv4
 * inside it, and so are NAT64 (64:ff9b::/96) and 6to4 (2002::/16): a gateway would forward them
 * to that IPv4, so [64:ff9b::7f00:1] is loopback in disguise.
 */
export function isPublicAddress(address: string): boolean {
  return blockedRange(address) === null;
}

/** The name of the range that makes an address unsafe, or null when it is public. */
export function blockedRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'invalid';
  const ip = ipaddr.process(address);
  if (ip.kind() === 'ipv4') {
    const range = ip.range();
    return range === 'unicast' ? null : range;
  }
  const v6 = ip as ipaddr.IPv6;
  const embedded = embeddedIpv4(v6);
  if (embedded) {
    const range = embedded.range();
    return range === 'unicast' ? null : `${v6.range()} of ${range}`;
  }
  // ipaddr.js calls IPv4-compatible ::7f00:1 'unicast'; only 2000::/3 is assigned for
  // global unicast, so anything outside it (::/8 and friends) is refused.
  if (!v6.match(GLOBAL_UNICAST)) return v6.range() === 'unicast' ? 'unassigned' : v6.range();
  const range = v6.range();
  return range === 'unicast' ? null : range;
}

const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');
const NAT64 = ipaddr.parseCIDR('64:ff9b::/96');
const SIX_TO_FOUR = ipaddr.parseCIDR('2002::/16');

function embeddedIpv4(ip: ipaddr.IPv6): ipaddr.IPv4 | null {
  const bytes = ip.toByteArray();
  if (ip.match(NAT64)) return ipv4From(bytes.slice(12, 16));
  if (ip.match(SIX_TO_FOUR)) return ipv4From(bytes.slice(2, 6));
  return null;
}

function ipv4From(bytes: number[]): ipaddr.IPv4 {
  return ipaddr.fromByteArray(bytes) as ipaddr.IPv4;
}
