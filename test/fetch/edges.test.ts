import type http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import {
  createGuardedFetch,
  type GuardedFetch,
  type Resolver,
} from '../../src/core/fetch/index.ts';
import { UserError } from '../../src/shared/errors.ts';
import { rejectedWithUserError } from '../../testkit/user-error.ts';
import { startFixture, startRawFixture, stubResolver } from './loopback.ts';

const page = '<html><body><p>Hello from a raw deflate page.</p></body></html>';
const MB = 1024 * 1024;

const routes: Record<string, http.RequestListener> = {
  '/raw-deflate': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' });
    res.end(zlib.deflateRawSync(page));
  },
  '/raw-deflate-bomb': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' });
    res.end(zlib.deflateRawSync(Buffer.alloc(50 * MB)));
  },
  '/marked-up-type': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/[verify](https://attacker.test)`x' });
    res.end('x');
  },
  '/marked-up-location': (_req, res) => {
    res.writeHead(302, {
      location: 'http://exa mple.test/ [Verify your account](https://attacker.test) `x`',
    });
    res.end();
  },
};
const site = await startFixture((req, res) => routes[req.url ?? '']?.(req, res));
afterAll(() => site.close());

let fetchers: GuardedFetch[] = [];
afterEach(async () => {
  await Promise.all(fetchers.map((f) => f.close()));
  fetchers = [];
});
function guarded(
  lookup: Resolver = stubResolver({}).lookup,
  deadlineMs = 5_000,
  ports: number[] = [],
) {
  const f = createGuardedFetch({
    lookup,
    allowHosts: ['127.0.0.1'],
    allowPorts: [80, 443, site.port, ...ports],
    deadlineMs,
    maxBytes: MB,
  });
  fetchers.push(f);
  return f;
}

describe('a DNS lookup that never returns', () => {
  it('GIVEN a resolver that never answers THEN the fetch deadline settles the fetch as fetch_timeout', async () => {
    const silent: Resolver = () => {};
    const error = await rejectedWithUserError(guarded(silent, 300)('http://silent.test/'));
    expect(error.code).toBe('fetch_timeout');
  });

  it("GIVEN a resolver that never answers THEN the caller's signal ends the fetch at once", async () => {
    let asked: () => void = () => {};
    const lookupStarted = new Promise<void>((resolve) => {
      asked = resolve;
    });
    const silent: Resolver = () => asked();
    const controller = new AbortController();
    const fetching = rejectedWithUserError(
      guarded(silent, 60_000)('http://silent.test/', { signal: controller.signal }),
    );
    await lookupStarted;
    controller.abort(new UserError('deadline', 'the summary took too long and was stopped'));
    expect((await fetching).code).toBe('deadline');
  });
});

describe('responses that are not valid HTTP', () => {
  it.each([
    [
      'a bare CR in a header',
      'HTTP/1.1 200 OK\r\nContent-Type: text/html\rX: y\r\nContent-Length: 2\r\n\r\nhi',
    ],
    ['an HTTP/0.9 reply', '<html><body>hello</body></html>'],
    ['a garbage status line', 'FOO BAR BAZ\r\n\r\n'],
  ])(
    'GIVEN %s THEN it is fetch_failed: the site sent a response that is not valid HTTP',
    async (_name, reply) => {
      const raw = await startRawFixture((socket) => socket.once('data', () => socket.end(reply)));
      try {
        const error = await rejectedWithUserError(
          guarded(undefined, 5_000, [raw.port])(`http://127.0.0.1:${raw.port}/`),
        );
        expect(error.code).toBe('fetch_failed');
        expect(error.message).toBe('the site sent a response that is not valid HTTP');
      } finally {
        await raw.close();
      }
    },
  );
});

describe('raw deflate', () => {
  it('GIVEN Content-Encoding deflate without the zlib wrapper THEN the page decodes as in a browser', async () => {
    const fetched = await guarded()(`http://127.0.0.1:${site.port}/raw-deflate`);
    expect(new TextDecoder().decode(fetched.bytes)).toBe(page);
  });

  it('GIVEN a raw deflate bomb THEN it stops at the decoded cap', async () => {
    const error = await rejectedWithUserError(
      guarded()(`http://127.0.0.1:${site.port}/raw-deflate-bomb`),
    );
    expect(error.code).toBe('too_large');
  });
});

describe('values a site controls, in messages', () => {
  it('GIVEN a Content-Type holding a masked link THEN the message shows it as one inert code span', async () => {
    const error = await rejectedWithUserError(
      guarded()(`http://127.0.0.1:${site.port}/marked-up-type`),
    );
    expect(error.code).toBe('not_article');
    expect(error.message).toBe(
      "this link is a `application/[verify](https://attacker.test)'x` file, not an article",
    );
  });

  it('GIVEN an unparseable Location holding a masked link THEN it is shown as one inert code span', async () => {
    const error = await rejectedWithUserError(
      guarded()(`http://127.0.0.1:${site.port}/marked-up-location`),
    );
    expect(error.code).toBe('invalid_url');
    expect(error.message).toBe(
      "the site redirected to `http://exa mple.test/ [Verify your account](https://attacker.test) 'x'`, which is not a valid link",
    );
  });

  it('GIVEN a 94 kB host name THEN the message holds at most 100 characters of it', async () => {
    const host = `${'a'.repeat(60).concat('.').repeat(1550)}test`;
    const error = await rejectedWithUserError(guarded()(`http://${host}/`));
    expect(error.code).toBe('dns_failed');
    expect(error.message.length).toBeLessThan(140);
    expect(error.message).toMatch(/^could not find the site `a{60}\.a+…`$/);
  });
});

describe('FETCH_ALLOW_HOSTS', () => {
  it.each(['*', '*.', '*..', 'a..b', '.corp', 'wiki corp'])(
    'GIVEN %j THEN startup fails with the ConfigError naming the entry',
    (value) => {
      expect(() => loadConfig({ FETCH_ALLOW_HOSTS: `wiki.corp, ${value}` })).toThrow(ConfigError);
      expect(() => loadConfig({ FETCH_ALLOW_HOSTS: value })).toThrow(
        `"${value}" is not a host name (wiki.corp or *.corp), an IP address or a CIDR range`,
      );
    },
  );

  it('GIVEN names, wildcards, addresses and CIDRs THEN they are accepted', () => {
    const value = 'wiki.corp, *.intranet, 10.1.2.3, 10.0.0.0/8, [fd00::1], fd00::/8';
    expect(loadConfig({ FETCH_ALLOW_HOSTS: value }).FETCH_ALLOW_HOSTS).toBe(value);
  });
});
