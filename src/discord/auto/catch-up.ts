import type { Client, Collection, Message } from 'discord.js';
import type { ChannelRule } from '../../store/index.ts';
import type { BotContext } from '../context.ts';
import { acceptsAuthor, isOwnPost } from './authors.ts';

/** Catch-up reads at most this many messages per channel… */
const CATCH_UP_MAX_MESSAGES = 50;
/** …and none older than this: a link from last week is no longer news to the channel. */
const CATCH_UP_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * After a restart, finds the messages posted in links channels since the last one handled and
 * summarizes them, oldest first. A channel never handled has nothing to catch up on.
 */
export async function catchUp(
  client: Client,
  bot: BotContext,
  handle: (message: Message<true>, rule: ChannelRule) => Promise<void>,
  now: () => number = Date.now,
): Promise<void> {
  for (const guild of client.guilds.cache.values()) {
    for (const rule of await bot.store.listChannelRules(guild.id)) {
      if (rule.trigger !== 'links') continue;
      const after = await bot.store.getChannelProgress(rule.channelId);
      const channel = guild.channels.cache.get(rule.channelId);
      if (!after || !channel?.isTextBased()) continue;
      let messages: Collection<string, Message<true>>;
      try {
        messages = await channel.messages.fetch({ after, limit: CATCH_UP_MAX_MESSAGES });
      } catch (error) {
        // A channel the bot can no longer read must not stop the others.
        bot.logger.warn({ err: error, channelId: rule.channelId }, 'catch-up: cannot read channel');
        continue;
      }
      const missed = [...messages.values()]
        .filter(
          (m) =>
            !isOwnPost(m) &&
            acceptsAuthor(rule, m) &&
            now() - m.createdTimestamp <= CATCH_UP_MAX_AGE_MS,
        )
        .sort(
          (a, b) =>
            a.createdTimestamp - b.createdTimestamp || (BigInt(a.id) < BigInt(b.id) ? -1 : 1),
        );
      bot.logger.info({ channelId: rule.channelId, missed: missed.length }, 'catch-up');
      for (const message of missed) {
        await handle(message, rule);
        await bot.store.markChannelProgress(rule.channelId, message.id);
      }
    }
  }
}
