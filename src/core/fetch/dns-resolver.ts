import type { LookupAddress } from 'node:dns';
import { promises as dns } from 'node:dns';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { createDomainSlots } from './domain-slots.ts';
import { createInFlight } from './in-flight.ts';
import type { Resolver } from './lookup.ts';

export interface DnsResolverOptions {
  /** DNS servers (`1.1.1.1`, `[::1]:53`, `127.0.0.1:5353`); unset = the system's (resolv.conf). */
  servers?: readonly string[];
  /** One lookup, A and AAAA together, retries included. */
  timeoutMs?: number;
  /** Names of one domain being looked up at once; more wait for a free slot. */
  maxPerDomain?: number;
  /** The hosts file consulted before DNS, as getaddrinfo does. */
  hostsFile?: string;
}

export type DnsResolver = Resolver & {
  /** Queries in flight (for tests and metrics). */
  pending(): number;
};

/**
 * Looks names up with c-ares (`dns.promises.Resolver`) instead of `dns.lookup`: getaddrinfo runs
 * in libuv's four-thread pool, so four names whose DNS never answers held every other lookup
 * (and fs, zlib, crypto) for minutes, and could not be cancelled. Here every lookup has its own
 * channel, so it is cancelled on its own timeout or the caller's signal; concurrent lookups of
 * one name share a query, and one domain may only hold a few queries at once.
 */
export function createDnsResolver(options: DnsResolverOptions = {}): DnsResolver {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const slots = createDomainSlots(options.maxPerDomain ?? 4);
  const hosts = readHostsFile(options.hostsFile ?? '/etc/hosts');
  const share = createInFlight<LookupAddress[]>();
  let inFlight = 0;

  async function query(hostname: string, signal: AbortSignal): Promise<LookupAddress[]> {
    const release = await slots.acquire(domainOf(hostname), signal);
    // c-ares retries on its own; each try gets a share of the whole timeout.
    const channel = new dns.Resolver({
      timeout: Math.max(100, Math.floor(timeoutMs / 2)),
      tries: 2,
    });
    if (options.servers) channel.setServers([...options.servers]);
    const cancel = () => channel.cancel();
    const timer = setTimeout(cancel, timeoutMs);
    timer.unref();
    signal.addEventListener('abort', cancel, { once: true });
    inFlight++;
    try {
      const [v4, v6] = await Promise.allSettled([
        channel.resolve4(hostname),
        channel.resolve6(hostname),
      ]);
      signal.throwIfAborted();
      const addresses: LookupAddress[] = [
        ...(v4.status === 'fulfilled' ? v4.value.map((address) => ({ address, family: 4 })) : []),
        ...(v6.status === 'fulfilled' ? v6.value.map((address) => ({ address, family: 6 })) : []),
      ];
      if (addresses.length > 0) return addresses;
      throw dnsError(hostname, [v4, v6]);
    } finally {
      inFlight--;
      clearTimeout(timer);
      signal.removeEventListener('abort', cancel);
      release();
    }
  }

  const resolve: Resolver = (name, { signal }, callback) => {
    const hostname = name.toLowerCase().replace(/\.$/, '');
    const fixed = fixedAnswer(hostname, hosts);
    if (fixed) return queueMicrotask(() => callback(null, fixed));
    share(hostname, (shared) => query(hostname, shared), signal).then(
      (addresses) => callback(null, addresses),
      (error: NodeJS.ErrnoException) => callback(error, []),
    );
  };
  return Object.assign(resolve, { pending: () => inFlight });
}

/** IP literals, `localhost` (RFC 6761: always loopback, never sent to DNS) and the hosts file. */
function fixedAnswer(
  hostname: string,
  hosts: ReadonlyMap<string, LookupAddress[]>,
): LookupAddress[] | undefined {
  const family = isIP(hostname);
  if (family !== 0) return [{ address: hostname, family }];
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) {
    return [
      { address: '127.0.0.1', family: 4 },
      { address: '::1', family: 6 },
    ];
  }
  return hosts.get(hostname);
}

/**
 * Hand-parsed: the format is one address then names per line, `#` comments, and no maintained
 * package reads it; getaddrinfo did this for us before.
 */
function readHostsFile(path: string): Map<string, LookupAddress[]> {
  const table = new Map<string, LookupAddress[]>();
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return table;
  }
  for (const line of text.split('\n')) {
    const [address, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    const family = address ? isIP(address) : 0;
    if (!address || family === 0) continue;
    for (const name of names) {
      const key = name.toLowerCase();
      table.set(key, [...(table.get(key) ?? []), { address, family }]);
    }
  }
  return table;
}

/**
 * The registrable part of a name, approximately: the last two labels, or three under a short
 * second-level label (`bbc.co.uk`, `abc.net.au`), so a dead `*.co.uk` zone cannot take every
 * slot of `co.uk`. A random subdomain of one dead zone still lands on that zone's slots.
 */
export function domainOf(hostname: string): string {
  const labels = hostname.split('.');
  const secondLevel = labels.at(-2) ?? '';
  const keep = labels.length >= 3 && secondLevel.length <= 3 ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** A name that does not exist stays ENOTFOUND; anything else (timeout, refusal) is ETIMEOUT. */
function dnsError(hostname: string, results: PromiseSettledResult<unknown>[]): Error {
  const codes = results.map((result) =>
    result.status === 'rejected' ? (result.reason as { code?: unknown }).code : undefined,
  );
  const missing = codes.every((code) => code === 'ENOTFOUND' || code === 'ENODATA');
  const code = missing ? 'ENOTFOUND' : 'ETIMEOUT';
  return Object.assign(new Error(`queryA ${code} ${hostname}`), {
    code,
    syscall: 'queryA',
    hostname,
  });
}
