import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../../src/core/extract/render-text.ts';

const body = (html: string) =>
  parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;

describe('GIVEN a list whose entries are javascript: links', () => {
  const list = body(
    '<ul><li><a href="javascript:void(0)">Open the first of the reader questions</a></li>' +
      '<li><a href="javascript:show(2)">Open the second of the reader questions</a></li></ul>',
  );

  it('THEN as page markup it is a list of links, left out like any other', () => {
    expect(renderBlocks(list).map((block) => block.text)).toEqual(['']);
  });

  it('THEN in Readability output (scriptLinksAsText) its entries are read as text', () => {
    const blocks = renderBlocks(list, { scriptLinksAsText: true });
    expect(blocks.map((block) => [block.text, block.links])).toEqual([
      ['Open the first of the reader questions', 0],
      ['Open the second of the reader questions', 0],
    ]);
  });
});

describe('GIVEN a list of real links with one link nested in another', () => {
  it('THEN its link share counts the nested text once per enclosing link', () => {
    // 12 of 20 characters are inside the outer link and 5 of those in the inner one too:
    // (12 + 5) / 20 = 0.85, a link list; counted once it would be 0.6, prose.
    const list = body('<ul><li>plaintxt<a href="/a">linkAA<a href="/b">inner</a>B</a></li></ul>');
    expect(renderBlocks(list).map((block) => block.text)).toEqual(['']);
  });
});
