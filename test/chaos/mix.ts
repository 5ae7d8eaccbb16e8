import { createHash } from 'node:crypto';
import type { SummaryOutput } from '../../src/shared/schemas.ts';
import { type FakeChatRequest, type FakeStep, fakeSteps } from '../../testkit/fake-openai.ts';
import { EXAMPLE, GOOD_ANSWER } from '../../testkit/pipeline-helpers.ts';

/**
 * The failure mix of the chaos test, in percent. Each model request gets one step, chosen by a
 * seeded hash of which article it is for and how many requests that article has made — the
 * same run answers the same way whatever order the concurrent requests arrive in.
 */
export const CHAOS_MIX: [kind: string, percent: number, step: () => FakeStep][] = [
  ['rate-limit', 30, () => fakeSteps.rateLimit({ retryAfterMs: 100 })],
  ['server-error', 20, () => fakeSteps.serverError(500)],
  ['hang', 10, () => fakeSteps.hang()],
  ['invalid-json', 10, () => fakeSteps.content('{"tldr": "The talks ended without')],
  ['length', 10, () => fakeSteps.length('{"tldr": "The talks')],
  ['refusal', 5, () => fakeSteps.refusal()],
  ['quota', 5, () => fakeSteps.quota()],
  ['good', 10, () => fakeSteps.json(GOOD_CHAOS_ANSWER)],
];

const SEED = 'precis-chaos-1';

export function pickStep(key: string): { kind: string; step: FakeStep } {
  const hash = createHash('sha256').update(`${SEED}:${key}`).digest();
  const roll = hash.readUInt32BE(0) % 100;
  let upTo = 0;
  for (const [kind, percent, step] of CHAOS_MIX) {
    upTo += percent;
    if (roll < upTo) return { kind, step: step() };
  }
  throw new Error('the chaos mix does not add up to 100 %');
}

/** The first 5,500 characters of the fixture fit a /summarize text option (6,000 at most). */
const ARTICLE = EXAMPLE.slice(0, 5_500);

/** A distinct article per interaction, so each model request names the interaction it serves. */
export function chaosArticle(n: number): string {
  return `${ARTICLE}\n\nChaos article ${n}.`;
}

export function tagOf(request: FakeChatRequest): string {
  const text = request.messages.map((message) => message.content ?? '').join('\n');
  return /Chaos article (\d+)\./.exec(text)?.[1] ?? 'untagged';
}

/** A valid answer whose quotes are all in the shortened article. */
export const GOOD_CHAOS_ANSWER: SummaryOutput = {
  ...GOOD_ANSWER,
  bullets: GOOD_ANSWER.bullets.filter((bullet) => !bullet.quoteIds.includes('q3')),
  quotes: GOOD_ANSWER.quotes.filter((quote) => quote.id !== 'q3'),
};
