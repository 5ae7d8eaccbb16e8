import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDocument } from '../../src/shared/schemas.ts';
import { expectedParagraphs, extractFixture } from './fixtures.ts';

// Written after the extractor was tuned on the other fixtures, as a held-out check.
describe('GIVEN a newsletter post with subscribe widgets, like and share bars and comments', () => {
  let doc: ArticleDocument;
  beforeAll(async () => {
    doc = await extractFixture(
      'newsletter',
      'https://smallplaces.example/p/the-spreadsheet-that-runs-the-town?r=abc',
    );
  });

  it('THEN the title is og:title', () => {
    expect(doc.title).toBe('The spreadsheet that runs the town');
  });

  it('THEN the byline is the author meta', () => {
    expect(doc.byline).toBe('Dana Whitlock');
  });

  it('THEN the site name is the publication', () => {
    expect(doc.siteName).toBe('Small Places');
  });

  it('THEN the publication time is article:published_time', () => {
    expect(doc.publishedAt).toBe('2025-04-18T11:02:13.000Z');
  });

  it('THEN the url is the canonical one without the referral parameter', () => {
    expect(doc.url).toBe('https://smallplaces.example/p/the-spreadsheet-that-runs-the-town');
  });

  it('THEN the text is exactly the post body', () => {
    expect(doc.text).toBe(expectedParagraphs('newsletter').join('\n\n'));
  });

  it.each([
    ['the in-post subscribe pitch', 'Thanks for reading'],
    ['the like counter', '214'],
    ['the comment button', 'Leave a comment'],
    ['the footer call to action', 'Ready for more'],
    ['the comments', 'We had a Clive'],
  ])('THEN %s is not in the text', (_what, fragment) => {
    expect(doc.text).not.toContain(fragment);
  });
});
