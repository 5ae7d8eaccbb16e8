import type { ArticleDocument, Length, Style } from '../../shared/schemas.ts';

/** What each length means, for the prompt and for checking the answer. */
export const LENGTH_PRESETS: Record<Length, { bullets: number; quotes: number; words: string }> = {
  short: {
    bullets: 3,
    quotes: 3,
    words: 'a tldr of at most 25 words and at most 3 bullets of at most 20 words each',
  },
  medium: {
    bullets: 5,
    quotes: 5,
    words: 'a tldr of at most 35 words and at most 5 bullets of at most 25 words each',
  },
  long: {
    bullets: 8,
    quotes: 8,
    words: 'a tldr of at most 50 words and at most 8 bullets of at most 30 words each',
  },
};

export const STYLE_TEXT: Record<Style, string> = {
  bullets: 'bullets — each bullet is one short, separate point',
  prose: 'prose — the bullets are consecutive sentences that read as one paragraph',
};

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** 'fr' or 'pt-BR' -> 'French', 'Brazilian Portuguese'; a name is kept; null -> the source's. */
export function describeLanguage(language: string | null): string {
  if (!language) return "the article's own language";
  try {
    const name = languageNames.of(language);
    if (name && name !== language) return name;
  } catch {
    // Not a language tag: the user wrote a name such as "German".
  }
  return language;
}

/**
 * What the source is and how a reader wants it summarized, for prompts that ask (the
 * {{pageKind}} variable). A thread is a discussion whose posts carry their poster's name on a
 * line of their own, which is how extraction renders one.
 */
export const PAGE_KIND_TEXT: Record<NonNullable<ArticleDocument['pageType']>, string> = {
  article: 'an article: summarize what it reports or argues',
  forum:
    "a discussion thread: each post follows its poster's name, written on a line of its own. Summarize it as a discussion: the tldr says what the opening post asks or proposes; each bullet says who argued what, naming the poster; a quote's speaker is the poster who wrote it",
  qa: "a question and its answers: each post follows its poster's name, written on a line of its own. The tldr states the question; each bullet gives one answer and who gave it; a quote's speaker is the poster who wrote it",
  product:
    'a product page: the tldr says what the product is; the bullets give its main specifications and features as the page states them',
  listing:
    "a list of items (posts, products, courses or places): the tldr says what the list is; each bullet is one item or group of items, in the page's order",
  documentation:
    'documentation: the tldr says what it documents; the bullets give the steps, options or facts a reader needs',
  other: 'a web page: summarize its main content',
};

/** The page kind for a document; text, files and untyped pages read as articles. */
export function describePageKind(pageType: ArticleDocument['pageType']): string {
  return PAGE_KIND_TEXT[pageType ?? 'article'];
}
