import { afterAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index.ts';
import { createExtractionPool } from '../../src/core/extract/pool.ts';
import {
  ARTICLE_PARAGRAPH,
  HOSTILE_PAGES,
  type HostilePage,
} from '../../testkit/extract/hostile-pages.ts';

// The real pool, as the bot and the CLI use it: workers, time limit and heap limit included.
const pool = createExtractionPool({ threads: 2 });
afterAll(() => pool.close());

const paragraph = ARTICLE_PARAGRAPH.replace(/<\/?p>/g, '').trim();

async function extract(name: HostilePage) {
  const bytes = new TextEncoder().encode(HOSTILE_PAGES[name]());
  return extractDocument(
    { bytes, contentType: 'text/html', url: 'https://hostile.test/' },
    { pool },
  );
}

describe('GIVEN pages built to make the parser slow or deep', () => {
  it('THEN 2,000 nested <div>s give the article paragraph', async () => {
    const document = await extract('nested2000');
    expect(document.title).toBe('Harbour budget');
    expect(document.text).toBe(paragraph);
  });

  it('THEN 50,000 nested <div>s give the article, not a stack overflow', async () => {
    expect((await extract('nested50000')).text).toBe(paragraph);
  });

  it('THEN 50,000 unclosed <div><b><i> give the article', async () => {
    expect((await extract('unclosed50000')).text).toBe(paragraph);
  });

  it('THEN a 4.5 MB page on one line gives all its paragraphs', async () => {
    const document = await extract('singleLine');
    expect(document.text.split('\n\n')).toHaveLength(7_500);
  });

  it('THEN a page of 100,000 links gives the article and not the links', async () => {
    const document = await extract('links100000');
    expect(document.text).toContain(paragraph);
    expect(document.text).not.toContain('Story 99999');
  });

  it('THEN JSON-LD nested 50,000 deep gives the article, not a stack overflow', async () => {
    const ld = `${'{"@graph":['.repeat(50_000)}1${']}'.repeat(50_000)}`;
    const page = `<html><head><title>Harbour budget</title><script type="application/ld+json">${ld}</script></head><body><article>${ARTICLE_PARAGRAPH}</article></body></html>`;
    const bytes = new TextEncoder().encode(page);
    const document = await extractDocument(
      { bytes, contentType: 'text/html', url: null },
      { pool },
    );
    expect(document.text).toBe(paragraph);
  });

  it('THEN ten hostile pages at once all give the article on two worker threads', async () => {
    const names: HostilePage[] = ['nested2000', 'nested50000', 'unclosed50000'];
    const all = await Promise.all(Array.from({ length: 10 }, (_, i) => extract(names[i % 3]!)));
    expect(all.map((document) => document.text)).toEqual(Array(10).fill(paragraph));
    expect(pool.threads).toBeLessThanOrEqual(2);
  });
});
