import type { AnyThreadChannel, Message } from 'discord.js';
import { describeUserError, isUserError, UserError } from '../../core/errors.ts';
import type { ChannelRule, GuildSettings, Store } from '../../store/index.ts';
import type { BotContext } from '../context.ts';
import { domainRefusal } from '../moderation/domains.ts';
import { enforceLimits, recordResultUsage } from '../moderation/limits.ts';
import { breakMentions } from '../render/markdown.ts';
import { recordFinishedJob } from '../summary/job-log.ts';
import { countWords, findLinks, urlKey } from './links.ts';
import { messageLink, NO_PINGS, postSummary } from './post-summary.ts';

export type AutoContext = BotContext & { store: Store };

const FREE = { inputPerMillion: 0, outputPerMillion: 0 };

/**
 * Summarizes each link of a message in an auto-summarize channel, for `requesterId` (the
 * poster, or whoever added the reaction). Links the server blocks, or that are too short, are
 * skipped quietly; a link summarized here before gets a pointer to that summary instead of a
 * second bill; a limit that is hit is said once, in the moderators' words.
 */
export async function summarizeLinks(
  message: Message<true>,
  rule: ChannelRule,
  bot: AutoContext,
  requesterId: string,
): Promise<void> {
  const { store, logger } = bot;
  const settings = await store.getGuildSettings(message.guildId);
  const where = { guildId: message.guildId, channelId: message.channelId, messageId: message.id };
  let checkedCooldown = false;
  let thread: AnyThreadChannel | null = null;
  for (const url of findLinks(message.content)) {
    const refusal = domainRefusal(settings, url);
    if (refusal) {
      logger.info({ ...where, url, refusal }, 'auto-summarize: link skipped');
      continue;
    }
    const key = urlKey(url);
    const earlier = await store.findSummaryByUrl(message.guildId, key);
    if (earlier) {
      await message.reply({
        content: `Summarized here before: ${messageLink(earlier.guildId, earlier.replyChannelId, earlier.replyMessageId)}`,
        allowedMentions: NO_PINGS,
      });
      continue;
    }
    try {
      // The cooldown is per message (one request may hold several links); the budget per link.
      await enforceLimits(store, checkedCooldown ? { ...settings, cooldownSeconds: 0 } : settings, {
        guildId: message.guildId,
        userId: requesterId,
      });
      checkedCooldown = true;
    } catch (error) {
      if (!isUserError(error)) throw error;
      logger.info({ ...where, code: error.code }, 'auto-summarize: limit reached');
      await message.reply({
        content: breakMentions(describeUserError(error)),
        allowedMentions: NO_PINGS,
      });
      return;
    }
    thread = await summarizeOne(message, rule, bot, { url, key, settings, requesterId, thread });
  }
}

async function summarizeOne(
  message: Message<true>,
  rule: ChannelRule,
  bot: AutoContext,
  job: {
    url: string;
    key: string;
    settings: GuildSettings;
    requesterId: string;
    thread: AnyThreadChannel | null;
  },
): Promise<AnyThreadChannel | null> {
  // Returns the thread the summary went to, for the message's next link.
  const { store, logger } = bot;
  const where = { guildId: message.guildId, channelId: message.channelId, messageId: message.id };
  let result: Awaited<ReturnType<BotContext['pipeline']['summarize']>>;
  const startedAt = performance.now();
  const jobSource = { kind: 'auto', guildId: message.guildId };
  try {
    result = await bot.pipeline.summarize(
      { kind: 'url', url: job.url },
      {
        length: job.settings.length,
        style: job.settings.style,
        language: job.settings.language,
        prompt: job.settings.promptPin,
      },
      { signal: AbortSignal.timeout(bot.jobDeadlineMs), queueKey: message.guildId },
    );
  } catch (error) {
    recordFinishedJob(jobSource, bot, { startedAt, error });
    // A page that cannot be read is not worth a message in the channel: the poster did not ask.
    if (error instanceof UserError) {
      logger.info(
        { ...where, url: job.url, code: error.code },
        'auto-summarize: link not summarized',
      );
      return job.thread;
    }
    throw error;
  }
  recordFinishedJob(jobSource, bot, { startedAt, result });
  await recordResultUsage(
    store,
    bot.prices ?? FREE,
    { guildId: message.guildId, userId: job.requesterId },
    result,
  );
  if (countWords(result.source.text) < rule.minWords) {
    logger.info({ ...where, url: job.url }, 'auto-summarize: article shorter than the minimum');
    return job.thread;
  }
  const { thread, ...posted } = await postSummary(message, result, {
    thread: job.thread,
    rule,
    ownerId: job.requesterId,
    language: job.settings.language,
    onThreadRefused: (error) =>
      logger.error(
        { ...where, err: error },
        'no permission to start a thread here: replied inline instead',
      ),
  });
  await store.recordSummaryPost({
    guildId: message.guildId,
    channelId: message.channelId,
    sourceMessageId: message.id,
    url: job.url,
    urlKey: job.key,
    ...posted,
    sourceText: result.source.text,
  });
  return thread;
}
