import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collapsedTextLength } from '../../src/core/extract/dom.ts';

const collapsed = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').length;

describe('GIVEN text whose white space runs across elements and text nodes', () => {
  it('THEN collapsedTextLength counts what textContent with its runs collapsed would hold', () => {
    const { document } = parseHTML(
      '<html><body><div id="root"> One  <b> two </b>\n\t<i>\u00a0three</i>four <span></span> ' +
        '<em>  </em><u>five\u3000 </u>  six<s>!</s> </div></body></html>',
    );
    const root = document.getElementById('root')!;
    expect(collapsedTextLength(root)).toBe(collapsed(root));
    for (const el of Array.from(root.querySelectorAll('*')))
      expect(collapsedTextLength(el)).toBe(collapsed(el));
  });
});
