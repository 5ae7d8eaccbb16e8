import {
  type AnyThreadChannel,
  DiscordAPIError,
  type Message,
  type MessageCreateOptions,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  ThreadAutoArchiveDuration,
} from 'discord.js';
import type { Result } from '../../shared/schemas.ts';
import type { ChannelRule } from '../../store/index.ts';
import { buildSummaryReply } from '../summary/reply.ts';

/** Auto-summaries never ping: not the poster (no reply ping), not anyone the article names. */
export const NO_PINGS = { parse: [], repliedUser: false } as const;

/** Discord's limit for a thread name. */
const THREAD_NAME_MAX = 100;

export function threadName(title: string | null | undefined): string {
  const name = (title ?? '').replace(/\s+/gu, ' ').trim() || 'Summary';
  return name.length <= THREAD_NAME_MAX ? name : `${name.slice(0, THREAD_NAME_MAX - 1)}…`;
}

export interface PostedSummary {
  replyChannelId: string;
  replyMessageId: string;
  threadId: string | null;
}

/** Posts a Result under the source message: in a thread named after the article, or inline. */
export async function postSummary(
  message: Message<true>,
  result: Result,
  options: {
    rule: ChannelRule;
    ownerId: string;
    language: string | null;
    onThreadRefused?: (error: DiscordAPIError) => void;
    /** The thread an earlier link of the same message went to: one thread per message. */
    thread?: AnyThreadChannel | null;
  },
): Promise<PostedSummary & { thread: AnyThreadChannel | null }> {
  const me = message.guild.members.me;
  const canEmbed = me
    ? (message.channel.permissionsFor(me)?.has(PermissionFlagsBits.EmbedLinks) ?? true)
    : true;
  const reply = buildSummaryReply(result, {
    ownerId: options.ownerId,
    language: options.language,
    quotesOnly: false,
    ephemeral: false,
    canEmbed,
  });
  const payload = {
    ...(reply.content ? { content: reply.content } : {}),
    embeds: reply.embeds ?? [],
    components: reply.components ?? [],
    allowedMentions: NO_PINGS,
  } as MessageCreateOptions;
  if (options.rule.replyIn === 'thread') {
    // Discord allows one thread per message: a second link of the message goes into it too.
    const thread =
      options.thread ??
      message.thread ??
      (await message
        .startThread({
          name: threadName(result.source.title),
          autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
        })
        .catch((error: unknown) => {
          // Without Create Public Threads the summary still arrives, as a reply.
          if (
            error instanceof DiscordAPIError &&
            error.code === RESTJSONErrorCodes.MissingPermissions
          ) {
            options.onThreadRefused?.(error);
            return null;
          }
          throw error;
        }));
    if (thread) {
      const sent = await thread.send(payload);
      return { replyChannelId: thread.id, replyMessageId: sent.id, threadId: thread.id, thread };
    }
  }
  const sent = await message.reply({ ...payload, allowedMentions: NO_PINGS });
  return { replyChannelId: sent.channelId, replyMessageId: sent.id, threadId: null, thread: null };
}

/** A link to a message, as Discord's "Copy Message Link" gives it. */
export function messageLink(guildId: string, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId}/${channelId}/${messageId}`;
}
