/**
 * Removes, before Readability sees the page, everything a reader would not see and the page
 * furniture around the article. Hidden text is where injected instructions hide ("ignore your
 * instructions…" in a display:none div), so it must never reach the summarizer.
 */

const NEVER_CONTENT =
  'script,style,noscript,template,iframe,svg,form,object,embed,canvas,dialog,button,select,input,textarea';
const BOILERPLATE_TAGS =
  'nav,footer,aside,[role=navigation],[role=banner],[role=contentinfo],[role=complementary],[role=search],[role=dialog],[role=alertdialog]';

// Class/id words (split on - and _) that mark page furniture. Whole words only, so
// "commentary" or "shared-memory-article" survive.
const BOILERPLATE_WORDS = new Set([
  'share',
  'sharing',
  'social',
  'subscribe',
  'subscription',
  'newsletter',
  'signup',
  'related',
  'comments',
  'comment',
  'disqus',
  'promo',
  'advert',
  'advertisement',
  'ad',
  'ads',
  'sponsored',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'breadcrumb',
  'breadcrumbs',
  'sidebar',
  'widget',
  'recommended',
  'recirculation',
  'popular',
  'trending',
  'outbrain',
  'taboola',
  'paywall',
  'modal',
  'popup',
  'banner',
  'masthead',
  'toolbar',
  'byline', // metadata is read before cleaning; in the text it is noise
  'skip',
]);

const HIDDEN_CLASSES = new Set([
  'sr-only',
  'visually-hidden',
  'visuallyhidden',
  'screen-reader-text',
  'screen-reader-only',
  'hidden',
  'd-none',
  'hide',
  'is-hidden',
  'invisible',
  'offscreen',
]);

const HIDDEN_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:[a-z%]+)?\s*(?:!important)?\s*(?:;|$)|opacity\s*:\s*0(?:\.0+)?\s*(?:!important)?\s*(?:;|$)|(?:height|max-height)\s*:\s*0(?:px)?\s*(?:!important)?\s*(?:;|$)|clip\s*:\s*rect\(\s*0)/i;

// Containers the article itself lives in; a "sidebar" word on <body class="has-sidebar">
// must not delete the page.
const PROTECTED = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

export function removeInvisible(document: Document): void {
  removeAll(document, NEVER_CONTENT);
  removeComments(document);
  for (const el of Array.from(
    document.querySelectorAll('[hidden],[aria-hidden],[style],[class]'),
  )) {
    if (isHidden(el)) el.remove();
  }
}

function isHidden(el: Element): boolean {
  if (PROTECTED.has(el.tagName)) return false;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true') return true;
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  const classes = el.getAttribute('class');
  if (classes) {
    for (const name of classes.toLowerCase().split(/\s+/)) {
      if (HIDDEN_CLASSES.has(name)) return true;
    }
  }
  return false;
}

export function removeBoilerplate(document: Document): void {
  const body = document.body;
  if (!body) return;
  const pageLength = textLength(body);
  const candidates = [
    ...Array.from(document.querySelectorAll(BOILERPLATE_TAGS)),
    ...Array.from(document.querySelectorAll('[class],[id]')).filter(looksLikeBoilerplate),
  ];
  for (const el of candidates) {
    if (!el.isConnected || PROTECTED.has(el.tagName)) continue;
    if (el.querySelector('article,main,[itemprop=articleBody]')) continue;
    // A wrapper holding most of the page is a layout container, not a widget.
    if (textLength(el) > pageLength * 0.5) continue;
    el.remove();
  }
}

export function looksLikeBoilerplate(el: Element): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  for (const word of names.split(/[\s_-]+/)) {
    if (BOILERPLATE_WORDS.has(word)) return true;
  }
  return false;
}

function removeAll(document: Document, selector: string): void {
  for (const el of Array.from(document.querySelectorAll(selector))) el.remove();
}

function removeComments(document: Document): void {
  const stack: Node[] = [document];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 8) child.parentNode?.removeChild(child);
      else if (child.nodeType === 1) stack.push(child);
    }
  }
}

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').length;
}
