import { Agent, type Dispatcher } from 'undici';
import { UserError } from '../../shared/errors.ts';
import { inert } from '../inert.ts';
import { compileAllowList, normalizeHostname } from './allow-list.ts';
import { discardBody, readBody, tooLarge } from './body.ts';
import { createDnsResolver } from './dns-resolver.ts';
import { createHostInterest } from './host-interest.ts';
import { createInFlight } from './in-flight.ts';
import { createGuardedLookup, type Resolver } from './lookup.ts';
import { type FailureContext, timedOut, toUserError } from './network-errors.ts';
import {
  checkContentType,
  checkStatus,
  flattenHeaders,
  parseCacheControl,
  parseContentType,
} from './response.ts';
import { settleOrAbort } from './settle-or-abort.ts';
import { checkTarget, parseLink, type TargetPolicy } from './target.ts';

export { blockedRange, isPublicAddress } from './address.ts';
export { allowHostProblem, parseAllowHosts } from './allow-list.ts';
export { createDnsResolver, type DnsResolverOptions } from './dns-resolver.ts';
export type { Resolver } from './lookup.ts';

export interface FetchedPage {
  /** The final URL, after redirects, without its #fragment. */
  url: string;
  status: number;
  /** Lower-case mime type without parameters; '' when the server sent none. */
  contentType: string;
  /** The charset parameter of Content-Type, lower case; meta tags are extraction's job. */
  charset: string | null;
  headers: Record<string, string>;
  /** The body after undoing Content-Encoding. */
  bytes: Uint8Array;
  /** Every URL redirected to, in order (the last one is `url`). */
  redirects: string[];
  /** Cache-Control said no-store or private. */
  noStore: boolean;
  maxAgeSeconds: number | null;
}

export interface GuardedFetchOptions {
  /** dns.lookup-compatible resolver, called with `all: true`; default createDnsResolver(). */
  lookup?: Resolver;
  /** DNS servers for the default resolver; unset = the system's. Ignored with `lookup`. */
  dnsServers?: readonly string[];
  /**
   * Hosts exempt from the private-address check: names (`wiki.intranet`, `*.intranet`), IPs or
   * CIDRs (`10.0.0.0/8`). Empty by default; see parseAllowHosts for FETCH_ALLOW_HOSTS.
   */
  allowHosts?: readonly string[];
  allowPorts?: readonly number[];
  /** Cap on DECODED body bytes. */
  maxBytes?: number;
  /** One deadline for DNS, connect, headers, body and every redirect. */
  deadlineMs?: number;
  maxRedirects?: number;
  userAgent?: string;
  acceptedTypes?: readonly string[];
}

export type GuardedFetch = ((
  url: string,
  options?: { signal?: AbortSignal },
) => Promise<FetchedPage>) & {
  /** Closes the connection pool. */
  close(): Promise<void>;
};

const DEFAULT_USER_AGENT =
  'PrecisBot/0.1 (+https://github.com/precis-bot; summarizes links shared in Discord)';

const DEFAULT_ACCEPTED_TYPES = [
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'text/markdown',
  'application/pdf',
] as const;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function createGuardedFetch(options: GuardedFetchOptions = {}): GuardedFetch {
  const resolve: Resolver = options.lookup ?? createDnsResolver({ servers: options.dnsServers });
  const interest = createHostInterest();
  const allowList = compileAllowList(options.allowHosts ?? []);
  const policy: TargetPolicy = { allowList, allowPorts: options.allowPorts ?? [80, 443] };
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const deadlineMs = options.deadlineMs ?? 15_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const acceptedTypes = options.acceptedTypes ?? DEFAULT_ACCEPTED_TYPES;
  const requestHeaders = {
    'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
    accept: 'text/html,application/xhtml+xml,text/markdown,text/plain;q=0.9,application/pdf;q=0.8',
    'accept-encoding': 'gzip, deflate, br',
  };

  // Our own Agent, passed explicitly to every request: the global dispatcher could be replaced
  // by a proxy agent (HTTP_PROXY), which would connect to the proxy and skip the guard.
  const agent = new Agent({
    connect: {
      lookup: createGuardedLookup(resolve, allowList, deadlineMs, interest),
      timeout: deadlineMs,
    },
    headersTimeout: deadlineMs,
    bodyTimeout: deadlineMs,
  });
  const share = createInFlight<FetchedPage>();

  async function fetchPage(start: URL, signal: AbortSignal): Promise<FetchedPage> {
    let current = start;
    const context = (): FailureContext => ({ url: current.href, host: current.hostname });
    // undici's own timeouts reset on every chunk; this one covers the whole fetch.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(timedOut(context(), deadlineMs)), deadlineMs);
    const combined = AbortSignal.any([signal, deadline.signal]);
    try {
      const redirects: string[] = [];
      for (;;) {
        // While this fetch may be waiting on a lookup, its abort may cancel that lookup.
        const stopWaiting = interest.wait(normalizeHostname(current.hostname), combined);
        const response = await untilAborted(
          agent.request({
            origin: current.origin,
            path: `${current.pathname}${current.search}`,
            method: 'GET',
            headers: requestHeaders,
            signal: combined,
          }),
          combined,
        ).finally(stopWaiting);
        const headers = flattenHeaders(response.headers);
        const location = headers.location;
        if (REDIRECT_STATUSES.has(response.statusCode) && location !== undefined) {
          discardBody(response.body);
          if (redirects.length >= maxRedirects) {
            throw new UserError('too_many_redirects', 'too many redirects', {
              ...context(),
              redirects,
              maxRedirects,
            });
          }
          current = followRedirect(current, location, policy);
          redirects.push(current.href);
          continue;
        }
        try {
          checkStatus(response.statusCode, current.href);
          const { mime, charset } = parseContentType(headers['content-type']);
          checkContentType(mime, acceptedTypes, current.href);
          const declared = Number(headers['content-length']);
          if (!headers['content-encoding'] && declared > maxBytes) {
            throw tooLarge(current.href, maxBytes);
          }
          const bytes = await readBody(
            response.body,
            headers['content-encoding'],
            maxBytes,
            combined,
            current.href,
          );
          return {
            url: current.href,
            status: response.statusCode,
            contentType: mime,
            charset,
            headers,
            bytes,
            redirects,
            ...parseCacheControl(headers['cache-control']),
          };
        } finally {
          discardBody(response.body);
        }
      }
    } catch (error) {
      // Whatever undici threw while being aborted, the user's answer is the deadline.
      if (deadline.signal.aborted) throw deadline.signal.reason;
      if (signal.aborted) throw signal.reason;
      throw toUserError(error, context());
    } finally {
      clearTimeout(timer);
    }
  }

  const guardedFetch = async (link: string, { signal }: { signal?: AbortSignal } = {}) => {
    const url = parseLink(link);
    checkTarget(url, policy);
    url.hash = '';
    return share(url.href, (shared) => fetchPage(url, shared), signal);
  };
  // destroy, not close: close would wait for a connect still stuck in a lookup.
  return Object.assign(guardedFetch, { close: () => agent.destroy() });
}

/**
 * undici does not abort a request whose connect is still waiting on the lookup, so the
 * deadline would not fire while DNS hangs: the caller stops waiting, and the request, which
 * the lookup's own timeout ends later, is left to fail quietly.
 */
function untilAborted(
  work: Promise<Dispatcher.ResponseData>,
  signal: AbortSignal,
): Promise<Dispatcher.ResponseData> {
  if (signal.aborted) {
    work.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return settleOrAbort(work, signal, () => {
    work.then(
      (late) => discardBody(late.body),
      () => {},
    );
  });
}

/** Each hop is parsed and judged like a link the user sent: scheme, port, name and literal. */
function followRedirect(from: URL, location: string, policy: TargetPolicy): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch (error) {
    throw new UserError(
      'invalid_url',
      `the site redirected to ${inert(location, 100)}, which is not a valid link`,
      { url: from.href, host: from.hostname, location, redirectedFrom: from.href },
      { cause: error },
    );
  }
  try {
    checkTarget(next, policy);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError(
      error.code,
      `${error.message} (the site ${inert(from.hostname, 100)} redirected there)`,
      { ...error.details, redirectedFrom: from.href },
    );
  }
  next.hash = '';
  return next;
}
