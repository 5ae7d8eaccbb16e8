import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/discord/bot.ts';
import { type FakeDiscord, startFakeDiscord } from '../../testkit/fake-discord.ts';
import { type FakeOpenAi, fakeSteps, startFakeOpenAi } from '../../testkit/fake-openai.ts';
import { bodyOf, isFinalAnswer, startRealBot } from './bot-under-test.ts';
import { chaosArticle } from './mix.ts';

/**
 * The provider down for good (every request a 500), with the production breaker thresholds:
 * once enough calls have failed, the rest are answered at once with a clear message instead
 * of each spending its own retries.
 */

const INTERACTIONS = 30;
let discord: FakeDiscord;
let model: FakeOpenAi;
let bot: Bot;
const answers: string[] = [];

beforeAll(async () => {
  discord = await startFakeDiscord();
  model = await startFakeOpenAi();
  model.setDefault(fakeSteps.serverError(500));
  bot = await startRealBot({ discord, model, jobDeadlineMs: 20_000 });
  const tokens = Array.from(
    { length: INTERACTIONS },
    (_, n) => discord.slash('summarize', { text: chaosArticle(2000 + n) }).token,
  );
  for (const token of tokens) {
    answers.push(bodyOf(await discord.waitFor(isFinalAnswer(token), 60_000)).content);
  }
  await bot.stop();
}, 90_000);

afterAll(async () => {
  await model.close();
  await discord.close();
});

describe('the provider down', () => {
  it('GIVEN every model request failing THEN every interaction is told the provider is failing', () => {
    expect(answers).toHaveLength(INTERACTIONS);
    for (const answer of answers) expect(answer).toMatch(/provider|model/i);
  });

  it('GIVEN every model request failing THEN the breaker opens and later jobs make no calls', () => {
    expect(answers.some((answer) => /paused/.test(answer))).toBe(true);
    // Without the breaker each job would make 2 requests (one call, one retry).
    expect(model.requests.length).toBeLessThan(2 * INTERACTIONS);
  });
});
