import { UserError } from '../../shared/errors.ts';
import type { JsonLdArticle } from './json-ld.ts';

/**
 * Pages that are not the article: login walls, paywall teasers, cookie walls, empty shells.
 * Signals are read from the visible part of the raw page (before cleaning removes the very
 * banners that give a wall away; hidden templates do not count, since sites ship a hidden
 * login modal or paywall box with every article) and outside the site chrome: a header with a
 * sign-in form or a "paywall-header-wrap" is on every page of the site, articles included. The
 * decision is made on the extracted text, so a full article is still read.
 */

/** Below this many words the page is refused: nothing to summarize. Short posts are articles. */
export const REFUSE_WORDS = 20;
/** Below this many words a page that shows a wall's signals is the wall, not an article. */
export const MIN_WORDS = 80;
// A wall page may carry a teaser; a real article behind a dismissible banner is longer.
const TEASER_WORDS = 350;

export type WallSignals = {
  /** A password field outside the site chrome. */
  password: boolean;
  /** "Sign in to continue" and the like outside the site chrome. */
  loginText: boolean;
  paywall: boolean;
  cookie: boolean;
};

const LOGIN_TEXT =
  /\b(?:(?:sign|log) ?in (?:to (?:continue|read|view|access)|or (?:sign|register|create)|required)|please (?:sign|log) ?in|you (?:must|need to) (?:be logged|sign|log) ?in|(?:sign|log) in to your account)\b/i;
const PAYWALL_TEXT =
  /\b(?:subscribe (?:now )?to (?:continue|keep) reading|to continue reading,? (?:please )?(?:subscribe|sign up|log in)|(?:this (?:article|story|content) is (?:only )?(?:available )?(?:for|to) (?:subscribers|members))|subscribers only|become a (?:subscriber|member) to (?:read|continue)|unlock (?:this|the full) (?:article|story)|read the full (?:article|story) (?:with|by subscribing))/i;
const PAYWALL_CLASS =
  /(?:^|[\s_-])(?:paywall|paywalled|regwall|meter(?:ed)?-?wall|tp-modal|subscriber-only|premium-(?:wall|content-gate)|article-gate)(?:$|[\s_-])/i;
const COOKIE_CLASS =
  /(?:^|[\s_-])(?:cookie|cookies|consent|gdpr|cmp|onetrust|didomi|cookiebot|qc-cmp2)(?:$|[\s_-])/i;
const COOKIE_TEXT =
  /\b(?:we use cookies|uses cookies|cookie (?:policy|settings|preferences)|accept all|reject all|manage (?:cookies|preferences|options)|consent)\b/gi;

const INVISIBLE_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head']);
// The parts of a page every page of the site carries.
const CHROME_TAGS = new Set(['header', 'nav', 'aside', 'footer']);
const CHROME_ROLES = new Set(['banner', 'navigation', 'contentinfo', 'complementary', 'dialog']);
const CHROME_PARTS = new Set(
  'header masthead top topbar offcanvas nav navbar navigation menu toolbar modal popup overlay dropdown sidebar footer'.split(
    ' ',
  ),
);

// One of CHROME_PARTS as a whole part of a class or id name (parts are split on spaces, "_"
// and "-"); a search rather than a split, since every element of the page is asked.
const CHROME_NAME = new RegExp(
  `(?:^|[\\s_-])(?:${Array.from(CHROME_PARTS).join('|')})(?:$|[\\s_-])`,
  'i',
);

function isChrome(el: Element, tag: string, names: string): boolean {
  if (CHROME_TAGS.has(tag)) return true;
  const role = el.getAttribute('role')?.trim().toLowerCase();
  if (role && CHROME_ROLES.has(role)) return true;
  return CHROME_NAME.test(names);
}

/** What the walk of the visible page has met so far (read-page.ts walks it). */
export type WallNotes = {
  texts: string[];
  password: boolean;
  paywallClass: boolean;
  cookieClass: boolean;
};

export function wallNotes(): WallNotes {
  return { texts: [], password: false, paywallClass: false, cookieClass: false };
}

/**
 * One element below the root, met inside the site chrome or not (`hidden`: isHidden, asked
 * once by the walk): null when neither it nor what it holds is visible, else whether it is
 * (inside) the chrome.
 */
export function noteWallElement(
  notes: WallNotes,
  el: Element,
  tag: string,
  hidden: boolean,
  inChrome: boolean,
): boolean | null {
  if (INVISIBLE_TAGS.has(tag) || hidden) return null;
  // The raw class attribute: the tests below split it or search it, so its spacing does not
  // matter, and linkedom's getAttribute('class') would build a token list per element.
  const names = el.hasAttributes()
    ? `${el.getAttributeNode('class')?.value ?? ''} ${el.getAttribute('id') ?? ''}`
    : ' ';
  const chrome = inChrome || isChrome(el, tag, names);
  if (tag === 'input' && !chrome && el.getAttribute('type')?.toLowerCase() === 'password')
    notes.password = true;
  if (names.length > 1) {
    // A gate says so in words; an empty placeholder or a "subscriber only" label on a
    // teaser in the related-stories list is not one.
    notes.paywallClass ||=
      !chrome && PAYWALL_CLASS.test(names) && countWords(el.textContent ?? '') >= 5;
    notes.cookieClass ||= COOKIE_CLASS.test(names);
  }
  return chrome;
}

/** A text node of the visible page. */
export function noteWallText(notes: WallNotes, text: string, inChrome: boolean): void {
  if (!inChrome) notes.texts.push(text);
}

/**
 * The signals, with those read from the page's visible text worked out on first use: the
 * text is the whole page, and assertReadable only asks for them of a short extract.
 */
export function readWallSignals(notes: WallNotes, jsonLd: JsonLdArticle | null): WallSignals {
  let text: string | undefined;
  const visible = () => (text ??= notes.texts.join(' ').replace(/\s+/g, ' '));
  const once = <T>(read: () => T) => {
    let value: { v: T } | undefined;
    return () => {
      value ??= { v: read() };
      return value.v;
    };
  };
  const loginText = once(() => LOGIN_TEXT.test(visible()));
  const paywall = once(
    () =>
      notes.paywallClass || PAYWALL_TEXT.test(visible()) || jsonLd?.isAccessibleForFree === false,
  );
  const cookie = once(() => {
    const cookieWords = visible().match(COOKIE_TEXT)?.length ?? 0;
    return (notes.cookieClass && cookieWords > 0) || cookieWords >= 3;
  });
  return {
    password: notes.password,
    get loginText() {
      return loginText();
    },
    get paywall() {
      return paywall();
    },
    get cookie() {
      return cookie();
    },
  };
}

/** Throws the reason this is not an article, or returns when the text is worth summarizing. */
export function assertReadable(text: string, signals: WallSignals, words = countWords(text)): void {
  // The length is tested before a signal read from the text or the page's text (worked out
  // on first use, see readWallSignals): a long article never needs them.
  const cookieText = () => (text.match(COOKIE_TEXT)?.length ?? 0) >= 2;
  const login =
    (signals.password && words < MIN_WORDS * 2) ||
    (words < TEASER_WORDS && LOGIN_TEXT.test(text)) ||
    (words < MIN_WORDS && signals.loginText);
  if (login) {
    throw unreadable('it asks you to log in', 'login_wall');
  }
  if (
    (words < TEASER_WORDS && signals.paywall) ||
    (words < TEASER_WORDS && PAYWALL_TEXT.test(text))
  ) {
    throw unreadable('only a teaser is visible; the rest is behind a paywall', 'paywall');
  }
  // A short article on a site with a cookie banner is still an article: the wall is when the
  // consent text is what is left to read.
  if ((words < TEASER_WORDS && cookieText()) || (words < REFUSE_WORDS && signals.cookie)) {
    throw unreadable('it shows a cookie-consent wall', 'cookie_wall');
  }
  if (words < REFUSE_WORDS) throw unreadable('there is almost no text on it', 'too_little_text');
}

function unreadable(why: string, reason: string): UserError {
  return new UserError('could_not_read', `could not read this page: ${why}`, { reason });
}

// Chinese, Japanese and Thai are written without spaces; about two characters make a word.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;

const SPACED_WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  // Counted, not matched into arrays: this runs on whole articles several times a page.
  const unspaced = countMatches(UNSPACED, text);
  const spaced = countMatches(SPACED_WORD, unspaced ? text.replace(UNSPACED, ' ') : text);
  return spaced + Math.ceil(unspaced / 2);
}

function countMatches(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text)) count++;
  return count;
}
