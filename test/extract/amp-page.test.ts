import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDocument } from '../../src/shared/schemas.ts';
import { expectedParagraphs, extractFixture } from './fixtures.ts';

describe('GIVEN a French AMP page', () => {
  let doc: ArticleDocument;
  beforeAll(async () => {
    doc = await extractFixture('amp', 'https://rhone-quotidien.example/amp/lyon/tramway-t10');
  });

  it('THEN the url is the canonical, non-AMP page', () => {
    expect(doc.url).toBe('https://rhone-quotidien.example/lyon/2025/02/11/tramway-t10.html');
  });

  it('THEN the title is the JSON-LD headline', () => {
    expect(doc.title).toBe(
      'Lyon : le tramway T10 mettra finalement les deux rives à vingt minutes',
    );
  });

  it('THEN the byline is the JSON-LD author', () => {
    expect(doc.byline).toBe('Claire Fontaine');
  });

  it('THEN the site name is the JSON-LD publisher', () => {
    expect(doc.siteName).toBe('Le Rhône Quotidien');
  });

  it('THEN the language is French', () => {
    expect(doc.lang).toBe('fr');
  });

  it('THEN the publication time is the JSON-LD datePublished in UTC', () => {
    expect(doc.publishedAt).toBe('2025-02-11T06:45:00.000Z');
  });

  it('THEN the text is exactly the article paragraphs', () => {
    expect(doc.text).toBe(expectedParagraphs('amp').join('\n\n'));
  });

  it.each([
    ['the ad fallback', 'Publicité'],
    ['the AMP sidebar menu', 'Culture'],
    ['the tags', 'Mots-clés'],
    ['the image alt text', 'Le chantier du T10'],
  ])('THEN %s is not in the text', (_what, fragment) => {
    expect(doc.text).not.toContain(fragment);
  });
});
