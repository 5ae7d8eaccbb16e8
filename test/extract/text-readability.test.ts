import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { TextReadability } from '../../src/core/extract/text-readability.ts';

const paragraph = (n: number) =>
  `<p>Paragraph ${n} of the story tells, in plain words and at some length, what happened in the town hall on Tuesday evening, who spoke, and what the council decided after two hours.</p>`;

// Bylines found four ways (and one too long to be one), and elements hidden four ways (and
// one marked hidden that Readability keeps): what Readability's own tests decide.
const PAGES = {
  'a rel=author byline': `<a rel="author" href="/a">Ana Ruiz</a>`,
  'an itemprop author byline': `<span itemprop="author">Ben Ode</span>`,
  'a class byline': `<div class="story-byline">By Cy Lee</div>`,
  'a byline too long to be one': `<div class="byline">${'Long '.repeat(30)}</div>`,
  'display:none': `<p style="display: none">Hidden by display.</p>`,
  'visibility:hidden': `<p style="color: red; visibility: hidden">Hidden by visibility.</p>`,
  'the hidden attribute': `<p hidden>Hidden by attribute.</p>`,
  'aria-hidden': `<p aria-hidden="true">Hidden from readers.</p>`,
  'an aria-hidden fallback image': `<p aria-hidden="true" class="fallback-image">Math image text.</p>`,
};

function read(Reader: typeof Readability, fragment: string) {
  const { document } = parseHTML(
    `<!doctype html><html><head><title>Council votes</title></head><body><article>${fragment}${[1, 2, 3, 4, 5].map(paragraph).join('')}</article></body></html>`,
  );
  const article = new Reader(document, { charThreshold: 300 }).parse();
  return { byline: article?.byline, text: article?.textContent };
}

describe('GIVEN pages with bylines and hidden elements', () => {
  for (const [name, fragment] of Object.entries(PAGES)) {
    it(`THEN TextReadability finds the same byline and text as Readability, with ${name}`, () => {
      const ours = read(TextReadability as unknown as typeof Readability, fragment);
      expect(ours).toEqual(read(Readability, fragment));
      expect(ours.text).toContain('Paragraph 5');
    });
  }

  it('THEN the byline and the hidden text are what Readability decides for them', () => {
    expect(
      read(TextReadability as unknown as typeof Readability, PAGES['a class byline']),
    ).toMatchObject({
      byline: 'By Cy Lee',
    });
    const hidden = read(TextReadability as unknown as typeof Readability, PAGES['display:none']);
    expect(hidden.text).not.toContain('Hidden by display');
    const shown = read(
      TextReadability as unknown as typeof Readability,
      PAGES['an aria-hidden fallback image'],
    );
    expect(shown.text).toContain('Math image text');
  });
});
