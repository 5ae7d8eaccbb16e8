import { UserError } from '../errors.ts';
import { isHidden } from './clean.ts';
import type { JsonLdArticle } from './json-ld.ts';

/**
 * Pages that are not the article: login walls, paywall teasers, cookie walls, empty shells.
 * Signals are read from the raw page (before cleaning removes the very banners that give a
 * wall away); the decision is made on the extracted text, so a full article that merely
 * carries a login link or a cookie banner is still read.
 */

export const MIN_WORDS = 80;
// A wall page may carry a teaser; a real article behind a dismissible banner is longer.
const TEASER_WORDS = 350;

export type WallSignals = {
  /** A password field on the page. */
  password: boolean;
  /** "Sign in to continue" and the like somewhere on the page (often just the header). */
  loginText: boolean;
  paywall: boolean;
  cookie: boolean;
};

const LOGIN_TEXT =
  /\b(?:(?:sign|log) ?in (?:to (?:continue|read|view|access)|or (?:sign|register|create)|required)|please (?:sign|log) ?in|you (?:must|need to) (?:be logged|sign|log) ?in|(?:sign|log) in to your account)\b/i;
const PAYWALL_TEXT =
  /\b(?:subscribe (?:now )?to (?:continue|keep) reading|to continue reading,? (?:please )?(?:subscribe|sign up|log in)|(?:this (?:article|story|content) is (?:only )?(?:available )?(?:for|to) (?:subscribers|members))|already (?:a )?(?:subscriber|member)\??|subscribers only|become a (?:subscriber|member) to (?:read|continue)|unlock (?:this|the full) (?:article|story)|read the full (?:article|story) (?:with|by subscribing))/i;
const PAYWALL_CLASS =
  /(?:^|[\s_-])(?:paywall|paywalled|regwall|meter(?:ed)?-?wall|piano|tp-modal|subscriber-only|premium-(?:wall|content-gate)|article-gate)(?:$|[\s_-])/i;
const COOKIE_CLASS =
  /(?:^|[\s_-])(?:cookie|cookies|consent|gdpr|cmp|onetrust|didomi|cookiebot|qc-cmp2)(?:$|[\s_-])/i;
const COOKIE_TEXT =
  /\b(?:we use cookies|uses cookies|cookie (?:policy|settings|preferences)|accept all|reject all|manage (?:cookies|preferences|options)|consent)\b/gi;

export function readWallSignals(document: Document, jsonLd: JsonLdArticle | null): WallSignals {
  const body = document.body;
  const text = body?.textContent?.replace(/\s+/g, ' ') ?? '';
  let paywallClass = false;
  let cookieClass = false;
  for (const el of Array.from(document.querySelectorAll('[class],[id]'))) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!paywallClass && PAYWALL_CLASS.test(names)) paywallClass = true;
    if (!cookieClass && COOKIE_CLASS.test(names)) cookieClass = true;
    if (paywallClass && cookieClass) break;
  }
  const cookieWords = text.match(COOKIE_TEXT)?.length ?? 0;
  return {
    // Sites keep a hidden login modal on every article; only a visible one is a wall.
    password: Array.from(document.querySelectorAll('input[type=password]')).some(
      (el) => !insideHidden(el),
    ),
    loginText: LOGIN_TEXT.test(text),
    paywall: paywallClass || PAYWALL_TEXT.test(text) || jsonLd?.isAccessibleForFree === false,
    cookie: (cookieClass && cookieWords > 0) || cookieWords >= 3,
  };
}

/** Throws the reason this is not an article, or returns when the text is worth summarizing. */
export function assertReadable(text: string, signals: WallSignals): void {
  const words = countWords(text);
  const cookieText = (text.match(COOKIE_TEXT)?.length ?? 0) >= 2;
  const login =
    (signals.password && words < MIN_WORDS * 2) ||
    (words < TEASER_WORDS && LOGIN_TEXT.test(text)) ||
    (signals.loginText && words < MIN_WORDS);
  if (login) {
    throw unreadable('it asks you to log in', 'login_wall');
  }
  if (signals.paywall && words < TEASER_WORDS) {
    throw unreadable('only a teaser is visible; the rest is behind a paywall', 'paywall');
  }
  if ((signals.cookie || cookieText) && words < TEASER_WORDS && (words < MIN_WORDS || cookieText)) {
    throw unreadable('it shows a cookie-consent wall', 'cookie_wall');
  }
  if (words < MIN_WORDS) throw unreadable('there is almost no text on it', 'too_little_text');
}

function unreadable(why: string, reason: string): UserError {
  return new UserError('could_not_read', `could not read this page: ${why}`, { reason });
}

function insideHidden(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (isHidden(node)) return true;
  }
  return false;
}

// Chinese, Japanese and Thai are written without spaces; about two characters make a word.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;

export function countWords(text: string): number {
  const unspaced = text.match(UNSPACED)?.length ?? 0;
  const spaced =
    text.replace(UNSPACED, ' ').match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  return spaced + Math.ceil(unspaced / 2);
}
