import {
  type Client,
  Events,
  type Message,
  type MessageReaction,
  type PartialMessage,
  type PartialMessageReaction,
  type PartialUser,
  type ReadonlyCollection,
  type User,
} from 'discord.js';
import type { ChannelRule } from '../../store/index.ts';
import type { BotContext } from '../context.ts';
import { acceptsAuthor, isOwnPost } from './authors.ts';
import { catchUp } from './catch-up.ts';
import { forgetSummariesOf } from './forget.ts';
import { purgeExpired, startPrivacyPurge } from './purge.ts';
import { queueAutoSummary } from './queue-message.ts';
import { autoState, channelRule } from './state.ts';

export interface AutoOptions {
  /** The client asked for the message intents (AUTO_SUMMARIZE); without them no message
   * event arrives, and only the purge runs. */
  enabled: boolean;
  /** Stored article text is forgotten after this many hours. */
  textTtlHours: number;
  /** Lets the bot wait for jobs in progress when it stops. */
  track(job: Promise<void>): void;
  purgeEveryMs?: number;
}

/**
 * Auto-summarize on links or a reaction, catch-up after a restart, deleting summaries
 * whose source was deleted, and the periodic purge of stored text. Returns stop().
 */
export function startAutoSummarize(
  client: Client,
  bot: BotContext,
  options: AutoOptions,
): { stop(): void } {
  const state = autoState(client);
  state.enabled = options.enabled;
  let stopped = false;
  const run = (what: string, messageId: string, job: () => Promise<void>) => {
    if (stopped) return;
    const task = job()
      .catch((error: unknown) => {
        bot.logger.error({ err: error, messageId }, `auto-summarize: ${what} failed`);
      })
      // Every event ends with this line, so a test can await "the bot is done with it".
      .finally(() => bot.logger.debug({ event: what, messageId }, 'auto-summarize: event handled'));
    options.track(task);
  };

  /**
   * Queues a message once, even when a live event and catch-up both bring it (the queue keeps
   * one job per message, too). Once it is queued, a crash loses nothing: the progress marked
   * after it is safe, and catch-up is only for messages that never reached the queue.
   */
  const handleOnce = async (message: Message<true>, rule: ChannelRule, requesterId: string) => {
    if (state.handling.has(message.id)) return;
    state.handling.add(message.id);
    try {
      // Catch-up may bring a message whose job has finished and left the queue.
      if ((await bot.store.findSummariesBySourceMessage(message.id)).length > 0) return;
      await queueAutoSummary(message, rule, bot, requesterId);
    } finally {
      state.handling.delete(message.id);
    }
  };

  const onMessage = async (message: Message) => {
    if (!message.inGuild() || isOwnPost(message)) return;
    const rule = await channelRule(client, bot.store, message.channelId);
    if (rule?.trigger !== 'links' || !acceptsAuthor(rule, message)) return;
    // Without the Message Content intent Discord sends every message empty.
    if (
      message.content === '' &&
      message.attachments.size === 0 &&
      message.embeds.length === 0 &&
      message.stickers.size === 0 &&
      !message.poll
    ) {
      state.contentLooksHidden = true;
      bot.logger.warn(
        { guildId: message.guildId, channelId: message.channelId },
        'a message arrived without content: is the Message Content intent enabled?',
      );
    }
    await handleOnce(message, rule, message.author.id);
    await bot.store.markChannelProgress(message.channelId, message.id);
  };

  const onReaction = async (
    partialReaction: MessageReaction | PartialMessageReaction,
    user: User | PartialUser,
  ) => {
    if (user.bot) return;
    const rule = await channelRule(client, bot.store, partialReaction.message.channelId);
    if (rule?.trigger !== 'reaction') return;
    const { emoji } = partialReaction;
    const name = emoji.id ? `${emoji.name}:${emoji.id}` : emoji.name;
    if (name !== rule.emoji && emoji.name !== rule.emoji) return;
    const message = partialReaction.message.partial
      ? await partialReaction.message.fetch()
      : partialReaction.message;
    if (!message.inGuild() || isOwnPost(message) || !acceptsAuthor(rule, message)) return;
    // A second reaction is not a second request.
    if ((await bot.store.findSummariesBySourceMessage(message.id)).length > 0) return;
    await handleOnce(message, rule, user.id);
  };

  const onDelete = async (message: Message | PartialMessage) => {
    await forgetSummariesOf(message.id, client, bot);
  };

  const listeners = {
    messageCreate: (message: Message) => run('message', message.id, () => onMessage(message)),
    messageReactionAdd: (
      reaction: MessageReaction | PartialMessageReaction,
      user: User | PartialUser,
    ) => run('reaction', reaction.message.id, () => onReaction(reaction, user)),
    messageDelete: (message: Message | PartialMessage) =>
      run('deletion', message.id, () => onDelete(message)),
    // A moderator purging messages deletes them in bulk: each is a deletion all the same.
    messageDeleteBulk: (messages: ReadonlyCollection<string, Message | PartialMessage>) => {
      for (const message of messages.values()) {
        run('deletion', message.id, () => onDelete(message));
      }
    },
  };
  client.on(Events.MessageCreate, listeners.messageCreate);
  client.on(Events.MessageReactionAdd, listeners.messageReactionAdd);
  client.on(Events.MessageDelete, listeners.messageDelete);
  client.on(Events.MessageBulkDelete, listeners.messageDeleteBulk);
  // The first purge runs at start; then every purgeEveryMs.
  client.once(Events.ClientReady, () =>
    run('purge', '', async () => {
      await purgeExpired(bot.store, options.textTtlHours);
    }),
  );
  if (options.enabled) {
    client.once(Events.ClientReady, () =>
      run('catch-up', '', () =>
        catchUp(client, bot, (message, rule) => handleOnce(message, rule, message.author.id)),
      ),
    );
  }
  const purge = startPrivacyPurge(bot.store, {
    textTtlHours: options.textTtlHours,
    everyMs: options.purgeEveryMs,
    logger: bot.logger,
  });

  return {
    stop() {
      stopped = true;
      purge.stop();
      client.off(Events.MessageCreate, listeners.messageCreate);
      client.off(Events.MessageReactionAdd, listeners.messageReactionAdd);
      client.off(Events.MessageDelete, listeners.messageDelete);
      client.off(Events.MessageBulkDelete, listeners.messageDeleteBulk);
    },
  };
}
