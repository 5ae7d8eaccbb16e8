import { type Message, PermissionFlagsBits } from 'discord.js';
import type { ChannelRule } from '../../store/index.ts';
import type { BotContext } from '../context.ts';
import { acceptAutoJob } from '../jobs/accept-job.ts';
import { findLinks, urlKey } from './links.ts';

/** One queued job per message: whatever brings the message again finds it already there. */
export function autoJobId(messageId: string): string {
  return `auto:${messageId}`;
}

/**
 * Writes a message of an auto-summarize channel to the queue for `requesterId` (the poster, or
 * whoever added the reaction), with all a worker needs to post under it without the gateway:
 * its links, the channel's rule, whether embeds are allowed, a thread it already has.
 */
export async function queueAutoSummary(
  message: Message<true>,
  rule: ChannelRule,
  bot: BotContext,
  requesterId: string,
): Promise<void> {
  const links = findLinks(message.content).map((url) => ({ url, key: urlKey(url) }));
  if (links.length === 0) return;
  const me = message.guild.members.me;
  const where = { guildId: message.guildId, channelId: message.channelId, messageId: message.id };
  await acceptAutoJob(
    {
      id: autoJobId(message.id),
      origin: {
        kind: 'auto',
        guildId: message.guildId,
        userId: requesterId,
        channelId: message.channelId,
      },
      links,
      post: {
        ...where,
        threadId: message.thread?.id ?? null,
        replyIn: rule.replyIn,
        minWords: rule.minWords,
        canEmbed: me
          ? (message.channel.permissionsFor(me)?.has(PermissionFlagsBits.EmbedLinks) ?? true)
          : true,
      },
      refused: (url, error) =>
        bot.logger.info(
          { ...where, url, code: error.code, details: error.details },
          'auto-summarize: link not summarized',
        ),
    },
    bot,
  );
}
