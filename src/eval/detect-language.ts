import type { EvalLanguage } from './eval-set.ts';

/**
 * Frequent function words per language. Summaries are short, so a cheap stop-word ratio is
 * enough to tell English, French, German and Spanish apart without any model.
 */
const STOP_WORDS: Record<EvalLanguage, ReadonlySet<string>> = {
  en: new Set(
    'the of and to in is that for it with as was on are be by this at from has have said will not but they its their an were which who after more than'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'le la les de des du et un une est que qui pour dans sur par au aux ne pas plus il elle sont ont a été avec ce cette ses leur selon'.split(
      ' ',
    ),
  ),
  de: new Set(
    'der die das und ist nicht ein eine den dem des zu mit auf für sich von im auch es sie wird hat sind wie bei nach aus dass noch'.split(
      ' ',
    ),
  ),
  es: new Set(
    'el la los las de del y en un una es que por para con no se su sus al lo como más pero fue ha según sobre está son'.split(
      ' ',
    ),
  ),
};

export interface DetectedLanguage {
  language: EvalLanguage | 'unknown';
  /** Share of the words that are stop words of the detected language. */
  ratio: number;
}

/** Below this share of stop words the text is too short or too odd to call. */
const MIN_RATIO = 0.08;

export function detectLanguage(text: string): DetectedLanguage {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return { language: 'unknown', ratio: 0 };
  let best: DetectedLanguage = { language: 'unknown', ratio: 0 };
  for (const [language, stops] of Object.entries(STOP_WORDS) as [
    EvalLanguage,
    ReadonlySet<string>,
  ][]) {
    const ratio = words.filter((word) => stops.has(word)).length / words.length;
    if (ratio > best.ratio) best = { language, ratio };
  }
  return best.ratio >= MIN_RATIO ? best : { language: 'unknown', ratio: best.ratio };
}
