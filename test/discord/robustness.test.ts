import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/shared/errors.ts';
import { DEFAULT_BOT_PERMISSIONS } from '../../testkit/fake-discord/payloads.ts';
import { ARTICLE_URL } from '../../testkit/scripted-pipeline.ts';
import { CALLBACK, EDIT, expectCleanTraffic, FOLLOW_UP, sent } from './expectations.ts';
import { hostileResult, hugeResult } from './results.ts';
import { type Running, startBot } from './start-bot.ts';

let run: Running;
beforeAll(async () => {
  run = await startBot();
});
afterAll(async () => {
  expectCleanTraffic(run.fake);
  await run.close();
});

const MENTIONS_ARTICLE = Array.from(
  { length: 12 },
  (_, i) =>
    `Paragraph ${i}: @everyone the council of <@&123456789012345678> said "attack at dawn, @here and <@987654321098765432> too" before the vote on the budget.`,
).join('\n\n');

describe('GIVEN hostile or heavy input', () => {
  it('an article full of @everyone and role mentions pings nobody and renders no mention', async () => {
    const i = run.fake.slash('summarize', { text: MENTIONS_ARTICLE });
    const edit = await i.edit();
    const json = JSON.stringify(sent(edit).embeds);
    expect(json).toContain('everyone'); // the text is there…
    expect(json).not.toMatch(/@everyone|@here|<@&?\d+>/); // …but not as a mention
    expect(sent(edit).allowed_mentions).toEqual({ parse: [] });
  });

  it('a huge Result is edited in within every limit (no 50035)', async () => {
    run.pipeline.transformNext((result) => hugeResult(result));
    const i = run.fake.slash('summarize', { url: ARTICLE_URL });
    const edit = await i.edit();
    expect(edit.status).toBe(200);
    expect(i.requests().filter((r) => r.status === 400)).toEqual([]);
  });

  it('a slow pipeline is acknowledged before it answers, then the reply is edited', async () => {
    const hold = run.pipeline.holdNext();
    const i = run.fake.slash('summarize', { url: ARTICLE_URL });
    const callback = await i.callback();
    await hold.started;
    expect(callback.body).toMatchObject({ type: 5 });
    expect(i.requests().map((r) => r.route)).toEqual([CALLBACK]);
    hold.release();
    expect((await i.edit()).status).toBe(200);
  });

  it('a channel without Embed Links gets a plain-text reply', async () => {
    run.fake.setAppPermissions(
      run.fake.otherChannelId,
      DEFAULT_BOT_PERMISSIONS & ~PermissionFlagsBits.EmbedLinks,
    );
    const i = run.fake.slash(
      'summarize',
      { url: ARTICLE_URL },
      { channelId: run.fake.otherChannelId },
    );
    const body = sent(await i.edit());
    expect(body.embeds).toEqual([]);
    expect(body.content).toContain('Biden-Putin Talks');
    expect(body.content?.length).toBeLessThanOrEqual(2000);
    expect(
      run.logs.some(
        (l) => l.msg?.toString().startsWith('no Embed Links') && l.interactionId === i.id,
      ),
    ).toBe(true);
  });

  it('a plain-text reply escapes mentions and markdown too', async () => {
    run.pipeline.transformNext((result) => hostileResult(result));
    const i = run.fake.slash(
      'summarize',
      { url: ARTICLE_URL },
      { channelId: run.fake.otherChannelId },
    );
    const body = sent(await i.edit());
    expect(body.content).toContain('everyone');
    expect(body.content).not.toMatch(/@everyone|@here|<@&?\d+>/);
    expect(body.content).not.toMatch(/(?<!\\)\[paypal\.com\]\(/);
  });

  it('the same interaction dispatched twice is answered once', async () => {
    const first = run.fake.slash('summarize', { url: ARTICLE_URL });
    run.fake.slash('summarize', { url: ARTICLE_URL }, { id: first.id, token: first.token });
    await first.edit();
    expect(first.requests().filter((r) => r.route === CALLBACK)).toHaveLength(1);
    expect(first.requests().filter((r) => r.route === EDIT)).toHaveLength(1);
    expect(
      run.logs.some(
        (l) => l.msg === 'duplicate interaction ignored' && l.interactionId === first.id,
      ),
    ).toBe(true);
  });

  it('a 429 on the edit is retried after retry-after and delivered exactly once', async () => {
    run.fake.failNext({ route: EDIT, status: 429, times: 1, retryAfter: 0.05 });
    const i = run.fake.slash('summarize', { url: ARTICLE_URL });
    await i.edit();
    const edits = i.requests().filter((r) => r.route === EDIT);
    expect(edits.map((r) => r.status)).toEqual([429, 200]);
  });

  it('a 500 on the edit is retried and delivered exactly once', async () => {
    run.fake.failNext({ route: EDIT, status: 500, times: 2 });
    const i = run.fake.slash('summarize', { url: ARTICLE_URL });
    await i.edit();
    const edits = i.requests().filter((r) => r.route === EDIT);
    expect(edits.map((r) => r.status)).toEqual([500, 500, 200]);
  });
});

describe('GIVEN a failing pipeline', () => {
  it('a UserError on a public reply removes the placeholder and says what to do, privately', async () => {
    run.pipeline.failNext(new UserError('http_status', 'The page answered with status 403.'));
    const i = run.fake.slash('summarize', { url: ARTICLE_URL });
    const followUp = await i.followUp();
    expect(sent(followUp).content).toBe(
      'The page answered with status 403. Paste the article text instead.',
    );
    expect(sent(followUp).flags).toBe(64);
    expect(i.requests().map((r) => r.route)).toEqual([
      CALLBACK,
      EDIT.replace('PATCH', 'DELETE'),
      FOLLOW_UP,
    ]);
  });

  it('a UserError on a private reply edits the private placeholder', async () => {
    run.pipeline.failNext(new UserError('rate_limited', 'The model is busy.'));
    const i = run.fake.slash('summarize', { url: ARTICLE_URL, private: true });
    const edit = await i.edit();
    expect(sent(edit).content).toBe('The model is busy. Try again in a minute.');
    expect(run.fake.originalMessage(i.token)?.flags).toBe(64);
  });

  it('a bug is logged with its context and the user still gets an answer', async () => {
    run.pipeline.failNext(new Error('kaboom in the pipeline'));
    const i = run.fake.slash('summarize', { url: ARTICLE_URL });
    const followUp = await i.followUp();
    expect(sent(followUp).content).toMatch(/^Something went wrong on our side/);
    const logged = run.logs.find((l) => l.msg === 'interaction failed' && l.interactionId === i.id);
    expect(logged).toMatchObject({
      level: 50,
      command: 'summarize',
      err: { message: 'kaboom in the pipeline' },
    });
  });
});
