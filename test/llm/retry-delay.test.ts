import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  MAX_RETRY_AFTER_MS,
  retryAfterMs,
  retryDelay,
} from '../../src/core/llm/retry-delay.ts';

const headers = (init: Record<string, string>) => new Headers(init);
const noJitter = () => 0;

describe('retryAfterMs', () => {
  it('reads retry-after: 1 as 1000 ms', () => {
    expect(retryAfterMs(headers({ 'retry-after': '1' }))).toBe(1000);
  });

  it('reads fractional retry-after seconds', () => {
    expect(retryAfterMs(headers({ 'retry-after': '0.25' }))).toBe(250);
  });

  it('prefers retry-after-ms over retry-after', () => {
    expect(retryAfterMs(headers({ 'retry-after-ms': '50', 'retry-after': '1' }))).toBe(50);
  });

  it('reads an HTTP date as the time left until then', () => {
    const now = Date.parse('2026-11-28T09:00:00Z');
    const later = headers({ 'retry-after': 'Sat, 28 Nov 2026 09:00:07 GMT' });
    expect(retryAfterMs(later, now)).toBe(7000);
  });

  it('treats an HTTP date in the past as no wait', () => {
    const now = Date.parse('2026-11-28T09:00:00Z');
    const earlier = headers({ 'retry-after': 'Sat, 28 Nov 2026 08:59:00 GMT' });
    expect(retryAfterMs(earlier, now)).toBe(0);
  });

  it('returns null when no wait is asked for', () => {
    expect(retryAfterMs(headers({}))).toBeNull();
  });

  it('returns null for an unreadable retry-after', () => {
    expect(retryAfterMs(headers({ 'retry-after': 'soon' }))).toBeNull();
  });
});

describe('backoffMs', () => {
  it('waits 0.5 s before the first retry', () => {
    expect(backoffMs(0, noJitter)).toBe(500);
  });

  it('doubles the wait for each further retry', () => {
    expect(backoffMs(2, noJitter)).toBe(2000);
  });

  it('never waits more than 8 s', () => {
    expect(backoffMs(10, noJitter)).toBe(8000);
  });

  it('takes off at most a quarter as jitter', () => {
    expect(backoffMs(0, () => 0.9999999)).toBeGreaterThan(375);
  });
});

describe('retryDelay', () => {
  it('waits what retry-after: 1 asks', () => {
    expect(retryDelay(headers({ 'retry-after': '1' }), 0)).toEqual({ kind: 'wait', ms: 1000 });
  });

  it('falls back to backoff without a retry header', () => {
    expect(retryDelay(headers({}), 1, { random: noJitter })).toEqual({ kind: 'wait', ms: 1000 });
  });

  it('refuses a wait longer than the cap', () => {
    const asked = headers({ 'retry-after': String(MAX_RETRY_AFTER_MS / 1000 + 1) });
    expect(retryDelay(asked, 0).kind).toBe('too_long');
  });
});
