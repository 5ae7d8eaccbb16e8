/** Waits longer than this are not worth holding a Discord interaction for: fail fast instead. */
export const MAX_RETRY_AFTER_MS = 20_000;

type HeaderSource = Pick<Headers, 'get'> | null | undefined;

/**
 * The wait a provider asks for, in ms: `retry-after-ms` (OpenAI's own) beats `retry-after`
 * (seconds or an HTTP date). Null when absent or unreadable.
 */
export function retryAfterMs(headers: HeaderSource, now: number = Date.now()): number | null {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;

  const value = headers?.get('retry-after')?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Number.parseFloat(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** 0.5 s × 2^retry, at most 8 s, minus up to 25 % jitter so clients do not retry in step. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const seconds = Math.min(0.5 * 2 ** retry, 8);
  return seconds * (1 - random() * 0.25) * 1000;
}

export type RetryDelay = { kind: 'wait'; ms: number } | { kind: 'too_long'; ms: number };

/** How long to wait before retry number `retry` (0-based), or that the provider asks too much. */
export function retryDelay(
  headers: HeaderSource,
  retry: number,
  clock: { now?: number; random?: () => number } = {},
): RetryDelay {
  const asked = retryAfterMs(headers, clock.now);
  if (asked === null) return { kind: 'wait', ms: backoffMs(retry, clock.random) };
  if (asked > MAX_RETRY_AFTER_MS) return { kind: 'too_long', ms: asked };
  return { kind: 'wait', ms: asked };
}
