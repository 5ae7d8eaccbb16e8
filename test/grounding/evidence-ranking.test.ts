import { readFileSync } from 'node:fs';
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
