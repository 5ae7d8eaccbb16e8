import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDocument } from '../../src/shared/schemas.ts';
import { expectedParagraphs, extractFixture } from './fixtures.ts';

describe('GIVEN a news page with navigation, sidebar, related links, share buttons and comments', () => {
  let doc: ArticleDocument;
  beforeAll(async () => {
    doc = await extractFixture(
      'news',
      'https://harbourgazette.example/news/quay-road?utm_source=x',
    );
  });

  it('THEN the title is og:title without the site name', () => {
    expect(doc.title).toBe('Council approves harbour-front cycle lanes after two-year fight');
  });

  it('THEN the byline is the author', () => {
    expect(doc.byline).toBe('Maria Okafor');
  });

  it('THEN the site name comes from og:site_name', () => {
    expect(doc.siteName).toBe('The Harbour Gazette');
  });

  it('THEN the language is the html lang attribute', () => {
    expect(doc.lang).toBe('en-GB');
  });

  it('THEN the publication time is an ISO string', () => {
    expect(doc.publishedAt).toBe('2025-03-04T14:30:00.000Z');
  });

  it('THEN the url is the canonical link resolved against the page url', () => {
    expect(doc.url).toBe('https://harbourgazette.example/news/2025/03/04/quay-road-cycle-lanes');
  });

  it('THEN the text is exactly the article paragraphs separated by blank lines', () => {
    expect(doc.text).toBe(expectedParagraphs('news').join('\n\n'));
  });

  it('THEN the subheading stands on its own line', () => {
    expect(doc.text).toContain('\n\nWhat happens next\n\n');
  });

  it.each([
    ['navigation', 'Weather'],
    ['a promo bar', 'unlimited access'],
    ['share buttons', 'Share on Facebook'],
    ['the share block', 'Share this article'],
    ['the ad label', 'Advertisement'],
    ['the inline "Read more" teaser', 'Read more'],
    ['the photo caption', 'Photo: Tom Reyes'],
    ['related links', 'Ferry terminal car park'],
    ['comments', 'Nobody cycles in February'],
    ['the sidebar', 'Storm warning'],
    ['the newsletter box', 'morning newsletter'],
    ['the footer', 'All rights reserved'],
    ['the cookie banner', 'We use cookies'],
    ['tags', 'Tags:'],
    ['the newsletter promo inside the story', 'Harbour Briefing'],
    ['the newsletter pitch inside the story', 'unsubscribe at any time'],
    ['the recirculation teaser inside the story', 'spring tides'],
    ['the headline repeated', 'Council approves harbour-front'],
    ['the byline line', 'Local Affairs Reporter'],
  ])('THEN %s is not in the text', (_what, fragment) => {
    expect(doc.text).not.toContain(fragment);
  });
});
