import { isUserError, UserError } from '../../shared/errors.ts';
import { inert } from '../inert.ts';

export interface FailureContext {
  url: string;
  host: string;
}

export function timedOut(context: FailureContext, deadlineMs: number): UserError {
  return new UserError('fetch_timeout', 'the page took too long to load', {
    ...context,
    deadlineMs,
  });
}

/**
 * Turns whatever undici, net, tls or dns threw into a UserError with a specific message.
 * Our own refusals (thrown from the lookup hook) come back through the socket and are kept,
 * with the URL added. Anything without an error code is a bug and is rethrown untouched.
 */
export function toUserError(error: unknown, context: FailureContext): unknown {
  const own = findUserError(error);
  if (own) {
    // Refusals from the lookup hook know the host but not the URL; keep what they do know.
    const details: Record<string, unknown> = { ...context };
    for (const [key, value] of Object.entries(own.details)) {
      if (value !== undefined) details[key] = value;
    }
    return new UserError(own.code, own.message, details, { cause: own.cause });
  }
  // A host name is the site's to choose, up to tens of kilobytes: shown short and inert.
  const site = inert(context.host, 100);
  const fail = (message: string, code?: string) =>
    new UserError('fetch_failed', message, { ...context, code }, { cause: error });
  if (isParserError(error)) return fail('the site sent a response that is not valid HTTP');
  const code = findCode(error);
  if (code === undefined) return error;
  const details = { ...context, code };
  switch (code) {
    case 'ENOTFOUND':
    case 'ENODATA':
    case 'ENONAME':
      return new UserError('dns_failed', `could not find the site ${site}`, details, {
        cause: error,
      });
    case 'EAI_AGAIN':
    case 'ESERVFAIL':
    case 'ETIMEOUT':
      return new UserError(
        'dns_failed',
        `could not look up the site ${site} right now (DNS did not answer)`,
        details,
        { cause: error },
      );
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return new UserError('fetch_timeout', 'the page took too long to load', details, {
        cause: error,
      });
    case 'ECONNREFUSED':
      return fail(`could not connect to ${site}: the connection was refused`, code);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return fail(`the connection to ${site} was closed before the page arrived`, code);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return fail(`could not connect to ${site}: the site is unreachable`, code);
    default:
      if (/CERT|TLS|SSL|SIGNATURE/i.test(code)) {
        return fail(`could not connect securely to ${site}: its certificate is not valid`, code);
      }
      if (code.startsWith('HPE_') || code === 'UND_ERR_INFO') {
        return fail('the site sent a response that is not valid HTTP', code);
      }
      // zlib's Z_DATA_ERROR and friends, brotli's ERR__ERROR_FORMAT_…: a broken compressed body.
      if (code.startsWith('Z_') || code.startsWith('ERR__ERROR_FORMAT')) {
        return fail('the site sent a compressed page that could not be decoded', code);
      }
      return fail(`could not load the page from ${site} (${inert(code, 40)})`, code);
  }
}

/**
 * undici 7's llhttp errors (bare CR, an HTTP/0.9 reply, a garbage status line) are
 * HTTPParserError with `code` undefined, so the HPE_ branch above never sees them.
 */
function isParserError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const name = (current as { name?: unknown }).name;
    if (name === 'HTTPParserError') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function findUserError(error: unknown): UserError | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (isUserError(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function findCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      // Happy Eyeballs wraps per-address failures in an AggregateError; the first one says why.
      const inner = (current as { errors?: unknown[] }).errors?.[0];
      const innerCode = (inner as { code?: unknown } | undefined)?.code;
      return typeof innerCode === 'string' ? innerCode : code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
