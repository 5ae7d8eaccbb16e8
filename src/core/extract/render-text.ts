/**
 * Article element -> plain text with the paragraph structure kept: each block is its own
 * paragraph (blank line between), list items and table rows one per line. `textContent`
 * would glue "end.Start" across blocks and lose the breaks the summarizer and quote links need.
 */

const BLOCKS = new Set(
  (
    'address article blockquote dd details div dl dt fieldset figure h1 h2 h3 h4 h5 h6 header ' +
    'hgroup hr li main ol p pre section summary table tbody thead tfoot tr ul caption center'
  ).split(' '),
);
// Never text a reader of the article reads as prose: captions, alt text, media, widgets, and
// the reading aids of ruby annotation (<rt>, <rp>: furigana above Japanese kanji), which would
// interleave every word with its pronunciation.
// Not <form>: some sites wrap the whole page, article included, in one.
const SKIP = new Set(
  (
    'script style noscript template iframe svg img picture video audio figcaption button ' +
    'input select textarea object embed canvas nav aside footer amp-img amp-ad amp-analytics ' +
    'amp-pixel amp-sticky-ad amp-social-share amp-video amp-iframe amp-youtube amp-twitter ' +
    'amp-instagram amp-consent amp-sidebar amp-user-notification rt rp'
  ).split(' '),
);
const CELLS = new Set(['td', 'th']);

/**
 * One rendered block; `item` marks list items and table rows, joined by single newlines.
 * `links` is the share of its characters that are link text, `emphasis` the share set in
 * italics or bold (0 when unknown).
 */
export type Block = {
  text: string;
  item: boolean;
  heading: boolean;
  links?: number;
  emphasis?: number;
};
const EMPHASIS = new Set(['em', 'i', 'strong', 'b']);

export type RenderOptions = {
  /** Read a list of links as text instead of leaving it out. */
  linkLists?: boolean;
  /**
   * Read a `javascript:` link as text. Readability's output is rendered so, since its own
   * step that unwraps such links (they do nothing once scripts are gone) is skipped.
   */
  scriptLinksAsText?: boolean;
};

export function renderBlocks(root: Element, options: RenderOptions = {}): Block[] {
  const isLink = (a: Element) =>
    !options.scriptLinksAsText || !a.getAttribute('href')?.startsWith('javascript:');
  const blocks: Block[] = [];
  let line = '';
  let linked = 0;
  let emphasized = 0;
  let lineKind: Omit<Block, 'text'> = { item: false, heading: false };

  const flush = () => {
    // <br> leaves a \n inside the block: an address or a verse keeps its lines.
    const text = line
      .split('\n')
      .map((part) => part.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
    if (text) {
      const chars = text.replace(/\s+/g, '').length;
      const share = (n: number) => (chars ? Math.min(1, n / chars) : 0);
      blocks.push({ text, ...lineKind, links: share(linked), emphasis: share(emphasized) });
    }
    line = '';
    linked = 0;
    emphasized = 0;
    lineKind = { item: false, heading: false };
  };

  const visit = (node: Node, pre: boolean, inLink: boolean, inEmphasis = false) => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      line += pre ? value : value.replace(/[ \t\n\r\f\v]+/g, ' ');
      if (inLink || inEmphasis) {
        const chars = value.replace(/\s+/g, '').length;
        if (inLink) linked += chars;
        if (inEmphasis) emphasized += chars;
      }
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    // localName, not tagName: linkedom upper-cases tagName afresh on every read.
    const tag = el.localName;
    if (SKIP.has(tag)) return;
    // A list that is nearly all links is a "related stories" or tag list, not prose.
    if ((tag === 'ul' || tag === 'ol') && !options.linkLists && linkDensity(el, isLink) > 0.7) {
      // Left as an empty all-link block, so the heading over the list can go with it.
      flush();
      blocks.push({ text: '', item: false, heading: false, links: 1 });
      return;
    }
    if (tag === 'br') {
      line += '\n';
      return;
    }
    if (CELLS.has(tag)) {
      if (line && !line.endsWith(' ')) line += ' ';
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    if (tag === 'pre') {
      line += (el.textContent ?? '').replace(/^\n|\s+$/g, '');
      const text = line.replace(/\u00a0/g, ' ');
      if (text.trim()) blocks.push({ text, item: false, heading: false });
      line = '';
      linked = 0;
      emphasized = 0;
      return;
    }
    if (tag === 'li' || tag === 'tr' || tag === 'dt' || tag === 'dd')
      lineKind = { item: true, heading: false };
    if (/^h[1-6]$/.test(tag)) lineKind = { item: false, heading: true };
    const link = inLink || (tag === 'a' && isLink(el));
    const emphasis = inEmphasis || EMPHASIS.has(tag);
    for (let child = el.firstChild; child; child = child.nextSibling)
      visit(child, pre, link, emphasis);
    if (block) flush();
  };

  visit(root, false, false);
  flush();
  return blocks;
}

export function joinBlocks(blocks: Block[]): string {
  let out = '';
  let previous: Block | null = null;
  for (const block of blocks) {
    if (!block.text) continue;
    if (previous) out += previous.item && block.item ? '\n' : '\n\n';
    out += block.text;
    previous = block;
  }
  return out;
}

/** The share of the text (white space aside) inside links, counted once per enclosing link. */
function linkDensity(el: Element, isLink: (a: Element) => boolean): number {
  let total = 0;
  let linked = 0;
  const visit = (parent: Node, links: number) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      const type = child.nodeType;
      if (type === 3 || type === 4) {
        const chars = (child.nodeValue ?? '').replace(/\s+/g, '').length;
        total += chars;
        linked += chars * links;
      } else if (type === 1) {
        const a = (child as Element).localName === 'a' && isLink(child as Element);
        visit(child, a ? links + 1 : links);
      }
    }
  };
  visit(el, 0);
  return total === 0 ? 0 : linked / total;
}
