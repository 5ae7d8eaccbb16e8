import { GatewayIntentBits } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { makeUser, nextId } from '../../testkit/fake-discord/payloads.ts';
import { DATABASES } from '../store/databases.ts';
import { LONG_TITLE } from './site.ts';
import {
  autoChannel,
  bodyOf,
  isChannelPost,
  isThreadStart,
  MODERATOR,
  useModeratedBot,
} from './use-moderated-bot.ts';

describe.each(DATABASES)('auto-summarize on $name', (database) => {
  const ctx = useModeratedBot(database);

  it('GIVEN auto-summarize is on THEN the bot asks for the message and reaction intents', () => {
    const intents = ctx.run.fake.identifies[0]?.intents ?? 0;
    expect(intents & GatewayIntentBits.MessageContent).not.toBe(0);
    expect(intents & GatewayIntentBits.GuildMessages).not.toBe(0);
    expect(intents & GatewayIntentBits.GuildMessageReactions).not.toBe(0);
  });

  it('GIVEN a link posted in a links channel THEN a thread named after the article is started on that message', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    const source = run.fake.postMessage(`worth a read ${site.url('/news/talks')}`);
    const thread = await run.fake.waitFor(isThreadStart);
    expect(thread.params.message).toBe(source.id);
    expect(bodyOf(thread).name).toBe('Biden-Putin Talks Provide No Breakthrough');
  });

  it('GIVEN a link posted in a links channel THEN the summary is posted in the thread and pings nobody', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    const source = run.fake.postMessage(`@everyone look ${site.url('/news/talks')}`);
    // The thread started on a message has the message's id.
    const summary = await run.fake.waitFor(isChannelPost(source.id));
    expect(bodyOf(summary).allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(bodyOf(summary).message_reference).toBeUndefined();
    expect(JSON.stringify(bodyOf(summary).embeds)).toMatch(/Biden/);
  });

  it('GIVEN an auto-summarized link THEN the job is logged like any other, as kind auto', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    const source = run.fake.postMessage(`see ${site.url('/news/talks')}`);
    await run.fake.waitFor(isChannelPost(source.id));
    await run.bot.idle();
    const line = run.logs.find((l) => l.msg === 'job finished' && l.kind === 'auto');
    expect(line).toMatchObject({ guildId: run.fake.guildId, engine: 'offline', errorCode: null });
  });

  it('GIVEN a message with two links THEN both summaries go into one thread', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    const source = run.fake.postMessage(
      `${site.url('/news/talks')} and ${site.url('/news/second')}`,
    );
    await run.handled(source.id);
    expect(run.fake.requests.filter(isThreadStart)).toHaveLength(1);
    expect(run.fake.botMessagesIn(source.id)).toHaveLength(2);
  });

  it('GIVEN an article title over 100 characters THEN the thread name is cut to 100', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    run.fake.postMessage(site.url('/news/long-title'));
    const thread = await run.fake.waitFor(isThreadStart);
    expect(LONG_TITLE.length).toBeGreaterThan(100);
    expect(String(bodyOf(thread).name)).toHaveLength(100);
  });

  it('GIVEN reply inline THEN the summary replies to the message without pinging its author', async () => {
    const { run, site } = ctx;
    await autoChannel(run, { replyIn: 'inline' });
    const source = run.fake.postMessage(site.url('/news/talks'));
    const reply = await run.fake.waitFor(isChannelPost(run.fake.channelId));
    expect(bodyOf(reply).message_reference).toMatchObject({ message_id: source.id });
    expect(bodyOf(reply).allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('GIVEN the bot may not create threads THEN the summary is posted as a reply instead', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    run.fake.failNext({
      route: 'POST /channels/:channel/messages/:message/threads',
      status: 403,
      times: 1,
    });
    const source = run.fake.postMessage(site.url('/news/talks'));
    const reply = await run.fake.waitFor(isChannelPost(run.fake.channelId));
    expect(bodyOf(reply).message_reference).toMatchObject({ message_id: source.id });
    expect(bodyOf(reply).allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('GIVEN a summary posted THEN it is recorded with its link and the channel progress moves to the message', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    const source = run.fake.postMessage(site.url('/news/talks'));
    await run.fake.waitFor(isChannelPost(source.id));
    await run.handled(source.id);
    const [post] = await run.store.findSummariesBySourceMessage(source.id);
    expect(post).toMatchObject({ url: site.url('/news/talks'), threadId: source.id });
    expect(await run.store.getChannelProgress(run.fake.channelId)).toBe(source.id);
  });

  it('GIVEN a message from a bot THEN it is not summarized', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    const other = { ...run.fake.otherUser, bot: true };
    const message = run.fake.postMessage(site.url('/news/talks'), { author: other });
    await run.handled(message.id);
    expect(run.pipeline.calls).toHaveLength(0);
  });

  it('GIVEN a feed posting through a webhook THEN it is summarized only once moderators allow bot posts there', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    const feed = { ...makeUser(nextId(), 'RSS feed', true) };
    const ignored = run.fake.postMessage(site.url('/news/talks'), {
      author: feed,
      webhookId: feed.id,
    });
    await run.handled(ignored.id);
    expect(run.pipeline.calls).toHaveLength(0);
    await run.fake
      .slash(
        'setup',
        { channel: { channel: run.fake.channelId }, trigger: 'links', bot_posts: true },
        { subcommand: 'channel', memberPermissions: MODERATOR },
      )
      .edit();
    const post = run.fake.postMessage(site.url('/news/second'), {
      author: feed,
      webhookId: feed.id,
    });
    await run.fake.waitFor(isChannelPost(post.id));
    expect(run.pipeline.calls).toHaveLength(1);
  });

  it('GIVEN bot posts allowed THEN the reaction trigger takes a bot’s post too, but never Precis’s own', async () => {
    const { run, site } = ctx;
    await autoChannel(run, { trigger: 'reaction', botPosts: true });
    const linkBot = { ...run.fake.otherUser, id: nextId(), bot: true };
    const own = run.fake.postMessage(site.url('/news/talks'), { author: run.fake.botUser });
    run.fake.react(own, '📰');
    await run.handled(own.id, 'reaction');
    expect(run.pipeline.calls).toHaveLength(0);
    const theirs = run.fake.postMessage(site.url('/news/talks'), { author: linkBot });
    run.fake.react(theirs, '📰');
    await run.fake.waitFor(isThreadStart);
    expect(run.pipeline.calls).toHaveLength(1);
  });

  it('GIVEN a channel that is not set up THEN links posted there are not summarized', async () => {
    const { run, site } = ctx;
    const message = run.fake.postMessage(site.url('/news/talks'));
    await run.handled(message.id);
    expect(run.pipeline.calls).toHaveLength(0);
  });

  it('GIVEN the reaction trigger THEN adding the emoji to a message summarizes its link in a thread', async () => {
    const { run, site } = ctx;
    await autoChannel(run, { trigger: 'reaction' });
    const source = run.fake.postMessage(site.url('/news/talks'));
    await run.handled(source.id);
    expect(run.pipeline.calls).toHaveLength(0);
    run.fake.react(source, '📰');
    const thread = await run.fake.waitFor(isThreadStart);
    expect(thread.params.message).toBe(source.id);
  });

  it('GIVEN the reaction trigger THEN another emoji does nothing', async () => {
    const { run, site } = ctx;
    await autoChannel(run, { trigger: 'reaction' });
    const source = run.fake.postMessage(site.url('/news/talks'));
    run.fake.react(source, '👍');
    await run.handled(source.id, 'reaction');
    expect(run.pipeline.calls).toHaveLength(0);
  });

  it('GIVEN a URL already summarized in the server THEN a second post gets a link to the first summary and no second run', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    const first = run.fake.postMessage(site.url('/news/talks'));
    const firstSummary = await run.fake.waitFor(isChannelPost(first.id));
    await run.handled(first.id);
    const second = run.fake.postMessage(`again ${site.url('/news/talks#section')}`);
    const pointer = await run.fake.waitFor(
      (r) => isChannelPost(run.fake.channelId)(r) && r.status === 200,
    );
    const summaryId = run.fake.botMessagesIn(first.id)[0]?.id;
    expect(firstSummary.status).toBe(200);
    expect(bodyOf(pointer).content).toBe(
      `Summarized here before: https://discord.com/channels/${run.fake.guildId}/${first.id}/${summaryId}`,
    );
    expect(bodyOf(pointer).message_reference).toMatchObject({ message_id: second.id });
    expect(run.pipeline.calls).toHaveLength(1);
  });

  it('GIVEN the daily token budget is spent THEN the moderators’ message is shown and nothing is summarized', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    await run.store.updateGuildSettings(run.fake.guildId, {
      dailyTokenBudget: 1000,
      limitMessage: 'Budget gone for today, sorry!',
    });
    await run.store.recordUsage({
      guildId: run.fake.guildId,
      userId: run.fake.otherUser.id,
      tokensIn: 900,
      tokensOut: 100,
      costUsd: 0.0002,
      cached: false,
    });
    const source = run.fake.postMessage(site.url('/news/talks'));
    const reply = await run.fake.waitFor(isChannelPost(run.fake.channelId));
    expect(bodyOf(reply).content).toBe('Budget gone for today, sorry!');
    expect(bodyOf(reply).message_reference).toMatchObject({ message_id: source.id });
    expect(run.pipeline.calls).toHaveLength(0);
  });

  it('GIVEN a cooldown THEN a second link by the same user soon after is refused with the wait', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    await run.store.updateGuildSettings(run.fake.guildId, { cooldownSeconds: 600 });
    const first = run.fake.postMessage(site.url('/news/talks'));
    await run.fake.waitFor(isChannelPost(first.id));
    await run.handled(first.id);
    run.fake.postMessage(site.url('/news/second'));
    const reply = await run.fake.waitFor(isChannelPost(run.fake.channelId));
    expect(bodyOf(reply).content).toMatch(
      /^Please wait \d+ s before asking for another summary\.$/,
    );
    expect(run.pipeline.calls).toHaveLength(1);
  });

  it('GIVEN a cooldown THEN another user is not held back by it', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    await run.store.updateGuildSettings(run.fake.guildId, { cooldownSeconds: 600 });
    const first = run.fake.postMessage(site.url('/news/talks'));
    await run.fake.waitFor(isChannelPost(first.id));
    await run.handled(first.id);
    const second = run.fake.postMessage(site.url('/news/second'), { author: run.fake.otherUser });
    await run.fake.waitFor(isChannelPost(second.id));
    expect(run.pipeline.calls).toHaveLength(2);
  });

  it('GIVEN a denied domain THEN its links are skipped without a fetch or a message', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    await run.store.updateGuildSettings(run.fake.guildId, { domainDeny: ['127.0.0.1'] });
    const hitsBefore = site.hits.length;
    const message = run.fake.postMessage(site.url('/news/talks'));
    await run.handled(message.id);
    expect(run.pipeline.calls).toHaveLength(0);
    expect(site.hits.length).toBe(hitsBefore);
    expect(run.fake.requests.filter(isChannelPost(run.fake.channelId))).toHaveLength(0);
  });

  it('GIVEN an allow list without the link’s domain THEN the link is skipped', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    await run.store.updateGuildSettings(run.fake.guildId, { domainAllow: ['example.com'] });
    const message = run.fake.postMessage(site.url('/news/talks'));
    await run.handled(message.id);
    expect(run.pipeline.calls).toHaveLength(0);
  });

  it('GIVEN a minimum length above the article’s THEN no summary is posted', async () => {
    const { run, site } = ctx;
    await autoChannel(run, { minWords: 100_000 });
    const message = run.fake.postMessage(site.url('/news/talks'));
    await run.handled(message.id);
    expect(run.pipeline.calls).toHaveLength(1);
    expect(run.fake.requests.filter(isThreadStart)).toHaveLength(0);
  });

  it('GIVEN an auto-summary THEN its tokens are in the usage ledger for the poster', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    const source = run.fake.postMessage(site.url('/news/talks'));
    await run.fake.waitFor(isChannelPost(source.id));
    await run.handled(source.id);
    const report = await run.store.usageReport(run.fake.guildId, { days: 1 });
    expect(report.byUser.map((u) => [u.userId, u.summaries])).toEqual([[run.fake.user.id, 1]]);
  });
});
