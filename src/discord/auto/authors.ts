import type { Message } from 'discord.js';
import type { ChannelRule } from '../../store/index.ts';

/** Precis's own posts (summaries, interaction replies: all authored by its user) never count. */
export function isOwnPost(message: Message): boolean {
  return message.author.id === message.client.user?.id;
}

/**
 * People's posts always count; posts by other bots and by webhooks (RSS feeds, link bots)
 * only where moderators said so for the channel.
 */
export function acceptsAuthor(rule: ChannelRule, message: Message): boolean {
  if (!message.author.bot && message.webhookId === null) return true;
  return rule.botPosts;
}
