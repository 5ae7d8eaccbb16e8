import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { blockedRange } from './address.ts';
import type { AllowList } from './allow-list.ts';
import { normalizeHostname } from './allow-list.ts';
import type { HostInterest } from './host-interest.ts';
import { blockedAddress } from './target.ts';

/**
 * A dns.lookup-compatible resolver; always called with `all: true`. A resolver that can cancel
 * its work stops when `signal` aborts (see createDnsResolver); others may ignore it.
 */
export type Resolver = (
  hostname: string,
  options: { all: true; signal?: AbortSignal },
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * The `lookup` handed to undici's connector. The addresses judged here are the very addresses
 * the socket then connects to, so a DNS answer cannot change between check and connect
 * (rebinding). Like Synapse, a name is refused if ANY of its addresses is unsafe: otherwise
 * Happy Eyeballs or a retry could still reach the private one.
 */
export function createGuardedLookup(
  resolve: Resolver,
  allowList: AllowList,
  timeoutMs = 15_000,
  interest?: HostInterest,
): LookupFunction {
  return (hostname, options, callback) => {
    const host = normalizeHostname(hostname);
    // A resolver that never answers would leave undici's connect waiting forever: past the
    // deadline the lookup fails, and the unref'd timer does not keep the process alive.
    let settled = false;
    const cancellation = interest?.lookupSignal(host);
    const timer = setTimeout(() => {
      settled = true;
      cancellation?.done();
      callback(lookupTimedOut(host), '', 0);
    }, timeoutMs);
    timer.unref();
    resolve(host, { all: true, signal: cancellation?.signal }, (error, addresses) => {
      if (settled) return;
      settled = true;
      cancellation?.done();
      clearTimeout(timer);
      if (error) return callback(error, '', 0);
      if (!Array.isArray(addresses) || addresses.length === 0) {
        return callback(notFound(host), '', 0);
      }
      if (!allowList.allowsHost(host)) {
        for (const { address } of addresses) {
          if (allowList.allowsAddress(address)) continue;
          const range = blockedRange(address);
          if (range !== null) return callback(blockedAddress(host, address, range), '', 0);
        }
      }
      const wanted =
        options.family === 4 || options.family === 6
          ? addresses.filter((a) => a.family === options.family)
          : addresses;
      const first = wanted[0];
      if (!first) return callback(notFound(host), '', 0);
      if (options.all) return callback(null, wanted);
      callback(null, first.address, first.family);
    });
  };
}

function lookupTimedOut(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ETIMEOUT ${hostname}`), {
    code: 'ETIMEOUT',
    syscall: 'getaddrinfo',
    hostname,
  });
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: 'ENOTFOUND',
    syscall: 'getaddrinfo',
    hostname,
  });
}
