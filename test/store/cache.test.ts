import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createStoreCaches } from '../../src/app/store-caches.ts';
import { DATABASES, useStore } from './databases.ts';
import { sampleDocument, sampleResult } from './fixtures.ts';

const KEY = `${'a'.repeat(64)}|summarize@1+0123abcd|gpt-test|medium,bullets,auto`;
const URL = 'https://news.example/cats';

describe.each(DATABASES)('summary cache on $name', (database) => {
  const t = useStore(database);

  it('misses a key that was never stored', async () => {
    expect(await t.store.getCachedResult(KEY)).toBeNull();
  });

  it('returns the stored Result unchanged', async () => {
    await t.store.putCachedResult(KEY, sampleResult(), { ttlSeconds: 3600 });
    expect(await t.store.getCachedResult(KEY)).toEqual(sampleResult());
  });

  it('still returns an entry one second before it expires', async () => {
    await t.store.putCachedResult(KEY, sampleResult(), { ttlSeconds: 3600 });
    t.clock.advance(3599);
    expect(await t.store.getCachedResult(KEY)).not.toBeNull();
  });

  it('ignores an entry once its time to live has passed', async () => {
    await t.store.putCachedResult(KEY, sampleResult(), { ttlSeconds: 3600 });
    t.clock.advance(3600);
    expect(await t.store.getCachedResult(KEY)).toBeNull();
  });

  it('replaces an entry stored again under the same key and restarts its lifetime', async () => {
    await t.store.putCachedResult(KEY, sampleResult('old'), { ttlSeconds: 60 });
    t.clock.advance(50);
    await t.store.putCachedResult(KEY, sampleResult('new'), { ttlSeconds: 60 });
    t.clock.advance(50);
    expect((await t.store.getCachedResult(KEY))?.summary.tldr).toBe('new');
  });

  it('keeps entries under different keys apart', async () => {
    await t.store.putCachedResult(KEY, sampleResult(), { ttlSeconds: 60 });
    expect(await t.store.getCachedResult(`${KEY}|long`)).toBeNull();
  });

  it('refuses to store something that is not a Result', async () => {
    const notAResult = { summary: 'oops' } as never;
    await expect(
      t.store.putCachedResult(KEY, notAResult, { ttlSeconds: 60 }),
    ).rejects.toBeInstanceOf(TypeError);
  });

  it('refuses a time to live that is not positive', async () => {
    await expect(
      t.store.putCachedResult(KEY, sampleResult(), { ttlSeconds: 0 }),
    ).rejects.toBeInstanceOf(RangeError);
  });

  it('treats a stored entry that no longer fits the Result shape as a miss', async () => {
    await t.store.putCachedResult(KEY, sampleResult(), { ttlSeconds: 60 });
    await t.location.exec(`update summary_cache set value = '{"summary":1}'`);
    expect(await t.store.getCachedResult(KEY)).toBeNull();
  });

  it('forgets an entry deleted on purpose', async () => {
    await t.store.putCachedResult(KEY, sampleResult(), { ttlSeconds: 600 });
    await t.store.deleteCachedResult(KEY);
    expect(await t.store.getCachedResult(KEY)).toBeNull();
  });

  it('says whether there was an entry to delete', async () => {
    await t.store.putCachedResult(KEY, sampleResult(), { ttlSeconds: 600 });
    expect([await t.store.deleteCachedResult(KEY), await t.store.deleteCachedResult(KEY)]).toEqual([
      true,
      false,
    ]);
  });

  it('deletes expired entries of both caches when purged', async () => {
    await t.store.putCachedResult(KEY, sampleResult(), { ttlSeconds: 60 });
    await t.store.putCachedDocument(URL, sampleDocument(), { ttlSeconds: 60 });
    await t.store.putCachedResult(`${KEY}|fresh`, sampleResult(), { ttlSeconds: 600 });
    t.clock.advance(60);
    expect(await t.store.purgeExpiredCache()).toBe(2);
  });

  it('keeps unexpired entries when purged', async () => {
    await t.store.putCachedResult(KEY, sampleResult(), { ttlSeconds: 600 });
    t.clock.advance(60);
    await t.store.purgeExpiredCache();
    expect(await t.store.getCachedResult(KEY)).not.toBeNull();
  });
});

describe.each(DATABASES)('document cache on $name', (database) => {
  const t = useStore(database);

  it('misses a URL that was never stored', async () => {
    expect(await t.store.getCachedDocument(URL)).toBeNull();
  });

  it('returns the stored document unchanged', async () => {
    await t.store.putCachedDocument(URL, sampleDocument(), { ttlSeconds: 600 });
    expect(await t.store.getCachedDocument(URL)).toEqual(sampleDocument());
  });

  it('ignores a document once its time to live has passed', async () => {
    await t.store.putCachedDocument(URL, sampleDocument(), { ttlSeconds: 600 });
    t.clock.advance(600);
    expect(await t.store.getCachedDocument(URL)).toBeNull();
  });

  it('stores a URL longer than a PostgreSQL index entry allows', async () => {
    // Random, so PostgreSQL cannot compress it under the limit.
    const longUrl = `${URL}?q=${randomBytes(4000).toString('hex')}`;
    await t.store.putCachedDocument(longUrl, sampleDocument(), { ttlSeconds: 600 });
    expect(await t.store.getCachedDocument(longUrl)).toEqual(sampleDocument());
  });

  it('forgets a document deleted on purpose', async () => {
    await t.store.putCachedDocument(URL, sampleDocument(), { ttlSeconds: 600 });
    await t.store.deleteCachedDocument(URL);
    expect(await t.store.getCachedDocument(URL)).toBeNull();
  });

  it('replaces a document stored again for the same URL', async () => {
    await t.store.putCachedDocument(URL, sampleDocument(), { ttlSeconds: 600 });
    await t.store.putCachedDocument(
      URL,
      { ...sampleDocument(), title: 'Updated' },
      { ttlSeconds: 600 },
    );
    expect((await t.store.getCachedDocument(URL))?.title).toBe('Updated');
  });
});

describe.each(DATABASES)('kept sources and the pipeline caches on $name', (database) => {
  const t = useStore(database);
  const SHA = 'b'.repeat(64);

  it('returns a kept source with its kind', async () => {
    await t.store.putKeptSource(
      SHA,
      { kind: 'file', document: sampleDocument() },
      { ttlSeconds: 600 },
    );
    expect(await t.store.getKeptSource(SHA)).toEqual({ kind: 'file', document: sampleDocument() });
  });

  it('never keeps article text longer than the text time to live, whatever the page allows', async () => {
    const caches = createStoreCaches(t.store, { textTtlSeconds: 60 });
    await caches.documents.put(`url:${URL}`, sampleDocument(), 86_400);
    await caches.pipeline.putSource(SHA, { kind: 'url', document: sampleDocument() });
    t.clock.advance(60);
    expect(await caches.documents.get(`url:${URL}`)).toBeNull();
    expect(await caches.pipeline.getSource(SHA)).toBeNull();
  });

  it('serves a Result to the pipeline until the text time to live passes', async () => {
    const caches = createStoreCaches(t.store, { textTtlSeconds: 60 });
    await caches.pipeline.putResult(KEY, sampleResult());
    t.clock.advance(59);
    expect(await caches.pipeline.getResult(KEY)).toEqual(sampleResult());
  });
});
