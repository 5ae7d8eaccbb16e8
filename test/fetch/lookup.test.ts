import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { compileAllowList } from '../../src/core/fetch/allow-list.ts';
import { createGuardedLookup } from '../../src/core/fetch/lookup.ts';
import { stubResolver } from './loopback.ts';

// The hook handed to net.connect, called directly: no socket is ever opened here, so the
// public addresses below are safe to use.
function lookupWith(addresses: string[], allow: string[] = []) {
  const resolver = stubResolver({ 'site.test': addresses });
  return createGuardedLookup(resolver.lookup, compileAllowList(allow));
}

function call(
  lookup: ReturnType<typeof lookupWith>,
  options: { all?: boolean; family?: number },
): Promise<{ error: unknown; address: unknown; family: unknown }> {
  return new Promise((resolve) => {
    lookup('site.test', options, (error, address, family) => resolve({ error, address, family }));
  });
}

describe('the connect-time lookup', () => {
  it('refuses a name if any of its addresses is private (public first)', async () => {
    const result = await call(lookupWith(['8.8.8.8', '10.0.0.1']), { all: true });
    expect(result.error).toMatchObject({
      code: 'blocked_address',
      details: { host: 'site.test', address: '10.0.0.1', range: 'private' },
    });
  });

  it('refuses a name resolving to IPv4-mapped loopback', async () => {
    const result = await call(lookupWith(['2606:4700::1', '::ffff:127.0.0.1']), { all: true });
    expect(result.error).toMatchObject({ code: 'blocked_address', details: { range: 'loopback' } });
  });

  it('answers every address when net asks for all (Happy Eyeballs)', async () => {
    const result = await call(lookupWith(['8.8.8.8', '2606:4700::1']), { all: true });
    expect(result.error).toBeNull();
    expect((result.address as LookupAddress[]).map((a) => a.address)).toEqual([
      '8.8.8.8',
      '2606:4700::1',
    ]);
  });

  it('answers the first address of the wanted family when net asks for one', async () => {
    const result = await call(lookupWith(['2606:4700::1', '8.8.8.8']), { family: 4 });
    expect(result).toEqual({ error: null, address: '8.8.8.8', family: 4 });
  });

  it('lets an allowed CIDR through', async () => {
    const result = await call(lookupWith(['10.1.2.3'], ['10.1.0.0/16']), {});
    expect(result).toEqual({ error: null, address: '10.1.2.3', family: 4 });
  });

  it('lets an allowed name through whatever it resolves to', async () => {
    const result = await call(lookupWith(['127.0.0.1'], ['site.test']), {});
    expect(result).toEqual({ error: null, address: '127.0.0.1', family: 4 });
  });

  it('passes a DNS failure on unchanged', async () => {
    const lookup = createGuardedLookup(stubResolver({}).lookup, compileAllowList([]));
    const result = await call(lookup, { all: true });
    expect(result.error).toMatchObject({ code: 'ENOTFOUND' });
  });
});
