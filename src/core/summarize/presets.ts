import type { Length, Style } from '../../shared/schemas.ts';

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
