/**
 * Article element -> plain text with the paragraph structure kept: each block is its own
 * paragraph (blank line between), list items and table rows one per line. `textContent`
 * would glue "end.Start" across blocks and lose the breaks the summarizer and quote links need.
 */

const BLOCKS = new Set(
  (
    'ADDRESS ARTICLE BLOCKQUOTE DD DETAILS DIV DL DT FIELDSET FIGURE H1 H2 H3 H4 H5 H6 HEADER ' +
    'HGROUP HR LI MAIN OL P PRE SECTION SUMMARY TABLE TBODY THEAD TFOOT TR UL CAPTION CENTER'
  ).split(' '),
);
// Never text a reader of the article reads as prose: captions, alt text, media, widgets, and
// the reading aids of ruby annotation (<rt>, <rp>: furigana above Japanese kanji), which would
// interleave every word with its pronunciation.
// Not <form>: some sites wrap the whole page, article included, in one.
const SKIP = new Set(
  (
    'SCRIPT STYLE NOSCRIPT TEMPLATE IFRAME SVG IMG PICTURE VIDEO AUDIO FIGCAPTION BUTTON ' +
    'INPUT SELECT TEXTAREA OBJECT EMBED CANVAS NAV ASIDE FOOTER AMP-IMG AMP-AD AMP-ANALYTICS ' +
    'AMP-PIXEL AMP-STICKY-AD AMP-SOCIAL-SHARE AMP-VIDEO AMP-IFRAME AMP-YOUTUBE AMP-TWITTER ' +
    'AMP-INSTAGRAM AMP-CONSENT AMP-SIDEBAR AMP-USER-NOTIFICATION RT RP'
  ).split(' '),
);
const CELLS = new Set(['TD', 'TH']);

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
const EMPHASIS = new Set(['EM', 'I', 'STRONG', 'B']);

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
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    // A list that is nearly all links is a "related stories" or tag list, not prose.
    if ((tag === 'UL' || tag === 'OL') && !options.linkLists && linkDensity(el, isLink) > 0.7) {
      // Left as an empty all-link block, so the heading over the list can go with it.
      flush();
      blocks.push({ text: '', item: false, heading: false, links: 1 });
      return;
    }
    if (tag === 'BR') {
      line += '\n';
      return;
    }
    if (CELLS.has(tag)) {
      if (line && !line.endsWith(' ')) line += ' ';
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    if (tag === 'PRE') {
      line += (el.textContent ?? '').replace(/^\n|\s+$/g, '');
      const text = line.replace(/\u00a0/g, ' ');
      if (text.trim()) blocks.push({ text, item: false, heading: false });
      line = '';
      linked = 0;
      emphasized = 0;
      return;
    }
    if (tag === 'LI' || tag === 'TR' || tag === 'DT' || tag === 'DD')
      lineKind = { item: true, heading: false };
    if (/^H[1-6]$/.test(tag)) lineKind = { item: false, heading: true };
    const link = inLink || (tag === 'A' && isLink(el));
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
        const a = (child as Element).tagName.toUpperCase() === 'A' && isLink(child as Element);
        visit(child, a ? links + 1 : links);
      }
    }
  };
  visit(el, 0);
  return total === 0 ? 0 : linked / total;
}
