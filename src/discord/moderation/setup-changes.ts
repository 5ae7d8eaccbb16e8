import { type ChatInputCommandInteraction, SnowflakeUtil } from 'discord.js';
import { UserError } from '../../shared/errors.ts';
import type { Length, Style } from '../../shared/schemas.ts';
import type { GuildSettingsPatch, Store } from '../../store/index.ts';
import { forgetChannelRule } from '../auto/state.ts';
import type { BotContext } from '../context.ts';
import { hostOf } from './domains.ts';

type Change = (
  interaction: ChatInputCommandInteraction,
  store: Store,
  guildId: string,
) => Promise<string>;

export function requireStore(bot: BotContext): Store {
  if (!bot.store) {
    throw new UserError(
      'not_allowed',
      'This bot runs without a database, so it keeps no settings.',
    );
  }
  return bot.store;
}

/** `<:name:id>` (how Discord inserts a custom emoji) is stored as name:id. */
function normalizeEmoji(raw: string): string {
  const custom = /^<a?:(\w+):(\d+)>$/.exec(raw.trim());
  return custom ? `${custom[1]}:${custom[2]}` : raw.trim();
}

/** A host name from whatever a moderator pastes: example.com, www.example.com or a URL. */
function normalizeDomain(raw: string): string {
  const text = raw.trim().toLowerCase();
  const host = text.includes('://')
    ? hostOf(text)
    : text.replace(/^www\./, '').replace(/\/.*$/, '');
  if (!host) throw new UserError('invalid_input', `"${raw}" is not a domain like example.com.`);
  return host;
}

/** One function per /setup subcommand that changes something; each returns the embed title. */
export const SETUP_CHANGES: Record<string, Change> = {
  async channel(interaction, store, guildId) {
    const channel = interaction.options.getChannel('channel', true);
    const existing = await store.getChannelRule(channel.id);
    const emoji = interaction.options.getString('emoji');
    const replyIn = interaction.options.getString('reply');
    const minWords = interaction.options.getInteger('min_words');
    const botPosts = interaction.options.getBoolean('bot_posts');
    const rule = await store.setChannelRule({
      guildId,
      channelId: channel.id,
      trigger: interaction.options.getString('trigger', true) as 'links' | 'reaction' | 'off',
      emoji: emoji ? normalizeEmoji(emoji) : (existing?.emoji ?? undefined),
      replyIn: (replyIn as 'thread' | 'inline' | null) ?? existing?.replyIn ?? undefined,
      minWords: minWords ?? existing?.minWords ?? undefined,
      botPosts: botPosts ?? existing?.botPosts ?? undefined,
    });
    // Catch-up starts from now: links posted while the bot is down before the first message
    // arrives are found too, and nothing older than the setup is.
    if (rule.trigger === 'links' && (await store.getChannelProgress(channel.id)) === null) {
      await store.markChannelProgress(channel.id, SnowflakeUtil.generate().toString());
    }
    // Auto-summarize on this shard reads the new rule with the next message.
    forgetChannelRule(interaction.client, channel.id);
    return rule.trigger === 'off'
      ? 'Auto-summarize switched off in that channel'
      : 'Auto-summarize saved';
  },

  async defaults(interaction, store, guildId) {
    const patch: GuildSettingsPatch = {};
    const length = interaction.options.getString('length');
    const style = interaction.options.getString('style');
    const language = interaction.options.getString('language');
    const prompt = interaction.options.getString('prompt');
    const privateReplies = interaction.options.getBoolean('private');
    if (length) patch.length = length as Length;
    if (style) patch.style = style as Style;
    // 'user' is stored as null: each user's own Discord language.
    if (language) patch.language = language === 'user' ? null : language;
    if (prompt) patch.promptPin = prompt.trim().toLowerCase() === 'latest' ? null : prompt.trim();
    if (privateReplies !== null) patch.privateReplies = privateReplies;
    await store.updateGuildSettings(guildId, patch);
    return Object.keys(patch).length > 0 ? 'Defaults saved' : 'Precis settings';
  },

  async domains(interaction, store, guildId) {
    const action = interaction.options.getString('action', true);
    const domain = normalizeDomain(interaction.options.getString('domain', true));
    const { domainAllow, domainDeny } = await store.getGuildSettings(guildId);
    const without = (list: string[]) => list.filter((d) => d !== domain);
    // A domain sits on one list at most: allowing a denied one moves it.
    await store.updateGuildSettings(guildId, {
      domainAllow: action === 'allow' ? [...without(domainAllow), domain] : without(domainAllow),
      domainDeny: action === 'deny' ? [...without(domainDeny), domain] : without(domainDeny),
    });
    return action === 'remove' ? `${domain} removed from the lists` : `${domain}: ${action}ed`;
  },

  async limits(interaction, store, guildId) {
    const patch: GuildSettingsPatch = {};
    const cooldown = interaction.options.getInteger('cooldown_seconds');
    const budget = interaction.options.getInteger('daily_token_budget');
    const message = interaction.options.getString('message');
    if (cooldown !== null) patch.cooldownSeconds = cooldown;
    if (budget !== null) patch.dailyTokenBudget = budget === 0 ? null : budget;
    if (message !== null) {
      patch.limitMessage = message.trim().toLowerCase() === 'default' ? null : message;
    }
    await store.updateGuildSettings(guildId, patch);
    return 'Limits saved';
  },
};
