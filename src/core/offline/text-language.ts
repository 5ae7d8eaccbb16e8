/**
 * The language of an article, told by its commonest words: attribution rules that hold in one
 * language (German verb-second order, a role standing for the person) are applied only there.
 */
export type TextLanguage = 'en' | 'de' | 'fr' | 'es';

const MARKERS: Record<TextLanguage, ReadonlySet<string>> = {
  en: new Set('the and of to is that with for was were be this'.split(' ')),
  de: new Set(
    'der die das und nicht ist sich mit dem den des auf für eine einer sei wurde werden auch'.split(
      ' ',
    ),
  ),
  fr: new Set('le la les et des est une pour dans qui que pas sur au aux du'.split(' ')),
  es: new Set('el la los las y que del una por para con es se no al'.split(' ')),
};
const SAMPLE_CHARS = 6000;

/** The language whose common words the text uses most, or null for too little text. */
export function textLanguage(text: string): TextLanguage | null {
  const counts: Record<TextLanguage, number> = { en: 0, de: 0, fr: 0, es: 0 };
  for (const match of text.slice(0, SAMPLE_CHARS).matchAll(/\p{Ll}+/gu)) {
    for (const language of ['en', 'de', 'fr', 'es'] as const) {
      if (MARKERS[language].has(match[0])) counts[language]++;
    }
  }
  let best: TextLanguage | null = null;
  for (const language of ['en', 'de', 'fr', 'es'] as const) {
    if (counts[language] >= 5 && (best === null || counts[language] > counts[best]))
      best = language;
  }
  return best;
}
