import {
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/discord/runtime/load-commands.ts';
import { MEMBER_PERMISSIONS } from '../../testkit/fake-discord/payloads.ts';
import { DATABASES } from '../store/databases.ts';
import { useModeratedBot } from './use-moderated-bot.ts';

const flagsOf = (body: unknown) => (body as { data?: { flags?: number } }).data?.flags ?? 0;
const EPHEMERAL = 64;
/** A member who may use apps the server did not install. */
const EXTERNAL_APPS = MEMBER_PERMISSIONS | PermissionFlagsBits.UseExternalApps;

describe('commands a user can install', () => {
  it('GIVEN the registration bodies THEN reading commands install for users and servers, administration for servers only', async () => {
    const commands = await loadCommands();
    const where = Object.fromEntries(
      [...commands.values()].map((command) => {
        const body = command.data.toJSON();
        return [command.data.name, [body.integration_types, body.contexts]];
      }),
    );
    const anywhere = [
      [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
      [
        InteractionContextType.Guild,
        InteractionContextType.BotDM,
        InteractionContextType.PrivateChannel,
      ],
    ];
    const serverOnly = [[ApplicationIntegrationType.GuildInstall], [InteractionContextType.Guild]];
    expect(where).toEqual({
      summarize: anywhere,
      quotes: anywhere,
      help: anywhere,
      'Summarize message': anywhere,
      setup: serverOnly,
      usage: serverOnly,
    });
  });
});

describe.each(DATABASES)('a user install on $name', (database) => {
  const ctx = useModeratedBot(database, { autoSummarize: false });

  it('GIVEN /summarize in a DM with the bot THEN it answers, and the ledger counts it outside any server', async () => {
    const { run, site } = ctx;
    const i = run.fake.slash('summarize', { url: site.url('/news/talks') }, { dm: true });
    const edit = await i.edit();
    expect((edit.body as { embeds?: unknown[] }).embeds?.length).toBeGreaterThan(0);
    await run.bot.idle();
    expect(await run.store.lastUsageAt(null, run.fake.user.id)).not.toBeNull();
  });

  it('GIVEN a server that did not install the app THEN its private default and domain list do not apply to a user install there', async () => {
    const { run, site } = ctx;
    await run.store.updateGuildSettings(run.fake.guildId, {
      privateReplies: true,
      domainDeny: ['127.0.0.1'],
    });
    const mine = run.fake.slash(
      'summarize',
      { url: site.url('/news/talks') },
      { install: 'user', memberPermissions: EXTERNAL_APPS },
    );
    expect(flagsOf((await mine.callback()).body) & EPHEMERAL).toBe(0);
    const body = (await mine.edit()).body as { embeds?: unknown[] };
    expect(body.embeds?.length).toBeGreaterThan(0);
    await run.bot.idle();
    // The server's /usage does not count it: it was not the server's install.
    const report = await run.store.usageReport(run.fake.guildId, { days: 1 });
    expect(report.total.summaries).toBe(0);
  });

  it('GIVEN a member without Use External Apps THEN the reply is private from the start and offers no Make public', async () => {
    const { run, site } = ctx;
    const i = run.fake.slash('summarize', { url: site.url('/news/talks') }, { install: 'user' });
    expect(flagsOf((await i.callback()).body) & EPHEMERAL).toBe(EPHEMERAL);
    const body = (await i.edit()).body as {
      components?: { components: { label?: string }[] }[];
    };
    const labels = body.components?.[0]?.components.map((c) => c.label) ?? [];
    expect(labels).not.toContain('Make public');
    expect(labels).not.toContain('Delete');
  });

  it('GIVEN the same server with the app installed THEN its rules apply to the same user', async () => {
    const { run, site } = ctx;
    await run.store.updateGuildSettings(run.fake.guildId, { privateReplies: true });
    const both = run.fake.slash('summarize', { url: site.url('/news/talks') }, { install: 'both' });
    expect(flagsOf((await both.callback()).body) & EPHEMERAL).toBe(EPHEMERAL);
  });
});
