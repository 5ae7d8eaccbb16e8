import ipaddr from 'ipaddr.js';
import { UserError } from '../../shared/errors.ts';
import { inert } from '../inert.ts';
import { blockedRange } from './address.ts';
import { type AllowList, normalizeHostname } from './allow-list.ts';

export interface TargetPolicy {
  allowList: AllowList;
  allowPorts: readonly number[];
}

/** Parses a link with the WHATWG parser, which is also what undici and browsers use. */
export function parseLink(link: string, base?: URL): URL {
  try {
    return new URL(link.trim(), base);
  } catch (error) {
    throw new UserError('invalid_url', 'that is not a valid link', { url: link }, { cause: error });
  }
}

/**
 * Refuses a URL before any DNS lookup or socket: wrong scheme, wrong port, localhost by name,
 * or an unsafe IP literal. Literals must be judged here because Node's net.connect skips the
 * `lookup` hook for them, so the connect-time guard never sees them. The WHATWG parser has
 * already turned 2130706433, 0x7f000001, 0177.0.0.1, 127.1 and 0 into dotted IPv4, and judged
 * `http://a.com@127.0.0.1/` on its real host.
 */
export function checkTarget(url: URL, policy: TargetPolicy): void {
  const details = { url: url.href, host: url.hostname };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(
      'blocked_scheme',
      `links with ${inert(url.protocol, 40)} cannot be read, only http and https`,
      details,
    );
  }
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  if (!policy.allowPorts.includes(port)) {
    throw new UserError(
      'blocked_port',
      `the link points at port ${port}, which Precis does not connect to`,
      { ...details, port },
    );
  }
  const host = normalizeHostname(url.hostname);
  if (host === '') throw new UserError('invalid_url', 'that is not a valid link', details);
  if (policy.allowList.allowsHost(host)) return;
  if (ipaddr.isValid(host) && isIpLiteral(url.hostname)) {
    if (policy.allowList.allowsAddress(host)) return;
    const range = blockedRange(host);
    if (range !== null) throw blockedAddress(url.hostname, host, range, url.href);
    return;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) {
    throw new UserError(
      'blocked_address',
      `the link points at ${inert(host, 100)}, a private address (loopback)`,
      {
        ...details,
        address: host,
        range: 'loopback',
      },
    );
  }
}

export function blockedAddress(
  host: string,
  address: string,
  range: string,
  url?: string,
): UserError {
  const where =
    host === address || host === `[${address}]` ? address : `${inert(host, 100)} (${address})`;
  return new UserError(
    'blocked_address',
    `the link points at ${where}, a private or reserved address (${range})`,
    { url, host, address, range },
  );
}

// After WHATWG parsing an IPv4 host is always dotted quad and IPv6 is bracketed; ipaddr.js
// alone would also accept legacy forms, so the shape is checked too.
function isIpLiteral(hostname: string): boolean {
  return hostname.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(hostname);
}
