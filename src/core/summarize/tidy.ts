import type { Bullet, Quote, SummaryOutput } from '../../shared/schemas.ts';

// No word boundary before the scheme: `Readmorehttps://…`, `1https://…` and `_https://…` are
// still links to Discord.
const URL_PATTERN = /https?:\/\/[^\s<>()]+/gi;
// Controls (ESC included), bidi overrides and isolates, zero-width and other format characters:
// none belongs in a summary, and some reorder or hide what a reader sees.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
// Custom emoji markup (<:name:id>, <a:name:id>) renders a server's image, not text.
const CUSTOM_EMOJI = /<a?:\w{1,32}:\d{1,25}>/g;

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
      .replace(INVISIBLE, ' ')
      .replace(CUSTOM_EMOJI, ' ')
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
