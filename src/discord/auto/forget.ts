import { createHash } from 'node:crypto';
import { type Client, DiscordAPIError, RESTJSONErrorCodes, Routes } from 'discord.js';
import type { BotContext } from '../context.ts';

/**
 * The privacy promise: when a source message is deleted, so are the bot's summaries of it (the
 * thread, or the inline reply), their records with the article text, and the cached document.
 */
export async function forgetSummariesOf(
  sourceMessageId: string,
  client: Client,
  bot: BotContext,
): Promise<void> {
  const posts = await bot.store.findSummariesBySourceMessage(sourceMessageId);
  for (const post of posts) {
    await ignoreUnknown(
      post.threadId
        ? client.rest.delete(Routes.channel(post.threadId))
        : client.rest.delete(Routes.channelMessage(post.replyChannelId, post.replyMessageId)),
    );
    if (post.url) await bot.store.deleteCachedDocument(`url:${post.url}`);
    if (post.sourceText) {
      const sha = createHash('sha256').update(post.sourceText).digest('hex');
      await bot.store.deleteCachedDocument(`source:${sha}`);
    }
    await bot.store.deleteSummaryPost(post.id);
    bot.logger.info({ sourceMessageId, postId: post.id }, 'source deleted: summary removed');
  }
}

/** Someone may have deleted the summary or its thread already. */
async function ignoreUnknown(request: Promise<unknown>): Promise<void> {
  try {
    await request;
  } catch (error) {
    const gone =
      error instanceof DiscordAPIError &&
      (error.code === RESTJSONErrorCodes.UnknownMessage ||
        error.code === RESTJSONErrorCodes.UnknownChannel);
    if (!gone) throw error;
  }
}
