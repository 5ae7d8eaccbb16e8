import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, extractionPoolOptions, loadConfig } from '../../src/config.ts';
import { extractDocument } from '../../src/core/extract/index.ts';
import { EXTRACT_LIMITS } from '../../src/core/extract/limits.ts';
import { createExtractionPool, type ExtractionPool } from '../../src/core/extract/pool.ts';
import { ARTICLE_PARAGRAPH } from '../../testkit/extract/hostile-pages.ts';

const PAGE = `<!doctype html><html><head><title>Ferry terminal</title></head><body><article>${ARTICLE_PARAGRAPH}</article></body></html>`;

let pool: ExtractionPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('GIVEN no EXTRACT_ variables', () => {
  it('THEN the pool gets the safe defaults, and the thread count is left to the cores', () => {
    expect(extractionPoolOptions(loadConfig({}))).toEqual({
      threads: undefined,
      heapMb: EXTRACT_LIMITS.workerHeapMb,
      timeLimitMs: EXTRACT_LIMITS.timeLimitMs,
      maxQueue: EXTRACT_LIMITS.maxQueue,
    });
  });
});

describe('GIVEN EXTRACT_ variables', () => {
  it('THEN they set the threads, heap, time limit and queue of the pool', () => {
    const config = loadConfig({
      EXTRACT_THREADS: '2',
      EXTRACT_HEAP_MB: '512',
      EXTRACT_TIME_LIMIT_MS: '5000',
      EXTRACT_MAX_QUEUE: '10',
    });
    expect(extractionPoolOptions(config)).toEqual({
      threads: 2,
      heapMb: 512,
      timeLimitMs: 5000,
      maxQueue: 10,
    });
  });

  it('THEN a pool built from them turns away the page past threads + queue as busy', async () => {
    const config = loadConfig({ EXTRACT_THREADS: '1', EXTRACT_MAX_QUEUE: '1' });
    pool = createExtractionPool(extractionPoolOptions(config));
    const read = () =>
      extractDocument(
        { bytes: new TextEncoder().encode(PAGE), contentType: 'text/html', url: null },
        { pool },
      );
    const accepted = [read(), read()];
    await expect(read()).rejects.toMatchObject({ code: 'busy' });
    for (const document of await Promise.all(accepted))
      expect(document.title).toBe('Ferry terminal');
  });

  it('THEN bad values stop start-up with one error naming each and what it expects', () => {
    const load = () =>
      loadConfig({
        EXTRACT_THREADS: '0',
        EXTRACT_HEAP_MB: 'lots',
        EXTRACT_TIME_LIMIT_MS: '10',
        EXTRACT_MAX_QUEUE: '0',
      });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      [
        'Invalid configuration:',
        '  EXTRACT_THREADS="0": expected a whole number of threads from 1 to 64',
        '  EXTRACT_HEAP_MB="lots": expected megabytes from 64 to 8192',
        '  EXTRACT_TIME_LIMIT_MS="10": expected milliseconds from 1000 to 840000',
        '  EXTRACT_MAX_QUEUE="0": expected a whole number of pages from 1 to 100000',
      ].join('\n'),
    );
  });
});
