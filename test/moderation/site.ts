import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ARTICLE_TEXT } from '../../testkit/scripted-pipeline.ts';

export const LONG_TITLE =
  'Biden-Putin Talks Provide No Breakthrough in Ukraine Tensions as Both Sides Restate Their Positions at Length';

function page(title: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
}

const PARAGRAPHS = ARTICLE_TEXT.split('\n\n')
  .filter((p) => p.trim().length > 0)
  .slice(3);

/** Articles on a loopback site, so links in tests never reach the internet. */
const PAGES: Record<string, string> = {
  '/news/talks': page('Biden-Putin Talks Provide No Breakthrough', PARAGRAPHS),
  '/news/second': page('A Second Report on the Talks', PARAGRAPHS.slice().reverse()),
  '/news/third': page('A Third Report on the Talks', PARAGRAPHS.slice(1)),
  '/news/long-title': page(LONG_TITLE, PARAGRAPHS),
};

export interface Site {
  port: number;
  /** http://127.0.0.1:PORT + path */
  url(path: string): string;
  /** Paths requested so far. */
  hits: string[];
  close(): Promise<void>;
}

export async function startSite(): Promise<Site> {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    hits.push(path);
    const html = PAGES[path];
    if (!html) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
