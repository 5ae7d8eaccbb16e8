// The error class of the REST package this file calls: discord.js's copy (CommonJS) is another.
import { DiscordAPIError, type REST } from '@discordjs/rest';
import { type APIMessage, RESTJSONErrorCodes, Routes, ThreadAutoArchiveDuration } from 'discord.js';
import type { Result } from '../../shared/schemas.ts';
import type { ChannelTarget } from '../jobs/job-types.ts';
import { buildSummaryReply } from '../render/reply.ts';
import { toJson } from '../render/webhook-reply.ts';

/** Auto-summaries never ping: not the poster (no reply ping), not anyone the article names. */
export const NO_PINGS = { parse: [], replied_user: false } as const;

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

/**
 * A message the bot posts at most once: Discord answers a second post with the same nonce (in
 * the next few minutes) with the first message, so a job run again after a crash between the
 * post and its record does not post twice. Nonces are at most 25 characters.
 */
export function onceOnly(nonce: string): { nonce: string; enforce_nonce: true } {
  return { nonce: nonce.slice(0, 25), enforce_nonce: true };
}

/** Posts a Result under the source message: in a thread named after the article, or inline. */
export async function postSummary(
  rest: REST,
  target: ChannelTarget,
  result: Result,
  options: {
    ownerId: string;
    language: string | null;
    nonce: string;
    onThreadRefused?: (error: DiscordAPIError) => void;
    /** The thread an earlier link of the same message went to: one thread per message. */
    thread: string | null;
  },
): Promise<PostedSummary> {
  const reply = buildSummaryReply(result, {
    ownerId: options.ownerId,
    language: options.language,
    quotesOnly: false,
    ephemeral: false,
    canEmbed: target.canEmbed,
  });
  const body = {
    ...(reply.content ? { content: reply.content } : {}),
    embeds: (reply.embeds ?? []).map(toJson),
    components: (reply.components ?? []).map(toJson),
    allowed_mentions: NO_PINGS,
    ...onceOnly(options.nonce),
  };
  if (target.replyIn === 'thread') {
    const threadId =
      options.thread ??
      target.threadId ??
      (await startThread(rest, target, threadName(result.source.title), options.onThreadRefused));
    if (threadId) {
      const sent = (await rest.post(Routes.channelMessages(threadId), { body })) as APIMessage;
      return { replyChannelId: threadId, replyMessageId: sent.id, threadId };
    }
  }
  const sent = await replyTo(rest, target, body);
  return { replyChannelId: sent.channel_id, replyMessageId: sent.id, threadId: null };
}

/** A reply to the source message that pings nobody, its author included. */
export async function replyTo(
  rest: REST,
  target: ChannelTarget,
  body: Record<string, unknown>,
): Promise<APIMessage> {
  return (await rest.post(Routes.channelMessages(target.channelId), {
    body: {
      ...body,
      allowed_mentions: NO_PINGS,
      message_reference: {
        message_id: target.messageId,
        channel_id: target.channelId,
        guild_id: target.guildId,
      },
    },
  })) as APIMessage;
}

/**
 * The message's thread, started now. One a run before a crash started is the same thread (a
 * thread started on a message has the message's id); without Create Public Threads, null.
 */
async function startThread(
  rest: REST,
  target: ChannelTarget,
  name: string,
  onRefused?: (error: DiscordAPIError) => void,
): Promise<string | null> {
  try {
    const thread = (await rest.post(Routes.threads(target.channelId, target.messageId), {
      body: { name, auto_archive_duration: ThreadAutoArchiveDuration.OneDay },
    })) as { id: string };
    return thread.id;
  } catch (error) {
    if (!(error instanceof DiscordAPIError)) throw error;
    if (error.code === RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage) return target.messageId;
    // Without Create Public Threads the summary still arrives, as a reply.
    if (error.code === RESTJSONErrorCodes.MissingPermissions) {
      onRefused?.(error);
      return null;
    }
    throw error;
  }
}

/** A link to a message, as Discord's "Copy Message Link" gives it. */
export function messageLink(guildId: string, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId}/${channelId}/${messageId}`;
}
