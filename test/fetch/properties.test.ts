import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch, type GuardedFetch } from '../../src/core/fetch/index.ts';
import { type Canary, type StubResolver, startCanary, stubResolver } from './loopback.ts';
import { blockedIpv4, blockedIpv4InsideIpv6, blockedIpv6, spellIpv4 } from './ranges.ts';

// Random addresses from every blocked range, in every spelling, through the real guardedFetch:
// refused with no lookup for literals and no connection at all.
let canary: Canary;
let resolver: StubResolver;
let guardedFetch: GuardedFetch;
let answer: string[] = [];

beforeAll(async () => {
  canary = await startCanary();
  resolver = stubResolver({ 'random.test': () => answer });
  guardedFetch = createGuardedFetch({
    lookup: resolver.lookup,
    allowPorts: [80, 443, canary.port],
    deadlineMs: 5_000,
  });
});
afterEach(() => {
  expect(canary.connections).toBe(0);
});
afterAll(async () => {
  await guardedFetch.close();
  await canary.close();
});

const refusedLiteral = async (host: string) => {
  const lookups = resolver.calls.length;
  await expect(guardedFetch(`http://${host}:${canary.port}/`)).rejects.toMatchObject({
    code: 'blocked_address',
  });
  expect(resolver.calls.length).toBe(lookups);
};

describe('random blocked literals are refused without a lookup or a connection', () => {
  it('any IPv4 in a blocked range', async () => {
    await fc.assert(fc.asyncProperty(blockedIpv4, refusedLiteral));
  });

  it('any IPv6 in a blocked range', async () => {
    await fc.assert(fc.asyncProperty(blockedIpv6, (address) => refusedLiteral(`[${address}]`)));
  });

  it('any blocked IPv4 written inside IPv6 (mapped, NAT64, 6to4)', async () => {
    await fc.assert(
      fc.asyncProperty(blockedIpv4InsideIpv6, (address) => refusedLiteral(`[${address}]`)),
    );
  });

  it('any blocked IPv4 spelled as decimal, hex, octal or a short form', async () => {
    await fc.assert(fc.asyncProperty(blockedIpv4.chain(spellIpv4), refusedLiteral));
  });

  it('any spelling of loopback', async () => {
    await fc.assert(fc.asyncProperty(fc.constant('127.0.0.1').chain(spellIpv4), refusedLiteral));
  });
});

describe('random blocked answers are refused at connect time', () => {
  const anyBlocked = fc.oneof(blockedIpv4, blockedIpv6, blockedIpv4InsideIpv6);

  it('a name whose addresses include any blocked one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyBlocked, { minLength: 1, maxLength: 3 }), async (addresses) => {
        answer = addresses;
        const lookups = resolver.calls.length;
        await expect(guardedFetch(`http://random.test:${canary.port}/`)).rejects.toMatchObject({
          code: 'blocked_address',
          details: { host: 'random.test' },
        });
        expect(resolver.calls.length).toBe(lookups + 1);
      }),
      { numRuns: 50 },
    );
  });
});
