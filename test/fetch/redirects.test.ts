import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch, type GuardedFetch } from '../../src/core/fetch/index.ts';
import {
  type Canary,
  type Fixture,
  type StubResolver,
  startCanary,
  startFixture,
  stubResolver,
} from './loopback.ts';

// Catalogue items 10 and 11: every hop is parsed and judged again, at most 5 hops.
let canary: Canary;
let fixture: Fixture;
let resolver: StubResolver;
let guardedFetch: GuardedFetch;

const page = '<p>the article</p>';
const locations: Record<string, (f: number, c: number) => string> = {
  '/relative': () => 'final',
  '/dot-relative': () => '../final?from=dot',
  '/absolute': (f) => `http://other.test:${f}/final`,
  '/see-other': () => '/final',
  '/temporary': () => '/final',
  '/to-literal': (_f, c) => `http://127.0.0.1:${c}/`,
  '/to-decimal-literal': (_f, c) => `http://2130706433:${c}/`,
  '/to-mapped-literal': (_f, c) => `http://[::ffff:127.0.0.1]:${c}/`,
  '/to-localhost': (_f, c) => `http://localhost:${c}/`,
  '/to-private-name': (_f, c) => `http://private.test:${c}/`,
  '/to-userinfo': (_f, c) => `http://other.test@127.0.0.1:${c}/`,
  '/to-file': () => 'file:///etc/passwd',
  '/to-gopher': (_f, c) => `gopher://127.0.0.1:${c}/`,
  '/to-port': () => 'http://other.test:22/',
  '/to-invalid': () => 'http://[::1',
  '/loop': () => '/loop',
};
const statusFor: Record<string, number> = {
  '/absolute': 301,
  '/see-other': 303,
  '/temporary': 307,
  '/to-literal': 308,
};

beforeAll(async () => {
  canary = await startCanary();
  fixture = await startFixture((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const hop = /^\/chain\/(\d+)$/.exec(url.pathname)?.[1];
    if (hop !== undefined) {
      const n = Number(hop);
      const target = n === 0 ? '/final' : `/chain/${n - 1}`;
      return void res.writeHead(302, { location: target }).end();
    }
    const name = `/${url.pathname.split('/').pop()}`;
    const location = locations[name];
    if (location) {
      const status = statusFor[name] ?? 302;
      return void res.writeHead(status, { location: location(fixture.port, canary.port) }).end();
    }
    if (url.pathname === '/nowhere') return void res.writeHead(302).end();
    const slowHop = /^\/slow\/(\d+)$/.exec(url.pathname)?.[1];
    if (slowHop !== undefined) {
      // Each hop is well inside the deadline; together they are not.
      const timer = setTimeout(() => {
        res.writeHead(302, { location: `/slow/${Number(slowHop) + 1}` }).end();
      }, 150);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  });
  resolver = stubResolver({
    'site.test': ['127.0.0.1'],
    'other.test': ['127.0.0.1'],
    'private.test': ['127.0.0.1'],
  });
  guardedFetch = createGuardedFetch({
    lookup: resolver.lookup,
    allowHosts: ['site.test', 'other.test'],
    allowPorts: [fixture.port, canary.port],
  });
});
afterAll(async () => {
  await guardedFetch.close();
  await fixture.close();
  await canary.close();
  expect(canary.connections).toBe(0);
});

const link = (path: string, host = 'site.test') => `http://${host}:${fixture.port}${path}`;
// For tables built before the fixture has a port.
const later = (path: string, host?: string) => () => link(path, host);

describe('redirects that are followed', () => {
  it.each([
    ['a relative Location', '/dir/relative', later('/dir/final')],
    ['a dot-relative Location', '/a/b/dot-relative', later('/a/final?from=dot')],
    [
      'an absolute Location to another allowed host (301)',
      '/absolute',
      later('/final', 'other.test'),
    ],
    ['a 303 See Other', '/see-other', later('/final')],
    ['a 307 Temporary Redirect', '/temporary', later('/final')],
  ])('follows %s', async (_name, path, final) => {
    const fetched = await guardedFetch(link(path));
    expect(fetched.url).toBe(final());
    expect(fetched.redirects).toEqual([final()]);
    expect(Buffer.from(fetched.bytes).toString()).toBe(page);
  });

  it('follows a chain of exactly 5 redirects and lists every hop', async () => {
    const fetched = await guardedFetch(link('/chain/4'));
    expect(fetched.redirects).toEqual([
      link('/chain/3'),
      link('/chain/2'),
      link('/chain/1'),
      link('/chain/0'),
      link('/final'),
    ]);
    expect(fetched.url).toBe(link('/final'));
  });
});

describe('redirects that are refused', () => {
  it('stops a chain of slow hops at the one overall deadline', async () => {
    const impatient = createGuardedFetch({
      lookup: resolver.lookup,
      allowHosts: ['site.test'],
      allowPorts: [fixture.port],
      deadlineMs: 400,
      maxRedirects: 20,
    });
    await expect(impatient(link('/slow/0'))).rejects.toMatchObject({
      code: 'fetch_timeout',
      details: { url: expect.stringMatching(/\/slow\/[1-9]$/) },
    });
    await impatient.close();
  });

  it('refuses a sixth redirect', async () => {
    await expect(guardedFetch(link('/chain/5'))).rejects.toMatchObject({
      code: 'too_many_redirects',
      message: 'too many redirects',
    });
  });

  it('counts a redirect loop like any other hops', async () => {
    const before = fixture.requests.filter((path) => path === '/loop').length;
    await expect(guardedFetch(link('/loop'))).rejects.toMatchObject({
      code: 'too_many_redirects',
    });
    expect(fixture.requests.filter((path) => path === '/loop').length - before).toBe(6);
  });

  it('refuses a 3xx with no Location instead of reading it as the page', async () => {
    await expect(guardedFetch(link('/nowhere'))).rejects.toMatchObject({
      code: 'http_status',
      details: { status: 302 },
    });
  });

  it.each([
    ['a loopback IP literal', '/to-literal', 'blocked_address'],
    ['a loopback literal spelled as a decimal', '/to-decimal-literal', 'blocked_address'],
    ['an IPv4-mapped IPv6 literal', '/to-mapped-literal', 'blocked_address'],
    ['localhost', '/to-localhost', 'blocked_address'],
    ['a userinfo trick hiding a literal', '/to-userinfo', 'blocked_address'],
    ['file:', '/to-file', 'blocked_scheme'],
    ['gopher:', '/to-gopher', 'blocked_scheme'],
    ['a port that is not allowed', '/to-port', 'blocked_port'],
    ['a Location that is not a valid link', '/to-invalid', 'invalid_url'],
  ])('refuses a redirect to %s without looking it up', async (_name, path, code) => {
    const lookups = resolver.calls.length;
    await expect(guardedFetch(link(path))).rejects.toMatchObject({
      code,
      details: { redirectedFrom: link(path) },
    });
    // Only the first hop (site.test) may have been resolved; the target never is.
    expect(resolver.calls.slice(lookups).every((name) => name === 'site.test')).toBe(true);
    expect(canary.connections).toBe(0);
  });

  it('names the refused target and where the redirect came from', async () => {
    await expect(guardedFetch(link('/to-literal'))).rejects.toMatchObject({
      code: 'blocked_address',
      message: expect.stringContaining(`(the site \`site.test\` redirected there)`),
      details: {
        url: `http://127.0.0.1:${canary.port}/`,
        address: '127.0.0.1',
        redirectedFrom: link('/to-literal'),
      },
    });
  });

  it('refuses a redirect to a name that resolves to a private address', async () => {
    await expect(guardedFetch(link('/to-private-name'))).rejects.toMatchObject({
      code: 'blocked_address',
      details: {
        url: `http://private.test:${canary.port}/`,
        host: 'private.test',
        address: '127.0.0.1',
      },
    });
    expect(resolver.calls).toContain('private.test');
    expect(canary.connections).toBe(0);
  });
});
