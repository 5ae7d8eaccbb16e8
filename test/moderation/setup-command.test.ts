import type { APIEmbed } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { DATABASES } from '../store/databases.ts';
import type { Moderated } from './moderated-bot.ts';
import { MODERATOR, useModeratedBot } from './use-moderated-bot.ts';

type Options = Parameters<Moderated['fake']['slash']>[1];

/** Runs /setup <subcommand> as a moderator and returns the settings embed it answers with. */
async function setup(run: Moderated, subcommand: string, options: Options = {}): Promise<APIEmbed> {
  const edit = await run.fake
    .slash('setup', options, { subcommand, memberPermissions: MODERATOR })
    .edit();
  const embeds = (edit.body as { embeds?: APIEmbed[] }).embeds ?? [];
  if (!embeds[0]) throw new Error(`/setup ${subcommand} answered without an embed`);
  return embeds[0];
}

const textOf = (embed: APIEmbed) =>
  [embed.title, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n');

describe.each(DATABASES)('/setup on $name', (database) => {
  const ctx = useModeratedBot(database);

  it('GIVEN a member without Manage Server THEN /setup is refused privately', async () => {
    const callback = await ctx.run.fake.slash('setup', {}, { subcommand: 'show' }).callback();
    const body = callback.body as { type: number; data: { content: string; flags: number } };
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toMatch(/Manage Server/);
  });

  it('GIVEN a server whose override lets everyone run /setup THEN a member without Manage Server changes nothing', async () => {
    const { run } = ctx;
    // With an override Discord delivers the command; the member's permissions still lack it.
    await run.fake
      .slash(
        'setup',
        { channel: { channel: run.fake.channelId }, trigger: 'links' },
        { subcommand: 'channel' },
      )
      .callback();
    expect(await run.store.getChannelRule(run.fake.channelId)).toBeNull();
  });

  it('GIVEN a member without Manage Server THEN /usage is refused', async () => {
    const callback = await ctx.run.fake.slash('usage').callback();
    expect((callback.body as { data: { content: string } }).data.content).toMatch(/Manage Server/);
  });

  it('GIVEN /setup channel with every option THEN the channel rule is stored', async () => {
    const { run } = ctx;
    await setup(run, 'channel', {
      channel: { channel: run.fake.otherChannelId },
      trigger: 'reaction',
      emoji: '🗞️',
      reply: 'inline',
      min_words: 200,
    });
    expect(await run.store.getChannelRule(run.fake.otherChannelId)).toEqual({
      guildId: run.fake.guildId,
      channelId: run.fake.otherChannelId,
      trigger: 'reaction',
      emoji: '🗞️',
      replyIn: 'inline',
      minWords: 200,
      botPosts: false,
    });
  });

  it('GIVEN /setup channel with only a trigger THEN the earlier options of that channel are kept', async () => {
    const { run } = ctx;
    const channel = { channel: run.fake.channelId };
    await setup(run, 'channel', { channel, trigger: 'links', reply: 'inline', min_words: 50 });
    await setup(run, 'channel', { channel, trigger: 'off' });
    expect(await run.store.getChannelRule(run.fake.channelId)).toMatchObject({
      trigger: 'off',
      replyIn: 'inline',
      minWords: 50,
    });
  });

  it('GIVEN a channel seen before it was set up THEN after /setup channel its next link is summarized', async () => {
    const { run, site } = ctx;
    await run.store.updateGuildSettings(run.fake.guildId, { cooldownSeconds: 0 });
    const before = run.fake.postMessage(site.url('/news/talks'));
    await run.handled(before.id);
    await setup(run, 'channel', { channel: { channel: run.fake.channelId }, trigger: 'links' });
    const after = run.fake.postMessage(site.url('/news/second'));
    const thread = await run.fake.waitFor(
      (r) => r.route === 'POST /channels/:channel/messages/:message/threads',
    );
    expect(thread.params.message).toBe(after.id);
  });

  it('GIVEN /setup channel THEN the answer shows the channel’s rule', async () => {
    const { run } = ctx;
    const embed = await setup(run, 'channel', {
      channel: { channel: run.fake.channelId },
      trigger: 'links',
      min_words: 120,
    });
    expect(textOf(embed)).toContain(
      `<#${run.fake.channelId}>: every link, reply in a thread, at least 120 words`,
    );
  });

  it('GIVEN /setup defaults THEN length, language, style, prompt and private are stored', async () => {
    const { run } = ctx;
    await setup(run, 'defaults', {
      length: 'short',
      language: 'fr',
      style: 'prose',
      prompt: 'summarize@1',
      private: true,
    });
    expect(await run.store.getGuildSettings(run.fake.guildId)).toMatchObject({
      length: 'short',
      language: 'fr',
      style: 'prose',
      promptPin: 'summarize@1',
      privateReplies: true,
    });
  });

  it('GIVEN /setup defaults with a malformed prompt pin THEN it is refused and nothing changes', async () => {
    const { run } = ctx;
    const edit = await run.fake
      .slash(
        'setup',
        { prompt: 'latest-and-greatest' },
        { subcommand: 'defaults', memberPermissions: MODERATOR },
      )
      .edit();
    expect((edit.body as { content: string }).content).toMatch(/summarize@1/);
    expect((await run.store.getGuildSettings(run.fake.guildId)).promptPin).toBeNull();
  });

  it('GIVEN /setup domains allow and deny THEN each list holds its domain, normalized', async () => {
    const { run } = ctx;
    await setup(run, 'domains', { action: 'allow', domain: 'https://www.Example.com/news' });
    await setup(run, 'domains', { action: 'deny', domain: 'tabloid.example' });
    const settings = await run.store.getGuildSettings(run.fake.guildId);
    expect([settings.domainAllow, settings.domainDeny]).toEqual([
      ['example.com'],
      ['tabloid.example'],
    ]);
  });

  it('GIVEN a denied domain that is then allowed THEN it moves to the allow list', async () => {
    const { run } = ctx;
    await setup(run, 'domains', { action: 'deny', domain: 'example.com' });
    await setup(run, 'domains', { action: 'allow', domain: 'example.com' });
    const settings = await run.store.getGuildSettings(run.fake.guildId);
    expect([settings.domainAllow, settings.domainDeny]).toEqual([['example.com'], []]);
  });

  it('GIVEN /setup domains remove THEN the domain is on neither list', async () => {
    const { run } = ctx;
    await setup(run, 'domains', { action: 'deny', domain: 'example.com' });
    await setup(run, 'domains', { action: 'remove', domain: 'example.com' });
    expect((await run.store.getGuildSettings(run.fake.guildId)).domainDeny).toEqual([]);
  });

  it('GIVEN /setup limits THEN cooldown, daily budget and message are stored', async () => {
    const { run } = ctx;
    await setup(run, 'limits', {
      cooldown_seconds: 120,
      daily_token_budget: 50_000,
      message: 'Easy there — try again later.',
    });
    expect(await run.store.getGuildSettings(run.fake.guildId)).toMatchObject({
      cooldownSeconds: 120,
      dailyTokenBudget: 50_000,
      limitMessage: 'Easy there — try again later.',
    });
  });

  it('GIVEN a daily budget of 0 THEN the budget is unlimited', async () => {
    const { run } = ctx;
    await setup(run, 'limits', { daily_token_budget: 1000 });
    await setup(run, 'limits', { daily_token_budget: 0 });
    expect((await run.store.getGuildSettings(run.fake.guildId)).dailyTokenBudget).toBeNull();
  });

  it('GIVEN settings THEN /setup show lists every one of them in one embed', async () => {
    const { run } = ctx;
    await run.store.setChannelRule({
      guildId: run.fake.guildId,
      channelId: run.fake.channelId,
      trigger: 'reaction',
      emoji: '🗞️',
    });
    await run.store.updateGuildSettings(run.fake.guildId, {
      length: 'long',
      style: 'prose',
      language: 'de',
      promptPin: 'summarize@2',
      privateReplies: true,
      cooldownSeconds: 45,
      dailyTokenBudget: 7000,
      limitMessage: 'Slow down please',
      domainAllow: ['example.org'],
      domainDeny: ['spam.example'],
    });
    const text = textOf(await setup(run, 'show'));
    for (const expected of [
      `<#${run.fake.channelId}>: reaction 🗞️, reply in a thread`,
      'Length: long',
      'Style: prose',
      'Language: de',
      'Prompt: summarize@2',
      'Private replies: yes',
      'example.org',
      'spam.example',
      'Cooldown per user: 45 s',
      'Daily token budget: 7,000 (used today: 0)',
      'Message at a limit: Slow down please',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('GIVEN the Message Content intent is granted THEN /setup show has no warning', async () => {
    expect(textOf(await setup(ctx.run, 'show'))).not.toMatch(/cannot run/);
  });

  it('GIVEN a message arrives with no content in a links channel THEN /setup show warns that Message Content is off', async () => {
    const { run } = ctx;
    await setup(run, 'channel', { channel: { channel: run.fake.channelId }, trigger: 'links' });
    const empty = run.fake.postMessage('');
    await run.handled(empty.id);
    expect(textOf(await setup(run, 'show'))).toMatch(/Message Content intent is missing/);
  });

  it('GIVEN settings made with /setup THEN they survive a restart of the bot', async () => {
    const { run } = ctx;
    await setup(run, 'defaults', { length: 'short' });
    await setup(run, 'channel', { channel: { channel: run.fake.channelId }, trigger: 'links' });
    await run.restart();
    const text = textOf(await setup(run, 'show'));
    expect(text).toContain('Length: short');
    expect(text).toContain(`<#${run.fake.channelId}>: every link`);
  });
});

describe.each(DATABASES)('/setup show without the Message Content intent on $name', (database) => {
  const ctx = useModeratedBot(database, { messageContent: false });

  it('GIVEN READY says the intent is not enabled THEN /setup show says how to switch it on', async () => {
    const text = textOf(await setup(ctx.run, 'show'));
    expect(text).toMatch(/Message Content intent is missing/);
    expect(text).toMatch(/Developer Portal.*Privileged Gateway Intents.*Message Content Intent/s);
  });
});

describe.each(DATABASES)('a bot without auto-summarize on $name', (database) => {
  const ctx = useModeratedBot(database, { autoSummarize: false });

  it('GIVEN AUTO_SUMMARIZE is off THEN the bot asks only for the Guilds intent', () => {
    expect(ctx.run.fake.identifies[0]?.intents).toBe(1);
  });

  it('GIVEN AUTO_SUMMARIZE is off THEN /setup show says auto-summarize is switched off and how to turn it on', async () => {
    expect(textOf(await setup(ctx.run, 'show'))).toMatch(/switched off.*AUTO_SUMMARIZE=true/s);
  });
});
