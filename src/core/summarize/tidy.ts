import type { Bullet, Quote, SummaryOutput } from '../../shared/schemas.ts';

const URL_PATTERN = /\bhttps?:\/\/[^\s<>()]+/gi;

/**
 * Last checks on the model's summary before anyone sees it: at most the bullets the length
 * allows, evidence that points only at quotes that survived verification, and no link that
 * the source does not contain (an injected "visit https://attacker…" must not come through).
 */
export function tidySummary(
  output: SummaryOutput,
  quotes: Quote[],
  sourceText: string,
  maxBullets: number,
): { tldr: string; bullets: Bullet[] } {
  const kept = new Set(quotes.map((quote) => quote.id));
  const clean = (text: string) =>
    text
      .replace(URL_PATTERN, (url) => (sourceText.includes(url) ? url : '[link removed]'))
      .replace(/\s+/g, ' ')
      .trim();
  return {
    tldr: clean(output.tldr),
    bullets: output.bullets
      .map((bullet) => ({
        text: clean(bullet.text),
        quoteIds: [...new Set(bullet.quoteIds)].filter((id) => kept.has(id)),
      }))
      .filter((bullet) => bullet.text.length > 0)
      .slice(0, maxBullets),
  };
}
