import { type Dispatcher, getGlobalDispatcher, ProxyAgent, setGlobalDispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch, type GuardedFetch } from '../../src/core/fetch/index.ts';
import { type Canary, type Fixture, startCanary, startFixture, stubResolver } from './loopback.ts';

// Catalogue items 9 (DNS rebinding) and 15 (HTTP_PROXY). The stand-in for a "public" server is
// 127.0.0.2, exempted by allowHosts, on the same port as the canary on 127.0.0.1: an answer that
// changes to 127.0.0.1 would land on the canary.
let canary: Canary;
let fixture: Fixture;
const fetchers: GuardedFetch[] = [];

beforeAll(async () => {
  for (let attempt = 0; ; attempt++) {
    canary = await startCanary();
    try {
      fixture = await startFixture(
        (_req, res) => {
          // A fresh connection, and so a fresh lookup, for every request.
          res.writeHead(200, { 'content-type': 'text/html', connection: 'close' }).end('<p>ok</p>');
        },
        { host: '127.0.0.2', port: canary.port },
      );
      return;
    } catch (error) {
      await canary.close();
      if (attempt === 5) throw error;
    }
  }
});
afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
  expect(canary.connections).toBe(0);
});
afterAll(async () => {
  await fixture.close();
  await canary.close();
});

function rebindingFetch() {
  const resolver = stubResolver({
    'rebind.test': (call) => (call === 1 ? ['127.0.0.2'] : ['127.0.0.1']),
  });
  const guardedFetch = createGuardedFetch({
    lookup: resolver.lookup,
    allowHosts: ['127.0.0.2/32'],
    allowPorts: [canary.port],
  });
  fetchers.push(guardedFetch);
  return { guardedFetch, resolver, url: `http://rebind.test:${canary.port}/` };
}

describe('DNS rebinding', () => {
  it('connects to the address it checked, with a single lookup per connection', async () => {
    const { guardedFetch, resolver, url } = rebindingFetch();
    const fetched = await guardedFetch(url);
    expect(Buffer.from(fetched.bytes).toString()).toBe('<p>ok</p>');
    expect(resolver.calls).toEqual(['rebind.test']);
    expect(fixture.connections).toBeGreaterThan(0);
  });

  it('refuses the name once it rebinds to loopback, without connecting', async () => {
    const { guardedFetch, resolver, url } = rebindingFetch();
    await guardedFetch(url);
    await expect(guardedFetch(url)).rejects.toMatchObject({
      code: 'blocked_address',
      details: { host: 'rebind.test', address: '127.0.0.1' },
    });
    expect(resolver.calls).toEqual(['rebind.test', 'rebind.test']);
  });
});

describe('proxy settings in the environment', () => {
  const names = ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'NO_PROXY', 'no_proxy'];
  let saved: Record<string, string | undefined> = {};
  let savedDispatcher: Dispatcher;

  beforeAll(() => {
    saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
    savedDispatcher = getGlobalDispatcher();
  });
  afterEach(async () => {
    for (const name of names) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    const replaced = getGlobalDispatcher();
    setGlobalDispatcher(savedDispatcher);
    if (replaced !== savedDispatcher) await replaced.close();
  });

  function pointProxiesAtCanary() {
    const proxy = `http://127.0.0.1:${canary.port}`;
    for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) {
      process.env[name] = proxy;
    }
    process.env.NO_PROXY = '';
    setGlobalDispatcher(new ProxyAgent(proxy));
  }

  it('still refuses a private literal when HTTP_PROXY is set', async () => {
    pointProxiesAtCanary();
    const guardedFetch = createGuardedFetch({ allowPorts: [canary.port] });
    fetchers.push(guardedFetch);
    await expect(guardedFetch(`http://127.0.0.1:${canary.port}/`)).rejects.toMatchObject({
      code: 'blocked_address',
    });
  });

  it('still refuses a name resolving to loopback when HTTP_PROXY is set', async () => {
    pointProxiesAtCanary();
    const resolver = stubResolver({ 'inside.test': ['127.0.0.1'] });
    const guardedFetch = createGuardedFetch({ lookup: resolver.lookup, allowPorts: [canary.port] });
    fetchers.push(guardedFetch);
    await expect(guardedFetch(`http://inside.test:${canary.port}/`)).rejects.toMatchObject({
      code: 'blocked_address',
    });
    expect(resolver.calls).toEqual(['inside.test']);
  });

  it('connects directly, not through the proxy, when HTTP_PROXY is set', async () => {
    pointProxiesAtCanary();
    const { guardedFetch, url } = rebindingFetch();
    const fetched = await guardedFetch(url);
    expect(fetched.status).toBe(200);
    // The setup took effect: anything using the global dispatcher would go to the canary.
    expect(getGlobalDispatcher()).toBeInstanceOf(ProxyAgent);
  });
});
