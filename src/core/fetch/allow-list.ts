import ipaddr from 'ipaddr.js';

/**
 * The operator's exceptions to the private-address guard (FETCH_ALLOW_HOSTS), empty by default.
 *
 * Each entry is a host name (`wiki.intranet`, or `*.intranet` for every name under it), an IP
 * address, or a CIDR range (`10.1.0.0/16`, `fd00::/8`). A name entry exempts that host whatever
 * it resolves to; an address or CIDR entry exempts those addresses however they are reached.
 * It never exempts a scheme or a port (see allowPorts). Tests use it to reach 127.0.0.1 fixtures.
 */
export interface AllowList {
  allowsHost(hostname: string): boolean;
  allowsAddress(address: string): boolean;
}

/** Splits a comma-separated FETCH_ALLOW_HOSTS value into entries. */
export function parseAllowHosts(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

// A DNS label: letters, digits, hyphens inside, underscores (used by some intranets).
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/**
 * Why an entry is not usable, or null. `*`, `*.` and `*..` would otherwise become a suffix
 * that every host name ends with, and allow every private address, metadata included.
 */
export function allowHostProblem(raw: string): string | null {
  const entry = raw.trim().toLowerCase();
  if (entry.replace(/^\[(.*)\]$/, '$1').includes('/')) {
    try {
      parseRange(entry);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  }
  if (parseRange(entry)) return null;
  const name = (entry.startsWith('*.') ? entry.slice(2) : entry).replace(/\.$/, '');
  const labels = name.split('.');
  if (name === '' || !labels.every((label) => LABEL.test(label))) {
    return `"${raw}" is not a host name (wiki.corp or *.corp), an IP address or a CIDR range`;
  }
  // No top-level domain is all digits, so such a name can only match IP addresses: `*.1`
  // would allow 127.0.0.1 and `*.254` the cloud metadata address.
  if (/^\d+$/.test(labels.at(-1) ?? '')) {
    return `"${raw}" would match IP addresses, not host names; list the address or a CIDR range such as 10.2.0.0/16 instead`;
  }
  return null;
}

export function compileAllowList(entries: readonly string[]): AllowList {
  const names = new Set<string>();
  const suffixes: string[] = [];
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    const problem = allowHostProblem(entry);
    if (problem) throw new Error(`FETCH_ALLOW_HOSTS: ${problem}`);
    const range = parseRange(entry);
    if (range) ranges.push(range);
    else if (entry.startsWith('*.')) suffixes.push(normalizeHostname(entry.slice(1)));
    else names.add(normalizeHostname(entry));
  }
  return {
    allowsHost(hostname) {
      const name = normalizeHostname(hostname);
      return names.has(name) || suffixes.some((suffix) => name.endsWith(suffix));
    },
    allowsAddress(address) {
      if (ranges.length === 0 || !ipaddr.isValid(address)) return false;
      const ip = ipaddr.process(address);
      return ranges.some(([base, bits]) => base.kind() === ip.kind() && ip.match(base, bits));
    },
  };
}

/** Lower case, no brackets around IPv6, no trailing dots (`localhost.` is `localhost`). */
export function normalizeHostname(hostname: string): string {
  return hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.+$/, '');
}

function parseRange(entry: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | null {
  const bare = entry.replace(/^\[(.*)\]$/, '$1');
  if (bare.includes('/')) {
    try {
      const [base, bits] = ipaddr.parseCIDR(bare);
      return base.kind() === 'ipv6' && (base as ipaddr.IPv6).isIPv4MappedAddress()
        ? [(base as ipaddr.IPv6).toIPv4Address(), bits - 96]
        : [base, bits];
    } catch {
      throw new Error(`"${entry}" is not a valid CIDR range`);
    }
  }
  if (!ipaddr.isValid(bare)) return null;
  const ip = ipaddr.process(bare);
  return [ip, ip.kind() === 'ipv4' ? 32 : 128];
}
