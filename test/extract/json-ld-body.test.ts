import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDocument } from '../../src/shared/schemas.ts';
import { expectedParagraphs, extractFixture } from './fixtures.ts';

describe('GIVEN a JavaScript app shell whose article lives only in JSON-LD', () => {
  let doc: ArticleDocument;
  beforeAll(async () => {
    doc = await extractFixture('jsonld-only', 'https://fieldnotes.example/s/123');
  });

  it('THEN the text is the JSON-LD articleBody, paragraph by paragraph', () => {
    expect(doc.text).toBe(expectedParagraphs('jsonld-only').join('\n\n'));
  });

  it('THEN the loading placeholder is not in the text', () => {
    expect(doc.text).not.toContain('Loading');
  });

  it('THEN several JSON-LD authors are joined with commas', () => {
    expect(doc.byline).toBe('Tom Adeyemi, Sara Quinn');
  });

  it('THEN the language comes from og:locale with a hyphen', () => {
    expect(doc.lang).toBe('en-US');
  });

  it('THEN a date-only datePublished becomes midnight UTC', () => {
    expect(doc.publishedAt).toBe('2025-05-15T00:00:00.000Z');
  });

  it('THEN the site name is og:site_name', () => {
    expect(doc.siteName).toBe('Field Notes Science');
  });

  it('THEN the title is the <title>', () => {
    expect(doc.title).toBe('City bees make more honey than their country cousins, study finds');
  });
});
