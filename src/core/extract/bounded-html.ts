import { Tokenizer } from 'htmlparser2';

/**
 * Nesting and size caps applied to the markup before the DOM parser sees it.
 *
 * The cap cannot wait until after parsing: htmlparser2 (under linkedom) keeps its open-element
 * stack with unshift/shift, so each tag costs time proportional to the nesting depth and
 * 50,000 unclosed `<div><b><i>` take minutes to parse. Readability then scans every
 * descendant of every candidate, which is quadratic and worse in depth again. One linear pass
 * over htmlparser2's own tokenizer (so scripts, comments and attributes are read the way the
 * parser reads them) drops the tags that would open deeper than `maxDepth`, or beyond the
 * first `maxElements` elements. Their text stays where it was, so deep content is flattened
 * into its ancestor at the cap rather than lost.
 */
const HTML_LIMITS = {
  // Browsers cap depth at 512. Of 990 real pages (the extraction dev set) the deepest is 42
  // and the largest has 10,106 elements.
  maxDepth: 128,
  maxElements: 30_000,
};

// htmlparser2's rules for a start tag that closes the open element (only the innermost one is
// checked, as there). Copied because the parser does not export them; without them a page of
// unclosed <p> or <li> would look deeply nested here when it is flat to the parser.
const P = ['p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>(
  Object.entries({
    tr: ['tr', 'th', 'td'],
    th: ['th'],
    td: ['thead', 'th', 'td'],
    body: ['head', 'link', 'script'],
    li: ['li'],
    select: FORM,
    input: FORM,
    output: FORM,
    button: FORM,
    datalist: FORM,
    textarea: FORM,
    option: ['option'],
    optgroup: ['optgroup', 'option'],
    dd: ['dd', 'dt'],
    dt: ['dd', 'dt'],
    rt: ['rt', 'rp'],
    rp: ['rt', 'rp'],
    tbody: ['thead', 'tbody'],
    tfoot: ['thead', 'tbody'],
    ...Object.fromEntries(
      'h1 h2 h3 h4 h5 h6 p address article aside blockquote details div dl fieldset figcaption figure footer form header hr main nav ol pre section table ul'
        .split(' ')
        .map((tag) => [tag, P]),
    ),
  }).map(([tag, closes]) => [tag, new Set(closes)]),
);
const VOID = new Set(
  'area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr'.split(
    ' ',
  ),
);
const FOREIGN = new Set(['svg', 'math']);

export interface BoundedHtml {
  html: string;
  /** Tags removed to respect the caps (0: the page is returned as it came). */
  droppedTags: number;
  /** Scripts, styles and comments cut with `cutInert` (0 without it). */
  inertCut: number;
  maxDepth: number;
  elements: number;
}

/**
 * `cutInert` also cuts, in the same pass, what the extraction removes before reading any
 * text: comments, styles and scripts other than JSON data (JSON-LD is read from the page).
 * The parser then never builds their nodes, about a sixth of its work on a typical page.
 */
export function boundHtml(
  html: string,
  limits = HTML_LIMITS,
  options: { cutInert?: boolean } = {},
): BoundedHtml {
  let bounded = boundOnce(html, limits, options);
  // What a stray CDATA section swallowed was never read by this pass: read the page again
  // with it opened. A few passes and no more: what a hostile page stacks beyond that stays
  // swallowed, as the parser would have it anyway.
  for (let pass = 1; bounded.strayCdata > 0 && pass < MAX_PASSES; pass++)
    bounded = boundOnce(bounded.html, limits, options);
  const { strayCdata: _, ...result } = bounded;
  return result;
}

const MAX_PASSES = 4;
const CDATA_OPEN = '<![CDATA['.length;

function boundOnce(
  html: string,
  limits: typeof HTML_LIMITS,
  { cutInert = false }: { cutInert?: boolean },
): BoundedHtml & { strayCdata: number } {
  // Open elements as the parser will see them, innermost last; only ever maxDepth long.
  const open: string[] = [];
  // Tags dropped while open, innermost last, with a count by name to match their end tags.
  const dropped: string[] = [];
  const droppedByName = new Map<string, number>();
  const cuts: number[] = []; // [start, end) pairs of markup to remove
  let elements = 0;
  let deepest = 0;
  let foreign = 0;
  let tagName = '';
  let tagStart = 0;
  let inertCut = 0;
  let strayCdata = 0;
  // A script or style being cut: where its start tag began (-1: none), and for a script,
  // whether its type attribute says it holds JSON.
  let inertFrom = -1;
  let readingType = false;
  let jsonType = false;

  const popDropped = () => {
    const name = dropped.pop()!;
    droppedByName.set(name, droppedByName.get(name)! - 1);
  };
  const popOpen = () => {
    if (FOREIGN.has(open.pop()!)) foreign--;
  };

  const startTag = (end: number, selfClosing: boolean) => {
    const name = tagName;
    elements++;
    const closes = IMPLIES_CLOSE.get(name);
    // In SVG and MathML a self-closing tag is closed; in HTML only void elements are.
    const staysOpen = !VOID.has(name) && !(selfClosing && foreign > 0);
    // Inside a dropped element everything is dropped: the parser sees only its text.
    if (dropped.length > 0) {
      while (closes && dropped.length > 0 && closes.has(dropped[dropped.length - 1]!)) popDropped();
    }
    if (dropped.length === 0) {
      while (closes && open.length > 0 && closes.has(open[open.length - 1]!)) popOpen();
      if (elements <= limits.maxElements && (!staysOpen || open.length < limits.maxDepth)) {
        if (!staysOpen) return;
        // The tokenizer reads a script's or style's content as raw text up to its end tag,
        // so nothing inside can open an element or a cut (`<script/>` is not read so).
        if (cutInert && !selfClosing && (name === 'style' || (name === 'script' && !jsonType))) {
          inertFrom = tagStart;
        }
        open.push(name);
        if (FOREIGN.has(name)) foreign++;
        if (open.length > deepest) deepest = open.length;
        return;
      }
    }
    cuts.push(tagStart, end + 1);
    if (staysOpen) {
      dropped.push(name);
      droppedByName.set(name, (droppedByName.get(name) ?? 0) + 1);
    }
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      onopentagname(start, end) {
        tagStart = start - 1;
        tagName = html.slice(start, end).toLowerCase();
        jsonType = false;
      },
      onopentagend(end) {
        startTag(end, false);
      },
      onselfclosingtag(end) {
        startTag(end, true);
      },
      onclosetag(start, end) {
        const name = html.slice(start, end).toLowerCase();
        if (inertFrom >= 0 && name === open[open.length - 1]) {
          cuts.push(inertFrom, end + 1);
          inertFrom = -1;
          inertCut++;
          popOpen();
          return;
        }
        if ((droppedByName.get(name) ?? 0) > 0) {
          // It ends a dropped element: drop it too, with the dropped ones it encloses.
          while (dropped[dropped.length - 1] !== name) popDropped();
          popDropped();
          cuts.push(start - 2, end + 1);
          return;
        }
        const at = open.lastIndexOf(name);
        if (at === -1) return; // the parser ignores a stray end tag (or mends </p> and </br>)
        dropped.length = 0;
        droppedByName.clear();
        while (open.length > at) popOpen();
      },
      onattribname(start, end) {
        readingType = cutInert && tagName === 'script' && end - start === 4;
        readingType &&= html.slice(start, end).toLowerCase() === 'type';
      },
      onattribdata(start, end) {
        // Entities are left undecoded: one in a type value keeps the script, to be safe.
        if (readingType && /json|&/i.test(html.slice(start, end))) jsonType = true;
      },
      onattribentity() {},
      onattribend() {
        readingType = false;
      },
      oncdata(start) {
        // In HTML (not SVG or MathML) a browser reads "<![CDATA[" as a comment that ends at
        // the next ">"; the parser reads on to "]]>", which a forum page that prints a stray
        // "<![CDATA[" never has, and swallows the rest of the page. Cut as the browser reads.
        if (foreign > 0) return;
        const end = html.indexOf('>', start);
        cuts.push(start - CDATA_OPEN, end < 0 ? html.length : end + 1);
        strayCdata++;
      },
      oncomment(start, end, endLength) {
        // A whole `<!--…-->`; the tokenizer also reports `<!…>` and `<?…>` as comments.
        if (!cutInert || endLength !== 2 || !html.startsWith('<!--', start - 4)) return;
        cuts.push(start - 4, end + 1);
        inertCut++;
      },
      ondeclaration() {},
      onend() {},
      onprocessinginstruction() {},
      ontext() {},
      ontextentity() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  // A script never closed runs to the end of the page, as it does for the parser.
  if (inertFrom >= 0) {
    cuts.push(inertFrom, html.length);
    inertCut++;
  }

  const result = {
    droppedTags: cuts.length / 2 - inertCut - strayCdata,
    inertCut,
    maxDepth: deepest,
    elements,
    strayCdata,
  };
  if (cuts.length === 0) return { html, ...result };
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < cuts.length; i += 2) {
    parts.push(html.slice(from, cuts[i]));
    from = cuts[i + 1]!;
  }
  parts.push(html.slice(from));
  return { html: parts.join(''), ...result };
}
