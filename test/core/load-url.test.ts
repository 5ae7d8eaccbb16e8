import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createGuardedFetch } from '../../src/core/fetch/index.ts';
import { loadSource } from '../../src/core/inputs/index.ts';
import { createMemoryDocumentCache, createUrlLoader } from '../../src/core/load-url.ts';

const paragraph =
  'The ferry will run every twenty minutes from the harbour to the island this summer. ';
const page = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>${`<p>${paragraph.repeat(6)}</p>`.repeat(4)}</article></body></html>`;

const hits = new Map<string, number>();
const server = createServer((request, response) => {
  const path = request.url ?? '/';
  hits.set(path, (hits.get(path) ?? 0) + 1);
  const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
  if (path.startsWith('/private')) headers['cache-control'] = 'no-store';
  if (path.startsWith('/short')) headers['cache-control'] = 'max-age=60';
  // Two links, one page: the same bytes under both.
  const title = path.startsWith('/mirror') ? 'Ferry news mirrored' : `Ferry news ${path}`;
  response.writeHead(200, headers).end(page(title));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const guardedFetch = createGuardedFetch({
  allowHosts: ['127.0.0.1'],
  allowPorts: [(server.address() as AddressInfo).port],
});
afterAll(async () => {
  await guardedFetch.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('loading a link', () => {
  it('GIVEN the same link twice THEN the page is fetched once', async () => {
    const load = createUrlLoader({ guardedFetch });
    const first = await load(`${base}/twice`);
    const second = await load(`${base}/twice`);
    expect(second).toEqual(first);
    expect(hits.get('/twice')).toBe(1);
  });

  it('GIVEN a page that says no-store THEN it is fetched again every time', async () => {
    const load = createUrlLoader({ guardedFetch });
    await load(`${base}/private`);
    await load(`${base}/private`);
    expect(hits.get('/private')).toBe(2);
  });

  it('GIVEN a page whose max-age has passed THEN it is fetched again', async () => {
    let now = 0;
    const load = createUrlLoader({ guardedFetch, cache: createMemoryDocumentCache(() => now) });
    await load(`${base}/short`);
    now += 59_000;
    await load(`${base}/short`);
    expect(hits.get('/short')).toBe(1);
    now += 1_000;
    await load(`${base}/short`);
    expect(hits.get('/short')).toBe(2);
  });

  it('GIVEN two links serving the same bytes THEN each document links the one that was asked for', async () => {
    const load = createUrlLoader({ guardedFetch });
    await load(`${base}/mirror-a`);
    const second = await load(`${base}/mirror-b`);
    expect(second.url).toBe(`${base}/mirror-b`);
    expect(await load(`${base}/mirror-b`)).toMatchObject({ url: `${base}/mirror-b` });
  });

  it('GIVEN a link with user:pass@ THEN the source keeps the link without them', async () => {
    const text = paragraph.repeat(4);
    const source = await loadSource(
      { kind: 'message', text, url: 'https://admin:hunter2@news.example/talks#top' },
      {},
    );
    expect(source.document.url).toBe('https://news.example/talks#top');
  });
});
