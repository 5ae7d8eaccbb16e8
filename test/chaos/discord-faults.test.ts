import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/discord/bot.ts';
import { type FakeDiscord, startFakeDiscord } from '../../testkit/fake-discord.ts';
import { type FakeOpenAi, fakeSteps, startFakeOpenAi } from '../../testkit/fake-openai.ts';
import { bodyOf, EDIT, isFinalAnswer, startRealBot } from './bot-under-test.ts';
import { chaosArticle, GOOD_CHAOS_ANSWER } from './mix.ts';

/** Discord itself failing the edit that carries the summary: the user still gets it, once. */

let discord: FakeDiscord;
let model: FakeOpenAi;
let bot: Bot;

beforeAll(async () => {
  discord = await startFakeDiscord();
  model = await startFakeOpenAi();
  model.setDefault(fakeSteps.json(GOOD_CHAOS_ANSWER));
  bot = await startRealBot({ discord, model, jobDeadlineMs: 20_000 });
});

afterAll(async () => {
  await bot.stop();
  await model.close();
  await discord.close();
});

/** Summarizes with the edit failing first, and returns every edit attempt once the job ends. */
async function summarizeWhileEditFails(status: 429 | 500, n: number, times = 1) {
  discord.failNext({ route: EDIT, status, times, retryAfter: 0.05 });
  const interaction = discord.slash('summarize', { text: chaosArticle(n) });
  await discord.waitFor(isFinalAnswer(interaction.token), 30_000);
  // A retried edit that also went through twice would show up here.
  await bot.stop();
  bot = await startRealBot({ discord, model, jobDeadlineMs: 20_000 });
  return interaction
    .requests()
    .filter((r) => r.route === EDIT || r.route.startsWith('POST /webhooks'));
}

describe('Discord failing the reply edit', () => {
  it('GIVEN a 429 on the edit THEN the summary arrives exactly once after the wait', async () => {
    const edits = await summarizeWhileEditFails(429, 1001);
    expect(edits.map((r) => r.status)).toEqual([429, 200]);
    expect(bodyOf(edits[1]).embeds.length).toBeGreaterThan(0);
  });

  it('GIVEN a 500 on the edit THEN the summary arrives exactly once after a retry', async () => {
    const edits = await summarizeWhileEditFails(500, 1002);
    expect(edits.map((r) => r.status)).toEqual([500, 200]);
    expect(bodyOf(edits[1]).embeds.length).toBeGreaterThan(0);
  });

  it('GIVEN four 500s in a row on the edit THEN the summary still arrives exactly once', async () => {
    const edits = await summarizeWhileEditFails(500, 1003, 4);
    expect(edits.map((r) => r.status)).toEqual([500, 500, 500, 500, 200]);
    expect(bodyOf(edits[4]).embeds.length).toBeGreaterThan(0);
  });
});
