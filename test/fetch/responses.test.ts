import type http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch, type GuardedFetchOptions } from '../../src/core/fetch/index.ts';
import { type Fixture, startFixture, startRawFixture, stubResolver } from './loopback.ts';

const MB = 1024 * 1024;
const gzipBomb = zlib.gzipSync(Buffer.alloc(50 * MB));
const brotliBomb = zlib.brotliCompressSync(Buffer.alloc(50 * MB), {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 },
});
const page = '<html><body><p>Hello, world.</p></body></html>';

const timers = new Set<NodeJS.Timeout>();
const routes: Record<string, http.RequestListener> = {
  '/article': (_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; Charset="ISO-8859-1"',
      'cache-control': 'private, max-age=60',
    });
    res.end(page);
  },
  '/plain': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'public, max-age=300' });
    res.end('just text');
  },
  '/no-type': (_req, res) => {
    res.end(page);
  },
  '/gzip': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    res.end(zlib.gzipSync(page));
  },
  '/deflate': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' });
    res.end(zlib.deflateSync(page));
  },
  '/br': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' });
    res.end(zlib.brotliCompressSync(page));
  },
  '/unknown-encoding': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'zstd' });
    res.end('????');
  },
  '/huge': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const write = () => {
      while (sent < 8 * MB) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', write);
      }
      res.end();
    };
    write();
  },
  '/exactly-cap': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(Buffer.alloc(5 * MB, 'a'));
  },
  // Declares more than the cap and never finishes: refused from the header, not the deadline.
  '/declared-huge': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(10 * MB) });
    res.write('<html>');
  },
  '/gzip-bomb': (_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html',
      'content-encoding': 'gzip',
      'content-length': String(gzipBomb.length),
    });
    res.end(gzipBomb);
  },
  '/brotli-bomb': (_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html',
      'content-encoding': 'br',
      'content-length': String(brotliBomb.length),
    });
    res.end(brotliBomb);
  },
  '/trickle': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const timer = setInterval(() => res.write('a'), 200);
    timers.add(timer);
    res.on('close', () => clearInterval(timer));
  },
  '/no-headers': () => {},
  '/reset': (req) => {
    req.socket.destroy();
  },
};

const typeRoutes = [
  'video/mp4',
  'audio/mpeg',
  'image/png',
  'application/octet-stream',
  'application/zip',
];
const statusRoutes = [401, 402, 403, 404, 410, 418, 429, 451, 500, 503];

let fixture: Fixture;
beforeAll(async () => {
  fixture = await startFixture((req, res) => {
    const path = req.url ?? '';
    const type = /^\/type\/(.+)$/.exec(path)?.[1];
    const status = /^\/status\/(\d+)$/.exec(path)?.[1];
    if (type) {
      res.writeHead(200, { 'content-type': decodeURIComponent(type) });
      return void res.end('binary');
    }
    if (status) {
      res.writeHead(Number(status), { 'content-type': 'text/html' });
      return void res.end('<p>error page</p>');
    }
    const route = routes[path];
    if (route) return void route(req, res);
    res.writeHead(500).end();
  });
});
afterAll(async () => {
  for (const timer of timers) clearInterval(timer);
  await fixture.close();
});

function guarded(options: GuardedFetchOptions = {}) {
  return createGuardedFetch({
    lookup: stubResolver({ 'site.test': ['127.0.0.1'] }).lookup,
    allowHosts: ['site.test'],
    allowPorts: [fixture.port],
    ...options,
  });
}
const link = (path: string) => `http://site.test:${fixture.port}${path}`;

describe('a readable page', () => {
  it('returns the bytes and metadata of a normal HTML page', async () => {
    const guardedFetch = guarded();
    const fetched = await guardedFetch(`${link('/article')}#section`);
    await guardedFetch.close();
    expect(fetched).toMatchObject({
      url: link('/article'),
      status: 200,
      contentType: 'text/html',
      charset: 'iso-8859-1',
      redirects: [],
      noStore: true,
      maxAgeSeconds: 60,
    });
    expect(fetched.headers['cache-control']).toBe('private, max-age=60');
    expect(Buffer.from(fetched.bytes).toString()).toBe(page);
  });

  it('returns a cacheable plain-text page with no charset', async () => {
    const fetched = await guarded()(link('/plain'));
    expect(fetched).toMatchObject({
      contentType: 'text/plain',
      charset: null,
      noStore: false,
      maxAgeSeconds: 300,
    });
  });

  it('leaves a page without Content-Type to extraction to sniff', async () => {
    const fetched = await guarded()(link('/no-type'));
    expect(fetched.contentType).toBe('');
    expect(Buffer.from(fetched.bytes).toString()).toBe(page);
  });

  it('sends a polite user agent and asks for compressed bodies', async () => {
    let seen: http.IncomingHttpHeaders = {};
    const echo = await startFixture((req, res) => {
      seen = req.headers;
      res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    });
    const guardedFetch = createGuardedFetch({ allowHosts: ['127.0.0.1'], allowPorts: [echo.port] });
    await guardedFetch(`http://127.0.0.1:${echo.port}/`);
    await guardedFetch.close();
    await echo.close();
    expect(seen['user-agent']).toMatch(/^PrecisBot\/0\.1 \(\+https:\/\/github\.com\/precis-bot/);
    expect(seen['accept-encoding']).toBe('gzip, deflate, br');
  });

  it.each(['/gzip', '/deflate', '/br'])('decodes a %s body', async (path) => {
    const fetched = await guarded()(link(path));
    expect(Buffer.from(fetched.bytes).toString()).toBe(page);
  });

  it('accepts a body of exactly the cap', async () => {
    const fetched = await guarded()(link('/exactly-cap'));
    expect(fetched.bytes.length).toBe(5 * MB);
  });
});

describe('bodies that are too large', () => {
  const cases: [string, string][] = [
    ['a streamed body over 5 MB stops at the cap', '/huge'],
    ['a Content-Length over the cap is refused from the header', '/declared-huge'],
    ['a gzip bomb stops at the decoded cap', '/gzip-bomb'],
    ['a brotli bomb stops at the decoded cap', '/brotli-bomb'],
  ];
  it.each(cases)('%s', async (_name, path) => {
    await expect(guarded()(link(path))).rejects.toMatchObject({
      code: 'too_large',
      message: 'the page is larger than 5 MB',
      details: { url: link(path) },
    });
  });

  it('counts the cap in decoded bytes, not wire bytes', async () => {
    expect(gzipBomb.length).toBeLessThan(MB);
    await expect(guarded({ maxBytes: 10 * MB })(link('/gzip-bomb'))).rejects.toMatchObject({
      code: 'too_large',
      message: 'the page is larger than 10 MB',
    });
  });

  it('never returns more than a Content-Length that understates the body', async () => {
    const raw = await startRawFixture((socket) => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 100\r\n\r\n');
      socket.end(Buffer.alloc(6 * MB, 'a'));
    });
    const guardedFetch = createGuardedFetch({ allowHosts: ['127.0.0.1'], allowPorts: [raw.port] });
    const fetched = await guardedFetch(`http://127.0.0.1:${raw.port}/`);
    await guardedFetch.close();
    await raw.close();
    expect(fetched.bytes.length).toBe(100);
  });
});

describe('one overall deadline', () => {
  const cases: [string, string][] = [
    ['a body trickling a byte every 200 ms stops at the deadline', '/trickle'],
    ['headers that never come stop at the deadline', '/no-headers'],
  ];
  it.each(cases)('%s', async (_name, path) => {
    const started = Date.now();
    await expect(guarded({ deadlineMs: 1000 })(link(path))).rejects.toMatchObject({
      code: 'fetch_timeout',
      message: 'the page took too long to load',
      details: { url: link(path), host: 'site.test' },
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a DNS lookup that never answers stops at the deadline', async () => {
    const guardedFetch = createGuardedFetch({
      lookup: () => {},
      allowPorts: [fixture.port],
      deadlineMs: 300,
    });
    await expect(guardedFetch(link('/article'))).rejects.toMatchObject({ code: 'fetch_timeout' });
  });

  it("the caller's abort signal stops the fetch with the caller's reason", async () => {
    const controller = new AbortController();
    const pending = guarded()(link('/no-headers'), { signal: controller.signal });
    controller.abort(new Error('user cancelled'));
    await expect(pending).rejects.toThrow('user cancelled');
  });
});

describe('pages that are not articles', () => {
  it.each([
    ['video/mp4', 'this link is a video file, not an article'],
    ['audio/mpeg', 'this link is an audio file, not an article'],
    ['image/png', 'this link is an image file, not an article'],
    ['application/octet-stream', 'this link is a download, not an article'],
    ['application/zip', 'this link is an archive, not an article'],
  ])('%s is not an article', async (type, message) => {
    expect(typeRoutes).toContain(type);
    await expect(guarded()(link(`/type/${encodeURIComponent(type)}`))).rejects.toMatchObject({
      code: 'not_article',
      message,
      details: { contentType: type },
    });
  });

  it.each(['text/markdown', 'application/pdf', 'application/xhtml+xml'])(
    '%s is accepted',
    async (type) => {
      const fetched = await guarded()(link(`/type/${encodeURIComponent(type)}`));
      expect(fetched.contentType).toBe(type);
    },
  );
});

describe('error statuses', () => {
  it.each([
    [
      401,
      'could_not_read',
      'could not read this page: the site requires a login or subscription (status 401)',
    ],
    [
      402,
      'could_not_read',
      'could not read this page: the site requires a login or subscription (status 402)',
    ],
    [
      403,
      'could_not_read',
      'could not read this page: the site requires a login or subscription (status 403)',
    ],
    [
      451,
      'could_not_read',
      'could not read this page: the page is unavailable for legal reasons (status 451)',
    ],
    [404, 'http_status', 'the page was not found (status 404)'],
    [410, 'http_status', 'the page was not found (status 410)'],
    [418, 'http_status', 'the site refused the request (status 418)'],
    [429, 'http_status', 'the site is refusing requests right now (status 429)'],
    [500, 'http_status', 'the site had an error (status 500)'],
    [503, 'http_status', 'the site had an error (status 503)'],
  ])('status %i is %s', async (status, code, message) => {
    expect(statusRoutes).toContain(status);
    await expect(guarded()(link(`/status/${status}`))).rejects.toMatchObject({
      code,
      message,
      details: { status, url: link(`/status/${status}`), host: 'site.test' },
    });
  });
});

describe('connection failures', () => {
  it('a refused connection is fetch_failed', async () => {
    const closed = await startFixture(() => {});
    await closed.close();
    const guardedFetch = createGuardedFetch({
      allowHosts: ['127.0.0.1'],
      allowPorts: [closed.port],
    });
    await expect(guardedFetch(`http://127.0.0.1:${closed.port}/`)).rejects.toMatchObject({
      code: 'fetch_failed',
      message: 'could not connect to `127.0.0.1`: the connection was refused',
    });
  });

  it('a connection reset before the response is fetch_failed', async () => {
    await expect(guarded()(link('/reset'))).rejects.toMatchObject({
      code: 'fetch_failed',
      message: 'the connection to `site.test` was closed before the page arrived',
    });
  });

  it('an encoding Precis cannot decode is fetch_failed', async () => {
    await expect(guarded()(link('/unknown-encoding'))).rejects.toMatchObject({
      code: 'fetch_failed',
      message: expect.stringContaining('`zstd`'),
    });
  });
});
