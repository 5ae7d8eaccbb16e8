import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { boundHtml } from '../../src/core/extract/bounded-html.ts';

const limits = { maxDepth: 8, maxElements: 1_000 };

function depthOf(html: string): number {
  const { document } = parseHTML(html);
  let deepest = 0;
  // Iterative walk: the point of the test is a tree deeper than any stack should go.
  const stack: Array<[Element, number]> = [[document.documentElement, 1]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
  return deepest;
}

describe('GIVEN markup within the caps', () => {
  it('THEN it is returned as it came', () => {
    const html = '<html><body><article><h1>Title</h1><p>One <b>two</b></p></article></body></html>';
    expect(boundHtml(html, limits)).toMatchObject({ html, droppedTags: 0 });
  });

  it('THEN a thousand unclosed <p> and <li> count as the siblings the parser makes them', () => {
    const html = `<html><body><ul>${'<li>item'.repeat(1_000)}</ul>${'<p>text'.repeat(1_000)}</body></html>`;
    const bounded = boundHtml(html, { maxDepth: 8, maxElements: 10_000 });
    expect(bounded.droppedTags).toBe(0);
    expect(bounded.maxDepth).toBe(4);
  });

  it('THEN tags inside scripts, comments and attributes are not counted', () => {
    const deep = '<div>'.repeat(50);
    const html = `<html><body><script>var s = "${deep}";</script><!-- ${deep} --><p title="${deep}">x</p></body></html>`;
    expect(boundHtml(html, limits)).toMatchObject({ html, droppedTags: 0 });
  });
});

describe('GIVEN markup nested past the depth cap', () => {
  it('THEN the deep tags go and their text stays in the ancestor at the cap', () => {
    const html = `<html><body>${'<div>'.repeat(100)}<p>deep <b>words</b></p>${'</div>'.repeat(100)}<p>after</p></body></html>`;
    const bounded = boundHtml(html, limits);
    expect(depthOf(bounded.html)).toBe(8);
    const { document } = parseHTML(bounded.html);
    expect(document.body.textContent).toBe('deep wordsafter');
    // The end tags of dropped elements go too, so "after" is still a child of <body>.
    expect(document.body.lastElementChild?.outerHTML).toBe('<p>after</p>');
  });

  it('THEN unclosed inline tags are flattened the same way', () => {
    const html = `<html><body>${'<div><b><i>'.repeat(1_000)}text</body></html>`;
    const bounded = boundHtml(html, { maxDepth: 8, maxElements: 100_000 });
    expect(depthOf(bounded.html)).toBe(8);
    expect(parseHTML(bounded.html).document.body.textContent).toBe('text');
  });
});

describe('GIVEN more elements than the element cap', () => {
  it('THEN the elements past the cap become plain text of their parent', () => {
    const html = `<html><body><ul>${'<li><a href="/x">link</a></li>'.repeat(2_000)}</ul></body></html>`;
    const bounded = boundHtml(html, limits);
    const { document } = parseHTML(bounded.html);
    expect(document.querySelectorAll('*').length).toBeLessThanOrEqual(1_000);
    expect(document.body.textContent).toBe('link'.repeat(2_000));
  });
});

describe('GIVEN a page with scripts, styles and comments, bounded with cutInert', () => {
  const bound = (html: string) => boundHtml(html, limits, { cutInert: true });

  it('THEN they are cut, and the text and elements around them are left as they were', () => {
    const html =
      '<html><head><style>p { color: red }</style><script src="a.js"></script></head>' +
      '<body><!-- a <div> in a comment --><p>One</p><script>var s = "<div>";</script><p>Two</p></body></html>';
    expect(bound(html)).toMatchObject({
      html: '<html><head></head><body><p>One</p><p>Two</p></body></html>',
      inertCut: 4,
      droppedTags: 0,
    });
  });

  it('THEN a JSON-LD script stays, since the page is read for its article data', () => {
    const html =
      '<html><head><script type="application/ld+json">{"@type":"NewsArticle"}</script>' +
      '<SCRIPT TYPE="text/javascript">x()</SCRIPT></head><body><p>One</p></body></html>';
    expect(bound(html).html).toBe(
      '<html><head><script type="application/ld+json">{"@type":"NewsArticle"}</script></head><body><p>One</p></body></html>',
    );
  });

  it('THEN a self-closed <script/>, which the parser does not read as raw text, is left alone', () => {
    const html = '<html><body><script/><p>One</p></body></html>';
    expect(bound(html)).toMatchObject({ html, inertCut: 0 });
  });

  it('THEN a script that never closes is cut to the end, where the parser would end it', () => {
    const html = '<html><body><p>One</p><script>var a = "<p>not text</p>";';
    expect(bound(html).html).toBe('<html><body><p>One</p>');
  });

  it('THEN without cutInert nothing is cut', () => {
    const html = '<html><body><!-- c --><script>x()</script><p>One</p></body></html>';
    expect(boundHtml(html, limits)).toMatchObject({ html, inertCut: 0 });
  });
});

describe('GIVEN a stray "<![CDATA[" in the HTML of a page (printed by forum software)', () => {
  it('THEN it is cut up to the next ">", as a browser reads it, and the rest of the page is kept', () => {
    const html =
      '<html><body><![CDATA[\n<div id="top"></div><article><p>The first post of the thread.</p></article></body></html>';
    const { document } = parseHTML(boundHtml(html, limits).html);
    expect(document.querySelector('article p')?.textContent).toBe('The first post of the thread.');
  });

  it('THEN what it swallowed is read again and held to the depth cap', () => {
    const html = `<html><body><![CDATA[ ><main>${'<div>'.repeat(50)}deep</main></body></html>`;
    const bounded = boundHtml(html, limits);
    expect(bounded.maxDepth).toBeLessThanOrEqual(limits.maxDepth);
    expect(depthOf(bounded.html)).toBeLessThanOrEqual(limits.maxDepth + 1);
  });

  it('THEN CDATA inside SVG, where it belongs, is left alone', () => {
    const html =
      '<html><body><svg><style><![CDATA[ .a{} ]]></style></svg><p>text</p></body></html>';
    expect(boundHtml(html, limits).html).toContain('<![CDATA[');
  });
});
