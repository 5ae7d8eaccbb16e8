import type http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch, type GuardedFetch } from '../../src/core/fetch/index.ts';
import { type Fixture, startFixture, stubResolver } from './loopback.ts';

// Concurrent requests for the same URL share one fetch; each caller may still leave on its own.
let fixture: Fixture;
let guardedFetch: GuardedFetch;
let held: { path: string; res: http.ServerResponse }[] = [];
let onHeld: (() => void) | undefined;
let closedEarly = 0;

/** Resolves when the server holds `count` requests, without polling. */
function requestsHeld(count: number): Promise<void> {
  if (held.length >= count) return Promise.resolve();
  return new Promise((resolve) => {
    onHeld = () => {
      if (held.length >= count) resolve();
    };
  });
}

function release(status = 200) {
  for (const { res } of held.splice(0)) {
    res.writeHead(status, { 'content-type': 'text/html' }).end('<p>shared</p>');
  }
}

beforeAll(async () => {
  fixture = await startFixture((req, res) => {
    held.push({ path: req.url ?? '', res });
    res.on('close', () => {
      if (!res.writableEnded) closedEarly++;
    });
    onHeld?.();
  });
  guardedFetch = createGuardedFetch({
    lookup: stubResolver({ 'site.test': ['127.0.0.1'] }).lookup,
    allowHosts: ['site.test'],
    allowPorts: [fixture.port],
  });
});
afterEach(() => {
  release();
  held = [];
});
afterAll(async () => {
  await guardedFetch.close();
  await fixture.close();
});

const link = (path: string) => `http://site.test:${fixture.port}${path}`;

describe('sharing one in-flight fetch', () => {
  it('sends one request for concurrent fetches of the same URL', async () => {
    const before = fixture.requests.length;
    const pending = [
      guardedFetch(link('/same')),
      guardedFetch(`${link('/same')}#a-fragment`),
      guardedFetch(`http://SITE.test:${fixture.port}/same`),
    ];
    await requestsHeld(1);
    release();
    const pages = await Promise.all(pending);
    expect(fixture.requests.length - before).toBe(1);
    expect(pages[1]).toBe(pages[0]);
    expect(pages[2]).toBe(pages[0]);
  });

  it('gives every caller the same error', async () => {
    const pending = [guardedFetch(link('/gone')), guardedFetch(link('/gone'))];
    await requestsHeld(1);
    release(404);
    for (const promise of pending) {
      await expect(promise).rejects.toMatchObject({
        code: 'http_status',
        details: { status: 404 },
      });
    }
  });

  it('fetches different URLs separately', async () => {
    const pending = [guardedFetch(link('/one')), guardedFetch(link('/two'))];
    await requestsHeld(2);
    expect(held.map(({ path }) => path).sort()).toEqual(['/one', '/two']);
    release();
    await Promise.all(pending);
  });

  it('fetches again once the shared fetch has finished', async () => {
    const first = guardedFetch(link('/again'));
    await requestsHeld(1);
    release();
    await first;
    const second = guardedFetch(link('/again'));
    await requestsHeld(1);
    release();
    await second;
    expect(fixture.requests.filter((path) => path === '/again')).toHaveLength(2);
  });

  it('detaches only the caller whose signal aborted', async () => {
    const controller = new AbortController();
    const leaving = guardedFetch(link('/leave'), { signal: controller.signal });
    const staying = guardedFetch(link('/leave'));
    await requestsHeld(1);
    controller.abort(new Error('this caller left'));
    await expect(leaving).rejects.toThrow('this caller left');
    release();
    await expect(staying).resolves.toMatchObject({ status: 200 });
  });

  it('aborts the request when every caller has left', async () => {
    const first = new AbortController();
    const second = new AbortController();
    const closed = closedEarly;
    const pending = [
      guardedFetch(link('/abandoned'), { signal: first.signal }),
      guardedFetch(link('/abandoned'), { signal: second.signal }),
    ];
    await requestsHeld(1);
    const [held0] = held;
    const socketClosed = new Promise((resolve) => held0?.res.on('close', resolve));
    first.abort(new Error('gone'));
    second.abort(new Error('gone'));
    await expect(Promise.all(pending)).rejects.toThrow('gone');
    await socketClosed;
    expect(closedEarly - closed).toBe(1);
  });
});
