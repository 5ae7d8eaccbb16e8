import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, MAX_JOB_DEADLINE_MS } from '../../src/config.ts';
import { ARTICLE_URL } from '../../testkit/scripted-pipeline.ts';
import { expectCleanTraffic, sent } from './expectations.ts';
import { type Running, startBot } from './start-bot.ts';

// The fake answers as Discord does once its clock passes 3 s (10062) or 15 minutes (50027);
// the tests move that clock on instead of waiting.
let run: Running;
beforeAll(async () => {
  run = await startBot();
});
afterAll(async () => {
  expectCleanTraffic(run.fake);
  await run.close();
});

describe('Discord’s clocks', () => {
  it('GIVEN a pipeline that takes ten minutes THEN the deferral is in time and the answer still lands', async () => {
    const held = run.pipeline.holdNext();
    const i = run.fake.slash('summarize', { url: ARTICLE_URL });
    await held.started;
    expect((await i.callback()).status).toBe(204);
    run.fake.advanceClock(10 * 60_000);
    held.release();
    const body = sent(await i.edit());
    expect(body.embeds?.[0]?.url).toBe(ARTICLE_URL);
    expect(i.requests().map((r) => `${r.route} ${r.status}`)).not.toContainEqual(
      expect.stringMatching(/ 4\d\d$/),
    );
    // A button pressed on the late answer is a new interaction with a fresh 15 minutes.
    const message = run.fake.originalMessage(i.token);
    const shorter = message?.components
      ?.flatMap(
        (row) => (row as { components: { label?: string; custom_id: string }[] }).components,
      )
      .find((c) => c.label === 'Shorter');
    if (!message || !shorter) throw new Error('no Shorter button on the answer');
    const press = run.fake.button(shorter.custom_id, message);
    await press.edit();
    expect(press.requests().every((r) => r.status < 400)).toBe(true);
  });

  it('GIVEN JOB_DEADLINE_MS longer than an interaction token lives THEN the configuration is refused', () => {
    expect(() => loadConfig({ JOB_DEADLINE_MS: String(20 * 60_000) })).toThrow(ConfigError);
    expect(() => loadConfig({ JOB_DEADLINE_MS: String(20 * 60_000) })).toThrow(
      /JOB_DEADLINE_MS="1200000": expected milliseconds from 1000 to 840000/,
    );
    expect(loadConfig({ JOB_DEADLINE_MS: String(MAX_JOB_DEADLINE_MS) }).JOB_DEADLINE_MS).toBe(
      MAX_JOB_DEADLINE_MS,
    );
  });
});
