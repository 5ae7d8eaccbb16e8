import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkClaim, indexForGrounding } from '../../src/core/grounding/index.ts';
import { EXAMPLE } from '../../testkit/pipeline-helpers.ts';

const fixture = JSON.parse(
  readFileSync(new URL('./paraphrased-bullets.json', import.meta.url), 'utf8'),
) as { bullets: Array<{ bullet: string; passage: string }> };
const index = indexForGrounding(EXAMPLE);

/** Where among a claim's evidence the passage it rests on comes: 1 = first, 0 = not found. */
function rankOf(bullet: string, passage: string): number {
  const evidence = checkClaim(index, bullet).evidence;
  const at = evidence.findIndex((span) => EXAMPLE.slice(span.start, span.end).includes(passage));
  return at + 1;
}

describe('evidence for paraphrased bullets', () => {
  it('GIVEN hand-written paraphrases THEN the right passage is among the first two for at least 85%', () => {
    const ranks = fixture.bullets.map(({ bullet, passage }) => rankOf(bullet, passage));
    const topTwo = ranks.filter((rank) => rank === 1 || rank === 2).length;
    expect(fixture.bullets.length).toBeGreaterThanOrEqual(25);
    expect(topTwo / ranks.length).toBeGreaterThanOrEqual(0.85);
  });

  it('GIVEN every fixture passage THEN it is really in the article', () => {
    for (const { passage } of fixture.bullets) expect(EXAMPLE).toContain(passage);
  });
});

// Bullets paraphrasing real PolNeAR articles; the articles are read in place from the shared
// dev data when it is beside the repository, never copied in.
const POLNEAR = new URL('../../../shared/dev-data/quotes/dev.jsonl', import.meta.url).pathname;
const news = JSON.parse(
  readFileSync(
    new URL('../../bench/fixtures/paraphrased-news-bullets.json', import.meta.url),
    'utf8',
  ),
) as { bullets: Array<{ article: string; bullet: string; passage: string }> };

describe.skipIf(!existsSync(POLNEAR))('evidence for paraphrased bullets on real news', () => {
  it('GIVEN hand-written paraphrases of PolNeAR articles THEN the right passage is among the first two for at least 85%, and few are unsupported', () => {
    // Read here, not in the describe body, which runs even when the data is absent and skipped.
    const articles = new Map(
      readFileSync(POLNEAR, 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as { id: string; text: string })
        .map((row) => [row.id, row.text] as const),
    );
    let topTwo = 0;
    let unsupported = 0;
    for (const { article, bullet, passage } of news.bullets) {
      const text = articles.get(article);
      expect(text, article).toBeDefined();
      const result = checkClaim(indexForGrounding(text!), bullet);
      const rank = result.evidence.findIndex((span) =>
        text!.slice(span.start, span.end).includes(passage),
      );
      if (rank === 0 || rank === 1) topTwo++;
      if (result.status === 'unsupported') unsupported++;
    }
    expect(news.bullets.length).toBeGreaterThanOrEqual(25);
    expect(topTwo / news.bullets.length).toBeGreaterThanOrEqual(0.85);
    expect(unsupported / news.bullets.length).toBeLessThanOrEqual(0.1);
  });
});
