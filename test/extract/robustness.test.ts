import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/core/extract/html.ts';
import { extractDocument } from '../../src/core/extract/index.ts';
import { isUserError } from '../../src/shared/errors.ts';

const TAGS = [
  'p',
  'div',
  'span',
  'article',
  'nav',
  'li',
  'ul',
  'h2',
  'br',
  'a',
  'pre',
  'table',
  'td',
  'script',
  'style',
];
const WORDS = [
  'harbour',
  'council',
  'ferry',
  'Advertisement',
  'Share',
  'Related',
  'cookies',
  '&amp;',
  '<!--',
  '-->',
  '\n',
  ' ',
];

// Random but HTML-shaped documents: nested tags, attributes that trigger the cleaning rules.
const html = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }).map((words) => words.join(' ')),
    fc
      .tuple(
        fc.constantFrom(...TAGS),
        fc.constantFrom(
          '',
          ' hidden',
          ' class="share"',
          ' style="display:none"',
          ' aria-hidden="true"',
          ' class="story"',
        ),
        fc.array(tie('node'), { maxLength: 5 }),
      )
      .map(([tag, attrs, children]) => `<${tag}${attrs}>${children.join('')}</${tag}>`),
  ),
})).node;

function outcome(run: () => unknown): 'ok' | 'user-error' {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (isUserError(error)) return 'user-error';
    throw error;
  }
}

describe('GIVEN arbitrary input', () => {
  it('THEN HTML extraction either returns a document or throws a UserError, never a bug', () => {
    fc.assert(
      fc.property(html, (body) => {
        outcome(() => extractHtml(`<html><body>${body}</body></html>`, null));
      }),
      { numRuns: 300 },
    );
  });

  it('THEN extracted text never holds \\r, tabs, three newlines in a row or edge whitespace', () => {
    const filler =
      '<p>The ferry company said the new timetable would add four crossings a day from June.</p>'.repeat(
        12,
      );
    fc.assert(
      fc.property(html, (body) => {
        const text = extractHtml(
          `<html><body><article>${filler}${body}</article></body></html>`,
          null,
        ).text;
        expect(text).not.toMatch(/\r|\t|\n\n\n|^\s|\s$/);
      }),
      { numRuns: 200 },
    );
  });

  it('THEN random bytes labelled as HTML never crash the extractor', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), async (bytes) => {
        const result = await extractDocument({ bytes, contentType: 'text/html', url: null }).then(
          () => 'ok',
          (error: unknown) => (isUserError(error) ? 'user-error' : error),
        );
        expect(['ok', 'user-error']).toContain(result);
      }),
      { numRuns: 100 },
    );
  });
});
