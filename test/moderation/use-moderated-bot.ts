import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { ChannelRuleInput } from '../../src/store/index.ts';
import { MEMBER_PERMISSIONS } from '../../testkit/fake-discord/payloads.ts';
import type { RecordedRequest } from '../../testkit/fake-discord.ts';
import type { TestDatabase, TestLocation } from '../store/databases.ts';
import { type Moderated, type ModeratedOptions, startModeratedBot } from './moderated-bot.ts';
import { type Site, startSite } from './site.ts';

export const MODERATOR = MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild;

export interface ModeratedContext {
  run: Moderated;
  site: Site;
  location: TestLocation;
}

/** A fresh fake Discord, bot and empty database for each test, on one database. */
export function useModeratedBot(
  database: TestDatabase,
  options: ModeratedOptions = {},
): ModeratedContext {
  const context = {} as ModeratedContext;
  beforeAll(async () => {
    context.location = await database.create();
    context.site = await startSite();
  });
  beforeEach(async () => {
    context.run = await startModeratedBot(context.location, context.site, options);
  });
  afterEach(async () => {
    await context.run?.close();
    await context.location?.reset();
  });
  afterAll(async () => {
    await context.location?.cleanup();
    await context.site?.close();
  });
  return context;
}

/** Sets a channel rule directly (the /setup tests cover the command) with no cooldown. */
export async function autoChannel(
  run: Moderated,
  rule: Partial<ChannelRuleInput> = {},
): Promise<void> {
  await run.store.setChannelRule({
    guildId: run.fake.guildId,
    channelId: run.fake.channelId,
    trigger: 'links',
    ...rule,
  });
  await run.store.updateGuildSettings(run.fake.guildId, { cooldownSeconds: 0 });
}

export const isThreadStart = (r: RecordedRequest) =>
  r.route === 'POST /channels/:channel/messages/:message/threads' && r.status === 200;

export const isChannelPost = (channelId: string) => (r: RecordedRequest) =>
  r.route === 'POST /channels/:channel/messages' && r.params.channel === channelId;

export const bodyOf = (r: RecordedRequest) => r.body as Record<string, unknown>;
