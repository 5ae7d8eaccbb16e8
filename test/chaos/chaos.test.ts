import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/discord/bot.ts';
import {
  type FakeDiscord,
  type RecordedRequest,
  startFakeDiscord,
} from '../../testkit/fake-discord.ts';
import { type FakeOpenAi, type FakeStep, startFakeOpenAi } from '../../testkit/fake-openai.ts';
import { bodyOf, EDIT, FOLLOW_UP, isFinalAnswer, startRealBot } from './bot-under-test.ts';
import { CHAOS_MIX, chaosArticle, pickStep, tagOf } from './mix.ts';

/**
 * Fifty concurrent /summarize interactions through the fake Discord, answered by the real bot
 * and the real pipeline, while the fake model fails in every way the issue lists. What must
 * hold: one final answer per interaction, in time, within the model-call budget, no crash.
 */

const INTERACTIONS = 50;
const SERVERS = 7;
const JOB_DEADLINE_MS = 20_000;
const FINAL_ANSWER_WITHIN_MS = 90_000;
const GENERIC_ERROR = /Something went wrong on our side/;

let discord: FakeDiscord;
let model: FakeOpenAi;
let bot: Bot;
const logs: Record<string, unknown>[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
/** Requests seen per article tag, so each tag's n-th request gets its own seeded step. */
const seenPerTag = new Map<string, number>();

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  discord = await startFakeDiscord();
  model = await startFakeOpenAi();
  model.setDefault((request): FakeStep => {
    const tag = tagOf(request);
    const nth = (seenPerTag.get(tag) ?? 0) + 1;
    seenPerTag.set(tag, nth);
    return pickStep(`${tag}#${nth}`).step;
  });
  bot = await startRealBot({
    discord,
    model,
    jobDeadlineMs: JOB_DEADLINE_MS,
    logs,
    scheduler: {
      // The mix makes about half of all attempts fail the way an outage does (429, 500,
      // hang), and some calls still fail after their retry. With the production threshold
      // (50 % of at least 10 calls) the breaker would open early and turn most of the run
      // into instant "provider paused" answers, leaving the retry, re-ask and timeout paths
      // untested. Here it opens only for a provider that is essentially down;
      // provider-down.test.ts shows the production thresholds opening it.
      errorThresholdPercentage: 90,
      volumeThreshold: 20,
      resetTimeoutMs: 1_000,
    },
  });
});

afterAll(async () => {
  await bot?.stop({ graceMs: 5_000 });
  await model?.close();
  await discord?.close();
  process.off('unhandledRejection', onUnhandled);
});

const finalAnswers = (token: string) => discord.requests.filter(isFinalAnswer(token));

describe('chaos: 50 concurrent interactions against a failing model', () => {
  interface Sent {
    n: number;
    token: string;
    sentAt: number;
    answeredAt: number;
  }
  const sent: Sent[] = [];
  let rssBefore = 0;
  let rssAfter = 0;

  beforeAll(async () => {
    const servers = Array.from({ length: SERVERS }, () => discord.addGuild());
    // Discord failing too: the first edits and error follow-ups meet 429s and 500s. The client
    // retries a 5xx six times (src/discord/runtime/client.ts), so three in a row are ridden out.
    discord.failNext({ route: EDIT, status: 429, times: 5, retryAfter: 0.2 });
    discord.failNext({ route: EDIT, status: 500, times: 3 });
    discord.failNext({ route: FOLLOW_UP, status: 500, times: 3 });
    rssBefore = process.memoryUsage().rss;
    const answered = Array.from({ length: INTERACTIONS }, async (_, n) => {
      const server = servers[n % SERVERS];
      const sentAt = performance.now();
      const interaction = discord.slash(
        'summarize',
        { text: chaosArticle(n) },
        server ? { guildId: server.guildId } : {},
      );
      const answer = await discord.waitFor(
        isFinalAnswer(interaction.token),
        FINAL_ANSWER_WITHIN_MS,
      );
      sent.push({ n, token: interaction.token, sentAt, answeredAt: answer.at });
    });
    await Promise.all(answered);
    // Lets every job finish its bookkeeping, so a late duplicate would be seen below.
    await bot.stop({ graceMs: 30_000 });
    rssAfter = process.memoryUsage().rss;
  }, 150_000);

  it('GIVEN the mix THEN it really exercised every kind of failure and some successes', () => {
    const kinds = new Set(
      [...seenPerTag.entries()].flatMap(([tag, count]) =>
        Array.from({ length: count }, (_, i) => pickStep(`${tag}#${i + 1}`).kind),
      ),
    );
    expect([...kinds].sort()).toEqual(CHAOS_MIX.map(([kind]) => kind).sort());
  });

  it('GIVEN Discord failing some edits and follow-ups THEN those failures really happened', () => {
    const failed = discord.requests.filter(
      (r) => (r.route === EDIT || r.route === FOLLOW_UP) && r.status >= 429,
    );
    expect(failed).toHaveLength(11);
  });

  it('GIVEN the mix THEN every interaction gets its final answer within 90 s', () => {
    expect(sent).toHaveLength(INTERACTIONS);
    for (const s of sent) expect(s.answeredAt - s.sentAt).toBeLessThan(FINAL_ANSWER_WITHIN_MS);
  });

  it('GIVEN the mix THEN no interaction is answered twice', () => {
    const counts = sent.map((s) => finalAnswers(s.token).length);
    expect(counts).toEqual(sent.map(() => 1));
  });

  it('GIVEN the mix THEN every answer is a summary or a clear error, never the generic one', () => {
    for (const s of sent) {
      const answer = finalAnswers(s.token)[0];
      expect(answer).toBeDefined();
      const { content, embeds } = bodyOf(answer as RecordedRequest);
      if (embeds.length > 0) continue;
      expect(content.length, `interaction ${s.n}`).toBeGreaterThan(20);
      expect(content, `interaction ${s.n}`).not.toMatch(GENERIC_ERROR);
    }
  });

  it('GIVEN the mix THEN some interactions still get a summary', () => {
    const summaries = sent.filter(
      (s) => bodyOf(finalAnswers(s.token)[0] as RecordedRequest).embeds.length > 0,
    );
    expect(summaries.length).toBeGreaterThan(0);
  });

  it('GIVEN the mix THEN no interaction costs more than 4 model calls', () => {
    const calls = new Map<string, number>();
    for (const request of model.requests) {
      const tag = tagOf(request);
      calls.set(tag, (calls.get(tag) ?? 0) + 1);
    }
    expect(calls.size).toBe(INTERACTIONS);
    expect(Math.max(...calls.values())).toBeLessThanOrEqual(4);
  });

  it('GIVEN the mix THEN every job is logged with its error code, and none is a bug', () => {
    const jobs = logs.filter((l) => l.msg === 'job finished' || l.msg === 'job failed');
    expect(jobs).toHaveLength(INTERACTIONS);
    expect(jobs.filter((l) => l.errorCode === 'bug')).toEqual([]);
  });

  it('GIVEN the mix THEN no promise rejection goes unhandled', () => {
    expect(unhandled).toEqual([]);
  });

  it('GIVEN the mix THEN memory grows by less than 100 MB', () => {
    expect(rssAfter - rssBefore).toBeLessThan(100 * 1024 * 1024);
  });
});
