import { DiscordAPIError, REST, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../../testkit/fake-discord.ts';

// The fake is only worth its zero-failure assertions if it rejects what Discord rejects.
let fake: FakeDiscord;
let rest: REST;
beforeAll(async () => {
  fake = await startFakeDiscord();
  rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken('test-token');
});
afterAll(async () => {
  await fake.close();
});

describe('the fake Discord', () => {
  it('GIVEN a message over 2000 characters THEN it answers 50035 and records the failure', async () => {
    const error = await rest
      .post(Routes.channelMessages(fake.channelId), { body: { content: 'x'.repeat(2001) } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect(fake.validationFailures.at(-1)?.issues.join()).toMatch(/content/);
  });

  it('GIVEN embeds over 6000 characters in total THEN it answers 50035', async () => {
    const embeds = Array.from({ length: 2 }, () => ({ description: 'y'.repeat(4000) }));
    const error = await rest
      .post(Routes.channelMessages(fake.channelId), { body: { embeds } })
      .catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect(fake.validationFailures.at(-1)?.issues).toEqual([
      'embeds: 8000 characters in total, over 6000',
    ]);
  });

  it('GIVEN a valid channel message THEN it answers with a message Discord’s response schema accepts', async () => {
    const message = (await rest.post(Routes.channelMessages(fake.channelId), {
      body: { content: 'hi', allowed_mentions: { parse: [] } },
    })) as { id: string; content: string };
    expect(message.content).toBe('hi');
    expect(fake.responseFailures).toEqual([]);
  });

  it('GIVEN a thread from a message and a reaction THEN both are answered like Discord', async () => {
    const message = (await rest.post(Routes.channelMessages(fake.channelId), {
      body: { content: 'topic' },
    })) as {
      id: string;
    };
    const thread = (await rest.post(Routes.threads(fake.channelId, message.id), {
      body: { name: 'Summary' },
    })) as {
      type: number;
      parent_id: string;
    };
    expect(thread).toMatchObject({ type: 11, parent_id: fake.channelId });
    await rest.put(Routes.channelMessageOwnReaction(fake.channelId, message.id, '✅'));
    expect(fake.requests.at(-1)).toMatchObject({
      route: 'PUT /channels/:channel/messages/:message/reactions/:emoji/@me',
      status: 204,
    });
  });

  it('GIVEN a fault on a route THEN exactly the next N requests on it fail', async () => {
    fake.failNext({ route: 'POST /channels/:channel/messages', status: 500, times: 1 });
    const error = await rest
      .post(Routes.channelMessages(fake.channelId), { body: { content: 'a' } })
      .catch((e: unknown) => e);
    expect((error as { status?: number }).status).toBe(500);
    await expect(
      rest.post(Routes.channelMessages(fake.channelId), { body: { content: 'b' } }),
    ).resolves.toBeTruthy();
  });

  it('GIVEN a route it does not know THEN it answers 404 as Discord would', async () => {
    const error = await rest.get('/guilds/1/audit-logs').catch((e: unknown) => e);
    expect((error as DiscordAPIError).status).toBe(404);
  });

  it('GIVEN messages in a channel THEN GET messages?after= answers the ones after it, newest first', async () => {
    const channelId = fake.otherChannelId;
    const [first, second, third] = ['a', 'b', 'c'].map((content) =>
      fake.postMessage(content, { channelId, offline: true }),
    );
    const page = (await rest.get(Routes.channelMessages(channelId), {
      query: new URLSearchParams({ after: first?.id ?? '', limit: '50' }),
    })) as { id: string }[];
    expect(page.map((m) => m.id)).toEqual([third?.id, second?.id]);
  });

  it('GIVEN a first response more than 3 s after the interaction THEN it answers 10062 Unknown interaction', async () => {
    const late = fake.slash('help');
    fake.advanceClock(3_001);
    const error = await rest
      .post(Routes.interactionCallback(late.id, late.token), { body: { type: 5 }, auth: false })
      .catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(10062);
  });

  it('GIVEN an interaction token older than 15 minutes THEN edits and follow-ups answer 50027', async () => {
    const i = fake.slash('help');
    await rest.post(Routes.interactionCallback(i.id, i.token), { body: { type: 5 }, auth: false });
    const original = Routes.webhookMessage(fake.applicationId, i.token, '@original');
    await expect(
      rest.patch(original, { body: { content: 'in time' }, auth: false }),
    ).resolves.toBeTruthy();
    fake.advanceClock(15 * 60_000 + 1);
    const edit = await rest
      .patch(original, { body: { content: 'too late' }, auth: false })
      .catch((e: unknown) => e);
    const followUp = await rest
      .post(Routes.webhook(fake.applicationId, i.token), {
        body: { content: 'too late' },
        auth: false,
      })
      .catch((e: unknown) => e);
    expect([(edit as DiscordAPIError).code, (followUp as DiscordAPIError).code]).toEqual([
      50027, 50027,
    ]);
  });
});
