import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createDnsResolver,
  createGuardedFetch,
  type GuardedFetch,
} from '../../src/core/fetch/index.ts';
import { type LoopbackDns, startLoopbackDns } from './dns-server.ts';
import { type Fixture, startFixture } from './loopback.ts';

let dns: LoopbackDns;
let site: Fixture;
const fetchers: GuardedFetch[] = [];

beforeAll(async () => {
  dns = await startLoopbackDns({
    live: { 'live.test': '127.0.0.1' },
    dead: (name) => name.endsWith('dead.test'),
  });
  site = await startFixture((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('alive');
  });
});

afterAll(async () => {
  await Promise.all(fetchers.map((f) => f.close()));
  await dns.close();
  await site.close();
});

/** The real resolver against the loopback DNS server; the fixture on 127.0.0.1 is allowed. */
function fetcher(
  resolver = createDnsResolver({ servers: [dns.server], hostsFile: '/nonexistent' }),
) {
  const guardedFetch = createGuardedFetch({
    lookup: resolver,
    allowHosts: ['127.0.0.1'],
    allowPorts: [site.port],
  });
  fetchers.push(guardedFetch);
  return guardedFetch;
}

describe('DNS that cannot starve', () => {
  it('GIVEN four links whose DNS never answers in flight THEN another link still loads', async () => {
    const guardedFetch = fetcher(
      createDnsResolver({ servers: [dns.server], timeoutMs: 60_000, hostsFile: '/nonexistent' }),
    );
    const stuck = new AbortController();
    const dead = [1, 2, 3, 4].map((n) => {
      const name = `d${n}.dead.test`;
      const fetched = guardedFetch(`http://${name}:${site.port}/`, { signal: stuck.signal });
      fetched.catch(() => {});
      return { name, fetched };
    });
    for (const { name } of dead) await dns.asked(name);

    const page = await guardedFetch(`http://live.test:${site.port}/`);

    expect(new TextDecoder().decode(page.bytes)).toBe('alive');
    stuck.abort(new Error('test over'));
    await Promise.allSettled(dead.map((d) => d.fetched));
  });

  it('GIVEN a name whose DNS never answers THEN the link fails after the lookup timeout, in one sentence', async () => {
    const guardedFetch = fetcher(
      createDnsResolver({ servers: [dns.server], timeoutMs: 300, hostsFile: '/nonexistent' }),
    );
    await expect(guardedFetch(`http://quiet.dead.test:${site.port}/`)).rejects.toMatchObject({
      code: 'dns_failed',
      message: 'could not look up the site `quiet.dead.test` right now (DNS did not answer)',
    });
  });

  it('GIVEN a fetch waiting on a dead lookup WHEN its signal aborts THEN the lookup is cancelled', async () => {
    const resolver = createDnsResolver({
      servers: [dns.server],
      timeoutMs: 60_000,
      hostsFile: '/nonexistent',
    });
    const guardedFetch = fetcher(resolver);
    const job = new AbortController();
    const fetched = guardedFetch(`http://gone.dead.test:${site.port}/`, { signal: job.signal });
    await dns.asked('gone.dead.test');
    expect(resolver.pending()).toBe(1);

    job.abort(new Error('job cancelled'));

    await expect(fetched).rejects.toThrow('job cancelled');
    await vi.waitFor(() => expect(resolver.pending()).toBe(0));
  });

  it('GIVEN a domain holding all its lookup slots WHEN one waiter aborts THEN the next name is asked', async () => {
    const resolver = createDnsResolver({
      servers: [dns.server],
      timeoutMs: 60_000,
      maxPerDomain: 1,
      hostsFile: '/nonexistent',
    });
    const lookup = (name: string, signal: AbortSignal) =>
      new Promise((resolve, reject) =>
        resolver(name, { all: true, signal }, (error, addresses) =>
          error ? reject(error) : resolve(addresses),
        ),
      );
    const first = new AbortController();
    const second = new AbortController();
    const firstLookup = lookup('one.slot.dead.test', first.signal);
    const secondLookup = lookup('two.slot.dead.test', second.signal);
    await dns.asked('one.slot.dead.test');
    // The second name waits for the domain's one slot: it is not being looked up yet.
    expect(resolver.pending()).toBe(1);
    expect(dns.queries).not.toContain('two.slot.dead.test');

    first.abort(new Error('first gave up'));

    await expect(firstLookup).rejects.toThrow('first gave up');
    await dns.asked('two.slot.dead.test');
    second.abort(new Error('test over'));
    await expect(secondLookup).rejects.toThrow('test over');
  });

  it('answers from the hosts file without asking DNS', async () => {
    const resolver = createDnsResolver({ servers: [dns.server], hostsFile: '/etc/hosts' });
    const addresses = await new Promise((resolve, reject) =>
      resolver('localhost', { all: true }, (error, found) =>
        error ? reject(error) : resolve(found),
      ),
    );
    expect(addresses).toContainEqual({ address: '127.0.0.1', family: 4 });
    expect(dns.queries).not.toContain('localhost');
  });
});
