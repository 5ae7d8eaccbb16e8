import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDocument } from '../../src/shared/schemas.ts';
import { expectedParagraphs, extractFixture } from './fixtures.ts';

describe('GIVEN a WordPress blog post', () => {
  let doc: ArticleDocument;
  beforeAll(async () => {
    doc = await extractFixture('blog', 'https://workbench.example/?p=812');
  });

  it('THEN the title loses the " – Site" suffix of <title>', () => {
    expect(doc.title).toBe('Why I moved my sourdough starter to the fridge');
  });

  it('THEN the byline comes from the JSON-LD @graph author', () => {
    expect(doc.byline).toBe('Jonas Lindqvist');
  });

  it('THEN the site name comes from og:site_name', () => {
    expect(doc.siteName).toBe('Notes from the Workbench');
  });

  it('THEN the language is the html lang attribute', () => {
    expect(doc.lang).toBe('en-US');
  });

  it('THEN the publication time is converted to UTC', () => {
    expect(doc.publishedAt).toBe('2024-10-12T12:05:00.000Z');
  });

  it('THEN the url is the canonical link', () => {
    expect(doc.url).toBe('https://workbench.example/2024/10/sourdough-fridge/');
  });

  it('THEN the text is exactly the post body', () => {
    expect(doc.text).toBe(expectedParagraphs('blog').join('\n\n'));
  });

  it('THEN list items stand one per line', () => {
    expect(doc.text).toContain(
      '20 g of cold starter straight from the fridge\n50 g of whole wheat flour and 50 g of white flour\n',
    );
  });

  it('THEN code keeps its own spacing', () => {
    expect(doc.text).toContain('dough  = levain + flour(500)');
  });

  it.each([
    ['the sharing block', 'Share this'],
    ['the related posts', 'Rye starters'],
    ['the comments', 'never looked back'],
    ['the reply form', 'Leave a Reply'],
    ['the about-me widget', 'furniture badly'],
    ['the site tagline', 'occasional failure'],
    ['the footer', 'Proudly powered'],
    ['the "Posted on" line', 'Posted on'],
    ['the ad label', 'Advertisement'],
  ])('THEN %s is not in the text', (_what, fragment) => {
    expect(doc.text).not.toContain(fragment);
  });
});
