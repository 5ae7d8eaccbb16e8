import { afterEach, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index.ts';
import { createExtractionPool, type ExtractionPool } from '../../src/core/extract/pool.ts';
import { createPipeline } from '../../src/core/pipeline.ts';
import { describeUserError, isUserError, UserError } from '../../src/shared/errors.ts';
import { ARTICLE_PARAGRAPH, HOSTILE_PAGES } from '../../testkit/extract/hostile-pages.ts';

const NORMAL = `<!doctype html><html><head><title>Ferry terminal</title></head><body><article>${ARTICLE_PARAGRAPH}</article></body></html>`;
const encode = (html: string) => new TextEncoder().encode(html);
const html = (pool: ExtractionPool, page: string, signal?: AbortSignal) =>
  extractDocument({ bytes: encode(page), contentType: 'text/html', url: null }, { pool, signal });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the extraction to fail');
    },
    (error: unknown) => error,
  );

let pool: ExtractionPool;
afterEach(() => pool.close());

describe('GIVEN a page that runs past the time limit', () => {
  it('THEN it is refused as too complex to read, and the next page is served', async () => {
    // The 4.5 MB page takes seconds; a 200 ms limit ends it mid-parse.
    pool = createExtractionPool({ threads: 1, timeLimitMs: 200 });
    const error = await failure(html(pool, HOSTILE_PAGES.singleLine()));
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({
      code: 'too_complex',
      message: 'this page is too complex to read',
      details: { reason: 'time_limit' },
    });
    expect((await html(pool, NORMAL)).title).toBe('Ferry terminal');
  });

  it('THEN killed workers are replaced, never more threads than the pool allows', async () => {
    pool = createExtractionPool({ threads: 1, timeLimitMs: 200 });
    for (let i = 0; i < 3; i++) {
      expect(isUserError(await failure(html(pool, HOSTILE_PAGES.singleLine())))).toBe(true);
    }
    expect((await html(pool, NORMAL)).title).toBe('Ferry terminal');
    expect(pool.threads).toBe(1);
  });
});

describe('GIVEN a page that needs more memory than a worker has', () => {
  it('THEN it is refused as too complex to read, and the next page is served', async () => {
    pool = createExtractionPool({ threads: 1, heapMb: 40 });
    const error = await failure(html(pool, HOSTILE_PAGES.singleLine()));
    expect(error).toMatchObject({ code: 'too_complex', details: { reason: 'memory' } });
    expect((await html(pool, NORMAL)).title).toBe('Ferry terminal');
  });
});

describe('GIVEN a page with control and bidi characters', () => {
  it('THEN the document from the worker comes back without them', async () => {
    pool = createExtractionPool({ threads: 1 });
    const page = NORMAL.replace('Ferry terminal', 'Ferry\u001b]0;x\u0007 terminal\u202e').replace(
      '<p>',
      '<p>\u001b[2J\u200b',
    );
    const document = await html(pool, page);
    expect(document.title).toBe('Ferry]0;x terminal');
    expect(document.text.startsWith('[2JThe harbour council')).toBe(true);
  });
});

describe("GIVEN the job's deadline", () => {
  it('THEN a deadline passing mid-extraction ends it with the deadline as the reason', async () => {
    pool = createExtractionPool({ threads: 1 });
    const deadline = new AbortController();
    const running = failure(html(pool, HOSTILE_PAGES.singleLine(), deadline.signal));
    const reason = new Error('the job deadline passed');
    setImmediate(() => deadline.abort(reason));
    expect(await running).toBe(reason);
    expect((await html(pool, NORMAL)).title).toBe('Ferry terminal');
  });

  it('THEN the pipeline reports its deadline when extraction outlasts it', async () => {
    pool = createExtractionPool({ threads: 1 });
    const pipeline = createPipeline({
      llm: null,
      deadlineMs: 300,
      extractFile: (file, signal) =>
        extractDocument(
          { bytes: file.bytes, contentType: file.contentType, url: null, fileName: file.name },
          { pool, signal },
        ),
    });
    const bytes = encode(HOSTILE_PAGES.singleLine());
    const input = { kind: 'file' as const, name: 'long.html', bytes, contentType: 'text/html' };
    await expect(pipeline.summarize(input)).rejects.toMatchObject({ code: 'deadline' });
    expect((await html(pool, NORMAL)).title).toBe('Ferry terminal');
  });

  it('THEN a job already past its deadline starts no extraction', async () => {
    pool = createExtractionPool({ threads: 1 });
    const reason = new Error('too late');
    expect(await failure(html(pool, NORMAL, AbortSignal.abort(reason)))).toBe(reason);
    expect(pool.threads).toBe(0);
  });
});

describe('GIVEN a closed pool', () => {
  it('THEN no worker thread is left running', async () => {
    pool = createExtractionPool({ threads: 2 });
    await html(pool, NORMAL);
    expect(pool.threads).toBeGreaterThan(0);
    await pool.close();
    expect(pool.threads).toBe(0);
  });
});

describe('GIVEN a pool whose queue is full', () => {
  it('THEN one more page is turned away as busy at once, and the queued page is still read', async () => {
    pool = createExtractionPool({ threads: 1, maxQueue: 1 });
    const hold = new AbortController();
    // The 4.5 MB page keeps the one thread busy until it is cancelled below.
    const running = failure(html(pool, HOSTILE_PAGES.singleLine(), hold.signal));
    const queued = html(pool, NORMAL);
    const error = await failure(html(pool, NORMAL));
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({
      code: 'busy',
      message: 'Precis is busy reading other pages',
      details: { reason: 'extraction_queue_full', maxQueue: 1 },
    });
    expect(describeUserError(error as UserError)).toBe(
      'Precis is busy reading other pages. Try again shortly.',
    );
    const reason = new Error('cancelled');
    hold.abort(reason);
    expect(await running).toBe(reason);
    expect((await queued).title).toBe('Ferry terminal');
  });

  it('THEN a page is accepted again once the queue has room', async () => {
    pool = createExtractionPool({ threads: 1, maxQueue: 1 });
    const first = html(pool, NORMAL);
    const second = html(pool, NORMAL);
    expect(await failure(html(pool, NORMAL))).toMatchObject({ code: 'busy' });
    await Promise.all([first, second]);
    expect((await html(pool, NORMAL)).title).toBe('Ferry terminal');
  });
});
