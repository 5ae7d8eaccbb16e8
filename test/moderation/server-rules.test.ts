import type { APIEmbed } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { DATABASES } from '../store/databases.ts';
import { MODERATOR, useModeratedBot } from './use-moderated-bot.ts';

const contentOf = (body: unknown) =>
  (body as { content?: string; data?: { content?: string } }).content ??
  (body as { data?: { content?: string } }).data?.content;

describe.each(DATABASES)('server rules for /summarize on $name', (database) => {
  const ctx = useModeratedBot(database);

  it('GIVEN server defaults THEN /summarize without options uses them', async () => {
    const { run, site } = ctx;
    await run.store.updateGuildSettings(run.fake.guildId, {
      length: 'short',
      style: 'prose',
      language: 'de',
      promptPin: 'summarize@1',
    });
    await run.fake.slash('summarize', { url: site.url('/news/talks') }).edit();
    expect(run.pipeline.calls[0]?.options).toMatchObject({
      length: 'short',
      style: 'prose',
      language: 'de',
      prompt: 'summarize@1',
    });
  });

  it('GIVEN a server set to private, short, German THEN the paste form answers that way too', async () => {
    const { run } = ctx;
    await run.store.updateGuildSettings(run.fake.guildId, {
      privateReplies: true,
      length: 'short',
      language: 'de',
    });
    const opened = run.fake.slash('summarize');
    const modal = (await opened.callback()).body as { data: { custom_id: string } };
    const submit = run.fake.modalSubmit(modal.data.custom_id, {
      text: 'The council met on Tuesday. It approved the budget. '.repeat(20),
    });
    expect((await submit.callback()).body).toMatchObject({ type: 5, data: { flags: 64 } });
    await submit.edit();
    expect(run.pipeline.calls[0]?.options).toMatchObject({ length: 'short', language: 'de' });
  });

  it('GIVEN the paste form THEN it holds more than the 6,000 characters of the text option', async () => {
    const { run } = ctx;
    const modal = (await run.fake.slash('summarize').callback()).body as {
      data: { custom_id: string; components: { component: { max_length?: number } }[] };
    };
    const room = modal.data.components.reduce((sum, c) => sum + (c.component.max_length ?? 0), 0);
    expect(room).toBeGreaterThan(6000);
    const first = 'The council met on Tuesday and approved the budget. '.repeat(75).slice(0, 3900);
    const more = 'The mayor said the harbour bridge will reopen in May. '.repeat(50).slice(0, 2500);
    await run.fake.modalSubmit(modal.data.custom_id, { text: first, more }).edit();
    expect(run.pipeline.calls[0]?.input).toMatchObject({ kind: 'text', text: `${first}\n${more}` });
  });

  it('GIVEN server defaults THEN an option the user gives wins', async () => {
    const { run, site } = ctx;
    await run.store.updateGuildSettings(run.fake.guildId, { length: 'short' });
    await run.fake.slash('summarize', { url: site.url('/news/talks'), length: 'long' }).edit();
    expect(run.pipeline.calls[0]?.options?.length).toBe('long');
  });

  it('GIVEN server defaults THEN Summarize message uses them too, and stays private', async () => {
    const { run, site } = ctx;
    await run.store.updateGuildSettings(run.fake.guildId, { length: 'short', style: 'prose' });
    const target = run.fake.postMessage(site.url('/news/talks'));
    const callback = await run.fake.messageCommand('Summarize message', target).callback();
    await run.bot.idle();
    expect((callback.body as { data?: { flags?: number } }).data?.flags).toBe(64);
    expect(run.pipeline.calls[0]?.options).toMatchObject({ length: 'short', style: 'prose' });
  });

  it('GIVEN private replies by default THEN /summarize answers privately', async () => {
    const { run, site } = ctx;
    await run.store.updateGuildSettings(run.fake.guildId, { privateReplies: true });
    const callback = await run.fake.slash('summarize', { url: site.url('/news/talks') }).callback();
    expect((callback.body as { data?: { flags?: number } }).data?.flags).toBe(64);
  });

  it('GIVEN the budget is spent THEN /summarize answers privately with the moderators’ message', async () => {
    const { run, site } = ctx;
    await run.store.updateGuildSettings(run.fake.guildId, {
      dailyTokenBudget: 10,
      limitMessage: 'No more summaries today.',
    });
    await run.store.recordUsage({
      guildId: run.fake.guildId,
      userId: run.fake.otherUser.id,
      tokensIn: 10,
      tokensOut: 0,
      costUsd: 0,
      cached: false,
    });
    // Checked after the acknowledgement: the public placeholder gives way to a private answer.
    const followUp = await run.fake.slash('summarize', { url: site.url('/news/talks') }).followUp();
    expect(followUp.body).toMatchObject({ content: 'No more summaries today.', flags: 64 });
    expect(run.pipeline.calls).toHaveLength(0);
  });

  it('GIVEN the budget is spent THEN /summarize is still acknowledged before the ledger is read', async () => {
    const { run, site } = ctx;
    await run.store.updateGuildSettings(run.fake.guildId, { dailyTokenBudget: 10 });
    await run.store.recordUsage({
      guildId: run.fake.guildId,
      userId: run.fake.otherUser.id,
      tokensIn: 10,
      tokensOut: 0,
      costUsd: 0,
      cached: false,
    });
    const callback = await run.fake.slash('summarize', { url: site.url('/news/talks') }).callback();
    expect((callback.body as { type: number }).type).toBe(5);
  });

  it('GIVEN settings changed with /setup THEN the next /summarize uses them at once', async () => {
    const { run, site } = ctx;
    await run.fake.slash('summarize', { url: site.url('/news/talks') }).edit();
    await run.fake
      .slash('setup', { length: 'long' }, { subcommand: 'defaults', memberPermissions: MODERATOR })
      .edit();
    await run.fake
      .slash(
        'setup',
        { cooldown_seconds: 0 },
        { subcommand: 'limits', memberPermissions: MODERATOR },
      )
      .edit();
    await run.fake.slash('summarize', { url: site.url('/news/second') }).edit();
    expect(run.pipeline.calls.map((c) => c.options?.length)).toEqual(['medium', 'long']);
  });

  it('GIVEN a cooldown THEN a second /summarize right after the first is refused', async () => {
    const { run, site } = ctx;
    await run.store.updateGuildSettings(run.fake.guildId, { cooldownSeconds: 300 });
    await run.fake.slash('summarize', { url: site.url('/news/talks') }).edit();
    // The ledger row is written right after the reply is edited.
    await run.bot.idle();
    const second = await run.fake.slash('summarize', { url: site.url('/news/second') }).followUp();
    expect(contentOf(second.body)).toMatch(
      /^Please wait \d+ s before asking for another summary\.$/,
    );
  });

  it('GIVEN a denied domain THEN /summarize of a link there is refused', async () => {
    const { run, site } = ctx;
    await run.store.updateGuildSettings(run.fake.guildId, { domainDeny: ['127.0.0.1'] });
    const callback = await run.fake.slash('summarize', { url: site.url('/news/talks') }).callback();
    expect(contentOf(callback.body)).toMatch(/127\.0\.0\.1 is on this server's deny list/);
  });

  it('GIVEN /summarize twice on the same link THEN the ledger counts two summaries and one cache hit', async () => {
    const { run, site } = ctx;
    await run.store.updateGuildSettings(run.fake.guildId, { cooldownSeconds: 0 });
    await run.fake.slash('summarize', { url: site.url('/news/talks') }).edit();
    await run.fake.slash('summarize', { url: site.url('/news/talks') }).edit();
    await run.bot.idle();
    const { total } = await run.store.usageReport(run.fake.guildId, { days: 1 });
    expect([total.summaries, total.cacheHits]).toEqual([2, 1]);
  });

  it('GIVEN usage THEN /usage shows tokens, cost, summaries and cache hits by day and by user', async () => {
    const { run } = ctx;
    const guildId = run.fake.guildId;
    await run.store.recordUsage({
      guildId,
      userId: run.fake.user.id,
      tokensIn: 1000,
      tokensOut: 234,
      costUsd: 0.0123,
      cached: false,
    });
    await run.store.recordUsage({
      guildId,
      userId: run.fake.otherUser.id,
      tokensIn: 0,
      tokensOut: 0,
      costUsd: 0,
      cached: true,
    });
    const edit = await run.fake
      .slash('usage', { days: 7 }, { memberPermissions: MODERATOR })
      .edit();
    const [embed] = (edit.body as { embeds: APIEmbed[] }).embeds;
    const today = new Date().toISOString().slice(0, 10);
    expect(embed?.description).toContain('1,234 tokens · $0.0123 · 2 summaries (1 from cache)');
    expect(embed?.fields?.[0]?.value).toBe(
      `\`${today}\` 1,234 tokens · $0.0123 · 2 summaries (1 from cache)`,
    );
    expect(embed?.fields?.[1]?.value).toBe(
      [
        `<@${run.fake.user.id}> 1,234 tokens · $0.0123 · 1 summaries (0 from cache)`,
        `<@${run.fake.otherUser.id}> 0 tokens · $0.0000 · 1 summaries (1 from cache)`,
      ].join('\n'),
    );
  });

  it('GIVEN /usage THEN its answer mentions users without pinging them', async () => {
    const { run } = ctx;
    const edit = await run.fake.slash('usage', {}, { memberPermissions: MODERATOR }).edit();
    expect((edit.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
  });
});
