import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index.ts';
import type { ArticleDocument } from '../../src/shared/schemas.ts';
import { latin1PageBytes } from './fixtures/latin1-page.ts';
import { expectedParagraphs } from './fixtures.ts';

describe('GIVEN an ISO-8859-1 page whose charset is only in a meta tag', () => {
  let doc: ArticleDocument;
  beforeAll(async () => {
    doc = await extractDocument({
      bytes: latin1PageBytes(),
      contentType: 'text/html',
      url: 'https://anzeiger.example/lokales/baeckerei',
    });
  });

  it('THEN umlauts and ß are decoded correctly', () => {
    expect(doc.text).toContain('Bäckerei Müller in der Hauptstraße zum letzten Mal Brötchen');
  });

  it('THEN guillemets are decoded correctly', () => {
    expect(doc.text).toContain('»ein Stück Identität«');
  });

  it('THEN no replacement character appears', () => {
    expect(doc.text).not.toContain('\uFFFD');
  });

  it('THEN the text is exactly the article paragraphs', () => {
    expect(doc.text).toBe(expectedParagraphs('latin1').join('\n\n'));
  });

  it('THEN the title loses the » Site suffix', () => {
    expect(doc.title).toBe('Bäckerei Müller schließt nach 112 Jahren');
  });

  it('THEN the byline is the author meta, decoded', () => {
    expect(doc.byline).toBe('Jürgen Weiß');
  });

  it('THEN the site name is decoded', () => {
    expect(doc.siteName).toBe('Neustädter Anzeiger');
  });

  it('THEN the language is German', () => {
    expect(doc.lang).toBe('de');
  });

  it('THEN the publication time comes from the date meta', () => {
    expect(doc.publishedAt).toBe('2023-11-08T08:00:00.000Z');
  });

  it('THEN the menu and footer are not in the text', () => {
    expect(doc.text).not.toMatch(/Lokales|Impressum/);
  });
});
