import type { AnyThreadChannel, Message } from 'discord.js';
import { describeUserError, isUserError } from '../../shared/errors.ts';
import type { ChannelRule } from '../../store/index.ts';
import type { BotContext } from '../context.ts';
import { breakMentions } from '../render/markdown.ts';
import { runSummaryJob } from '../summary/job.ts';
import type { SummaryJob } from '../summary/job-types.ts';
import { countWords, findLinks, urlKey } from './links.ts';
import { messageLink, NO_PINGS, postSummary } from './post-summary.ts';

const LIMIT_CODES = new Set(['cooldown', 'budget_exhausted']);

/**
 * Summarizes each link of a message in an auto-summarize channel, for `requesterId` (the
 * poster, or whoever added the reaction). Links the server blocks, or that are too short, are
 * skipped quietly; a link summarized here before gets a pointer to that summary instead of a
 * second bill; a limit that is hit is said once, in the moderators' words.
 */
export async function summarizeLinks(
  message: Message<true>,
  rule: ChannelRule,
  bot: BotContext,
  requesterId: string,
): Promise<void> {
  const { store } = bot;
  // One thread per message holds every summary; the first link that posts opens it.
  let thread: AnyThreadChannel | null = null;
  let cooldownChecked = false;
  let limitReached = false;
  for (const url of findLinks(message.content)) {
    const key = urlKey(url);
    const earlier = await store.findSummaryByUrl(message.guildId, key);
    if (earlier) {
      await message.reply({
        content: `Summarized here before: ${messageLink(earlier.guildId, earlier.replyChannelId, earlier.replyMessageId)}`,
        allowedMentions: NO_PINGS,
      });
      continue;
    }
    const job = autoJob(message, rule, bot, {
      url,
      key,
      requesterId,
      // The cooldown is per message (one request may hold several links); the budget per link.
      cooldown: !cooldownChecked,
      thread: () => thread,
      onThread: (next) => {
        thread = next;
      },
      onLimitsPassed: () => {
        cooldownChecked = true;
      },
      onLimit: () => {
        limitReached = true;
      },
    });
    await runSummaryJob(job, bot);
    if (limitReached) return;
  }
}

function autoJob(
  message: Message<true>,
  rule: ChannelRule,
  bot: BotContext,
  link: {
    url: string;
    key: string;
    requesterId: string;
    cooldown: boolean;
    thread(): AnyThreadChannel | null;
    onThread(thread: AnyThreadChannel | null): void;
    onLimitsPassed(): void;
    onLimit(): void;
  },
): SummaryJob {
  const { store, logger } = bot;
  const where = { guildId: message.guildId, channelId: message.channelId, messageId: message.id };
  return {
    origin: {
      kind: 'auto',
      guildId: message.guildId,
      userId: link.requesterId,
      channelId: message.channelId,
    },
    // The server's defaults decide everything: nobody chose an option.
    options: {
      ephemeral: false,
      length: 'medium',
      style: 'bullets',
      language: null,
      quotesOnly: false,
    },
    given: () => false,
    work: { kind: 'input', url: link.url, read: async () => ({ kind: 'url', url: link.url }) },
    cooldown: link.cooldown,
    acknowledge: async () => {},
    async deliver(result, options) {
      link.onLimitsPassed();
      if (countWords(result.source.text) < rule.minWords) {
        logger.info(
          { ...where, url: link.url },
          'auto-summarize: article shorter than the minimum',
        );
        return;
      }
      const { thread, ...posted } = await postSummary(message, result, {
        thread: link.thread(),
        rule,
        ownerId: link.requesterId,
        language: options.language,
        onThreadRefused: (error) =>
          logger.error(
            { ...where, err: error },
            'no permission to start a thread here: replied inline instead',
          ),
      });
      link.onThread(thread);
      await store.recordSummaryPost({
        guildId: message.guildId,
        channelId: message.channelId,
        sourceMessageId: message.id,
        url: link.url,
        urlKey: link.key,
        ...posted,
        sourceText: result.source.text,
      });
    },
    async fail(error) {
      if (!isUserError(error)) throw error;
      if (LIMIT_CODES.has(error.code)) {
        logger.info({ ...where, code: error.code }, 'auto-summarize: limit reached');
        link.onLimit();
        await message.reply({
          content: breakMentions(describeUserError(error)),
          allowedMentions: NO_PINGS,
        });
        return;
      }
      // A blocked link is refused before the limits are looked at; any later failure is after.
      if (error.code !== 'domain_blocked') link.onLimitsPassed();
      // A page that cannot be read, or a blocked domain, is not worth a message: the poster did not ask.
      logger.info(
        { ...where, url: link.url, code: error.code, details: error.details },
        'auto-summarize: link not summarized',
      );
    },
  };
}
