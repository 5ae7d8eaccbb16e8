import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobContext, Pipeline } from '../../src/core/pipeline.ts';
import { type Bot, createBot } from '../../src/discord/bot.ts';
import { type HealthServer, startHealthServer } from '../../src/ops/health-server.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { type FakeDiscord, startFakeDiscord } from '../../testkit/fake-discord.ts';
import { ARTICLE_TEXT, createOfflinePipeline } from '../../testkit/scripted-pipeline.ts';
import { createBotServices } from '../../testkit/services.ts';

/** The real bot on the offline pipeline, with its log lines, its metrics port and the job contexts. */
let fake: FakeDiscord;
let bot: Bot;
let health: HealthServer;
const logs: Record<string, unknown>[] = [];
const contexts: (JobContext | undefined)[] = [];

beforeAll(async () => {
  fake = await startFakeDiscord();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const inner = createOfflinePipeline();
  const pipeline: Pipeline = {
    summarize: (input, options, context) => {
      contexts.push(context);
      return inner.summarize(input, options, context);
    },
    resummarize: (sha, options, context) => {
      contexts.push(context);
      return inner.resummarize(sha, options, context);
    },
  };
  const metrics = createMetrics({}, { prices: { inputPerMillion: 1, outputPerMillion: 1 } });
  bot = await createBot({
    config: { DISCORD_TOKEN: 'test-token', DISCORD_API_URL: fake.apiUrl, JOB_DEADLINE_MS: 30_000 },
    pipeline,
    logger: pino({ level: 'debug' }, sink),
    ...(await createBotServices({ metrics })),
  });
  await bot.start();
  health = await startHealthServer({
    port: 0,
    metrics,
    health: { checks: async () => ({ discord: bot.client.isReady() }) },
  });
});

afterAll(async () => {
  await health.close();
  await bot.stop();
  await fake.close();
});

const article = (n: number) => `${ARTICLE_TEXT.slice(0, 2500)}\n\nEdition ${n}.`;
const linesOf = (interactionId: string) => logs.filter((l) => l.interactionId === interactionId);
const jobLine = (interactionId: string) =>
  linesOf(interactionId).find((l) => l.msg === 'job finished' || l.msg === 'job failed');

/** Sends /summarize and waits for the bot's final answer (an edit, or an error follow-up). */
async function summarize(options: Record<string, string>) {
  const interaction = fake.slash('summarize', options);
  await fake.waitFor(
    (r) =>
      r.status < 300 &&
      r.params.token === interaction.token &&
      (r.method === 'PATCH' || r.route === 'POST /webhooks/:app/:token'),
  );
  // The job line is written right after the answer; wait for it instead of sleeping.
  await expect.poll(() => jobLine(interaction.id)).toBeDefined();
  return interaction;
}

describe('structured logs and metrics of jobs', () => {
  it('GIVEN a finished summary THEN one log line names its prompt, model, tokens, latency and cache state', async () => {
    const { id } = await summarize({ text: article(1) });
    const lines = linesOf(id).filter((l) => l.msg === 'job finished');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      interactionId: id,
      kind: 'summarize',
      guildId: fake.guildId,
      prompt: expect.stringMatching(/^offline@\d+\+[0-9a-f]{8}$/),
      model: 'offline-extractive',
      tokens: { input: 0, output: 0 },
      latencyMs: expect.any(Number),
      cached: false,
      errorCode: null,
    });
  });

  it('GIVEN the same text twice THEN the second job line says cached', async () => {
    await summarize({ text: article(2) });
    const { id } = await summarize({ text: article(2) });
    expect(jobLine(id)).toMatchObject({ msg: 'job finished', cached: true });
  });

  it('GIVEN a job that fails THEN its line carries the error code and every line of it the interaction id', async () => {
    const { id } = await summarize({ text: '   ' });
    expect(jobLine(id)).toMatchObject({ msg: 'job failed', level: 40, errorCode: 'empty_input' });
    expect(linesOf(id).map((l) => l.msg)).toContain('user error');
  });

  it('GIVEN a job in a server THEN its model calls queue under that server', async () => {
    await summarize({ text: article(3) });
    expect(contexts.at(-1)?.queueKey).toBe(fake.guildId);
  });

  it('GIVEN a Shorter button pressed THEN that job has its own line and queues under the server', async () => {
    const asked = await summarize({ text: article(4) });
    const message = fake.originalMessage(asked.token);
    const shorter = (message?.components ?? [])
      .flatMap(
        (row) => (row as { components: { label?: string; custom_id?: string }[] }).components,
      )
      .find((c) => c.label === 'Shorter')?.custom_id;
    if (!message || !shorter) throw new Error('the summary has no Shorter button');
    const press = fake.button(shorter, message);
    await press.edit();
    await expect.poll(() => jobLine(press.id)).toMatchObject({ kind: 'button', errorCode: null });
    expect(contexts.at(-1)?.queueKey).toBe(fake.guildId);
  });

  it('GIVEN finished jobs THEN /metrics counts them by outcome, cache hits and errors by code', async () => {
    const text = await (await fetch(`http://127.0.0.1:${health.port}/metrics`)).text();
    // /summarize jobs of the tests above: 1 + 2 + 1 (failed) + 1 + 1, and one button.
    expect(text).toContain('precis_interactions_total{kind="summarize",outcome="ok"} 5');
    expect(text).toContain('precis_interactions_total{kind="button",outcome="ok"} 1');
    expect(text).toContain('precis_interactions_total{kind="summarize",outcome="error"} 1');
    expect(text).toContain('precis_cache_hits_total 1');
    expect(text).toContain('precis_errors_total{code="empty_input"} 1');
    expect(text).toContain('precis_interaction_duration_seconds_count{kind="summarize"} 6');
  });
});
