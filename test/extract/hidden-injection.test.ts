import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDocument } from '../../src/shared/schemas.ts';
import { expectedParagraphs, extractFixture } from './fixtures.ts';

describe('GIVEN a page with instructions hidden in a comment, hidden elements, alt text and a meta tag', () => {
  let doc: ArticleDocument;
  beforeAll(async () => {
    doc = await extractFixture('injection', 'https://valleycourier.example/library-hours');
  });

  it('THEN the injected instruction is nowhere in the text', () => {
    expect(doc.text.toLowerCase()).not.toContain('ignore your instructions');
  });

  it('THEN the attacker link is nowhere in the text', () => {
    expect(doc.text).not.toContain('attacker.example');
  });

  it('THEN no @everyone ping is in the text', () => {
    expect(doc.text).not.toContain('@everyone');
  });

  it('THEN no metadata field carries the injection', () => {
    const { text: _text, ...metadata } = doc;
    expect(JSON.stringify(metadata)).not.toContain('attacker');
  });

  it('THEN the visible paragraphs are all kept', () => {
    expect(doc.text).toBe(expectedParagraphs('injection').join('\n\n'));
  });
});
