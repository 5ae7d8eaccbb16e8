import { classOf, collapsedTextLength, elementsNamed, someDescendant } from './dom.ts';

/**
 * Removes, before Readability sees the page, everything a reader would not see and the page
 * furniture around the article. Hidden text is where injected instructions hide ("ignore your
 * instructions…" in a display:none div), so it must never reach the summarizer.
 */

const words = (list: string) => new Set(list.trim().split(/\s+/));

// Element names are compared by localName, in lower case (see isHidden).
const NEVER_CONTENT = words(`
  script style noscript template iframe svg object embed canvas dialog button select input
  textarea link meta title base
  amp-ad amp-analytics amp-pixel amp-sticky-ad amp-social-share amp-consent amp-sidebar
  amp-user-notification
`);
// A <form> (see isBoilerplate) is usually a search box or a comment form, but ASP.NET and some
// CMSs wrap the whole page in one: it is judged like the rest, by how much of the page it holds.
const BOILERPLATE_TAGS = words('nav footer aside');
const BOILERPLATE_ROLES = words(
  'navigation banner contentinfo complementary search dialog alertdialog',
);

// Class/id words (split on - and _) that mark page furniture, as the first or last part of a
// name: "sidebar-left" and "widget_text" are furniture, "content-with-sidebar-wrp" (the
// wrapper of an article that has a sidebar) is not. Whole words only, so "commentary" or
// "shared-memory-article" survive. "byline" is here because metadata is read
// before cleaning; in the text it is noise, and so is an "author-box" or "entry-footer" (a bio,
// tags, share buttons). Not "ad": two letters that end many names in other languages
// ("cuerpo-ad"); "ads" and "advert" say it. "paywall" is not: Google's markup for paid
// articles wraps the full text in class="paywall", and that text is the article.
const BOILERPLATE_WORDS = words(`
  share sharing social subscribe subscription newsletter signup related comments comment disqus
  promo advert advertisement ads sponsored cookie cookies consent gdpr breadcrumb breadcrumbs
  sidebar widget recommended recirculation popular trending outbrain taboola modal popup
  banner masthead toolbar byline caption credit credits relatedposts sharedaddy addtoany shariff
  meta tags tagcloud categories pagination pager rating bio authorbox disclaimer menu navbar nav
  commentlist respond replies discussion cta donate donation readmore poll author footer
`);

const HIDDEN_CLASSES = words(`
  sr-only visually-hidden visuallyhidden screen-reader-text screen-reader-only hidden d-none hide
  is-hidden invisible offscreen
`);

// Inline styles that hide text from a reader. Opacity and height are left alone: fade-in and
// collapse effects use them on real content that scripts reveal.
const HIDDEN_STYLE = new RegExp(
  [
    'display\\s*:\\s*none',
    'visibility\\s*:\\s*(?:hidden|collapse)',
    'font-size\\s*:\\s*0(?:\\.0+)?(?:[a-z%]+)?\\s*(?:!important\\s*)?(?:;|$)',
    'clip\\s*:\\s*rect\\(\\s*0',
    'clip-path\\s*:\\s*inset\\(\\s*50%',
    '(?:left|top|text-indent)\\s*:\\s*-\\d{4,}(?:px|em)',
  ]
    .map((rule) => `(?:^|;)\\s*${rule}`)
    .join('|'),
  'i',
);

// Tailwind and Bootstrap hide on small screens and show on large ones ("hidden md:block");
// the desktop page is the one being read.
const SHOWN_AT_BREAKPOINT =
  /^(?:(?:sm|md|lg|xl|2xl):(?:block|flex|grid|inline|inline-block|table|contents)|d-(?:sm|md|lg|xl|xxl)-(?:block|flex|grid|inline|inline-block|table))$/;

// Containers the article itself lives in; a "sidebar" word on <body class="has-sidebar">
// must not delete the page.
const PROTECTED = words('html body main article');

/** What no reader sees goes; a <noscript> holding the post is opened in place. */
export type InvisibleAction = 'remove' | 'unwrap' | null;

/** What becomes of one element; `hidden` is isHidden(el), asked once by the caller. */
export function invisibleAction(el: Element, tag: string, hidden: boolean): InvisibleAction {
  // Some blogs ship the post twice, in a script template and in <noscript>: the reader
  // without scripts sees the second copy, and so should we.
  if (tag === 'noscript' && holdsProse(el)) return 'unwrap';
  return NEVER_CONTENT.has(tag) || hidden ? 'remove' : null;
}

/** Carries out, in order, what a walk decided (comments are removed as 'remove'). */
export function applyInvisible(nodes: ChildNode[], actions: InvisibleAction[]): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (actions[i] === 'unwrap') (node as Element).replaceWith(...Array.from(node.childNodes));
    else node.remove();
  }
}

/**
 * Drops comments, never-content elements and hidden elements, in one walk (linkedom's
 * selector engine is slow enough that one pass per rule showed up in the benchmark). The
 * extraction itself does this in readPage's walk; this is for a page parsed again.
 */
export function removeInvisible(document: Document): void {
  const judge = (parent: Node, child: ChildNode) => {
    if (child.nodeType === 8) parent.removeChild(child);
    else if (child.nodeType === 1) {
      const el = child as Element;
      const action = invisibleAction(el, el.localName, isHidden(el));
      if (action === 'remove') el.remove();
      else {
        visit(el);
        if (action === 'unwrap') el.replaceWith(...Array.from(el.childNodes));
      }
    }
  };
  const visit = (parent: Node) => {
    // Sibling links, not Array.from(childNodes): linkedom builds that list afresh on every
    // call, and copying it for every element was most of the cost of this walk.
    let next: ChildNode | null;
    for (let child = parent.firstChild; child; child = next) {
      next = child.nextSibling;
      judge(parent, child);
    }
  };
  // linkedom does not link the doctype to its next sibling: the top level is read as a list.
  for (const child of Array.from(document.childNodes)) judge(document, child);
}

const PARAGRAPH: ReadonlySet<string> = new Set(['p']);

/** A <noscript> with paragraphs of text, not a tracking pixel or "please enable JavaScript". */
function holdsProse(noscript: Element): boolean {
  let length = 0;
  for (const p of elementsNamed(noscript, PARAGRAPH)) length += collapsedTextLength(p);
  return length >= NOSCRIPT_PROSE;
}
const NOSCRIPT_PROSE = 200;

// Any of the hidden class names, anywhere in a class list: most lists have none, and one
// search settles that before the list is split.
const HIDDEN_CLASS_HINT = new RegExp(
  Array.from(HIDDEN_CLASSES, (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
  'i',
);

export function isHidden(el: Element): boolean {
  // Asked of every element, twice: most have no attribute that could hide them.
  if (!el.hasAttributes()) return false;
  // localName, not tagName: linkedom upper-cases tagName afresh on every read, and this is
  // asked of every element.
  const tag = el.localName;
  if (tag === 'html' || tag === 'body') return false; // "display:none until scripts load"
  // React's streamed rendering sends each part of the page as <div hidden id="S:0">, which
  // its scripts move into place as soon as it arrives: it is the page, not hidden text.
  if (el.hasAttribute('hidden')) return !isStreamedChunk(el, tag);
  if (el.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true') return true;
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  const classes = el.getAttributeNode('class')?.value;
  if (!classes || !HIDDEN_CLASS_HINT.test(classes)) return false;
  const names = classes.toLowerCase().split(/\s+/);
  return (
    names.some((name) => HIDDEN_CLASSES.has(name)) &&
    !names.some((name) => SHOWN_AT_BREAKPOINT.test(name) || APP_ROOTS.has(name))
  );
}

const isStreamedChunk = (el: Element, tag: string) =>
  tag === 'div' && /^S:\d+$/.test(el.getAttribute('id') ?? '');

// The root a script application renders into, hidden by a class until its scripts have run
// (<div class="root hide">): the whole page, not text kept from the reader.
const APP_ROOTS = words('root app app-root');

export function removeBoilerplate(document: Document): void {
  // Not document.body: pages with a stray early <body> (or two) leave it empty in linkedom.
  const body = document.documentElement;
  if (!body) return;
  const pageLength = collapsedTextLength(body);
  const visit = (parent: Element) => {
    let next: Element | null;
    for (let el = parent.firstElementChild; el; el = next) {
      next = el.nextElementSibling;
      if (isBoilerplate(el) && removable(el, pageLength)) el.remove();
      else visit(el);
    }
  };
  visit(body);
}

function isBoilerplate(el: Element): boolean {
  const tag = el.localName;
  if (PROTECTED.has(tag)) return false;
  // A shop's product form holds the product's description; a search, comment or newsletter
  // form holds a sentence of instructions at most.
  if (tag === 'form') return !holdsParagraphs(el);
  if (BOILERPLATE_TAGS.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role && BOILERPLATE_ROLES.has(role.trim().toLowerCase())) return true;
  return looksLikeBoilerplate(el);
}

const FORM_PROSE = 100;

function holdsParagraphs(form: Element): boolean {
  let count = 0;
  for (const p of elementsNamed(form, PARAGRAPH))
    if (collapsedTextLength(p) >= FORM_PROSE && !p.closest('label') && ++count >= 2) return true;
  return false;
}

// article, main, [itemprop=articleBody]
const isArticleContainer = (el: Element) =>
  el.localName === 'article' ||
  el.localName === 'main' ||
  el.getAttribute('itemprop') === 'articleBody';

function removable(el: Element, pageLength: number): boolean {
  if (someDescendant(el, isArticleContainer)) return false;
  // A wrapper holding most of the page is a layout container, not a widget.
  return collapsedTextLength(el) <= pageLength * 0.5;
}

const STATE_HEADS = words('has with is no');

// Blogger's post container is class="widget Blog": the second name says what the widget is.
const CONTENT_HEADS = words('body content text entry article story post main blog');

// Any furniture word anywhere in the names: most elements have none, and one search settles
// that before the names are split into parts.
const BOILERPLATE_HINT = new RegExp([...BOILERPLATE_WORDS, 'skip'].join('|'), 'i');

// Page builders whose every content block is a "widget": HubSpot's layout cells and modules
// ("widget-span widget-type-cell", "widget-type-rich_text") and SiteOrigin's panels
// ("so-panel widget widget_text").
const BUILDER_BLOCK = /^(?:widget-span$|widget-type-|so-panel$)/;

// "skip" names a skip link ("skip-to-content", "skip-link"), not "skip-item" sections.
const SKIP_LINK = /^skip(?:[-_](?:to|link|links|nav|navigation|main|content)\b|$)/;

export function looksLikeBoilerplate(el: Element): boolean {
  if (!el.hasAttributes()) return false;
  const raw = `${el.getAttributeNode('class')?.value ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (!BOILERPLATE_HINT.test(raw)) return false;
  const names = `${classOf(el)} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  let furniture = false;
  for (const name of names.split(/\s+/)) {
    if (BUILDER_BLOCK.test(name)) return false;
    if (SKIP_LINK.test(name)) {
      furniture = true;
      continue;
    }
    // A BEM modifier ("section--has-ads") and a state class ("has-sharing") say what the
    // element holds or does, not what it is.
    const parts = name.split('--')[0]!.split(/[_-]+/).filter(Boolean);
    if (STATE_HEADS.has(parts[0] ?? '') && parts.length > 1) continue;
    const first = parts[0] ?? '';
    const last = parts[parts.length - 1] ?? '';
    // Page builders name every content block "…-widget" (Elementor's "elementor-widget"):
    // a widget is furniture only when the name starts with it ("widget_text", "widget-area").
    if (BOILERPLATE_WORDS.has(first) || (last !== 'widget' && BOILERPLATE_WORDS.has(last)))
      furniture = true;
    // "story-body comments-open" is the article that has comments, not the comments.
    else if (CONTENT_HEADS.has(parts[parts.length - 1] ?? '')) return false;
  }
  return furniture;
}
