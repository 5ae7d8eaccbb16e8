import type { REST } from '@discordjs/rest';
import type { QueuedJob } from '../../queue/types.ts';
import { describeUserError, isUserError } from '../../shared/errors.ts';
import type { BotContext } from '../context.ts';
import { type QueuedAutoSummary, QueuedAutoSummarySchema } from '../jobs/job-types.ts';
import { markDelivered, runJob } from '../jobs/run-job.ts';
import type { JobRunner } from '../jobs/worker.ts';
import { breakMentions } from '../render/markdown.ts';
import { countWords } from './links.ts';
import { messageLink, onceOnly, postSummary, replyTo } from './post-summary.ts';

const LIMIT_CODES = new Set(['cooldown', 'budget_exhausted']);

/**
 * An auto-summary in a worker: each link of the message, in order, for the poster (or whoever
 * added the reaction). A link summarized here before gets a pointer to that summary instead of
 * a second bill; a limit that is hit is said once, in the moderators' words, and ends the job;
 * an article under the channel's minimum is not posted. Run again after a crash, links already
 * posted are skipped and the thread they opened is used, so nothing is posted twice.
 */
export async function runAutoJob(
  queued: QueuedJob,
  job: QueuedAutoSummary,
  context: BotContext,
  rest: REST,
): Promise<void> {
  const { store } = context;
  const { post, origin, options } = job;
  const where = { guildId: post.guildId, channelId: post.channelId, messageId: post.messageId };
  const bot = { ...context, logger: context.logger.child({ jobId: queued.id }) };
  if (await bot.queue.wasDelivered(queued.id)) {
    bot.logger.info(where, 'queued job was already answered');
    return;
  }
  bot.logger.info(
    {
      ...where,
      command: origin.kind,
      attempt: queued.attempt,
      waitedMs: queued.startedAt.getTime() - queued.acceptedAt.getTime(),
    },
    'job started',
  );
  const posted = await store.findSummariesBySourceMessage(post.messageId);
  // One thread per message holds every summary; the first link that posts opens it.
  let thread = posted.find((p) => p.threadId)?.threadId ?? null;
  // The cooldown is per message (one request may hold several links); the budget per link.
  let cooldownChecked = posted.length > 0;
  let limitReached = false;
  for (const [part, link] of job.links.entries()) {
    if (posted.some((p) => p.urlKey === link.key)) continue;
    try {
      const earlier = await store.findSummaryByUrl(post.guildId, link.key);
      if (earlier) {
        await replyTo(rest, post, {
          content: `Summarized here before: ${messageLink(earlier.guildId, earlier.replyChannelId, earlier.replyMessageId)}`,
          ...onceOnly(`p${part}:${post.messageId}`),
        });
        continue;
      }
      await runJob(
        {
          jobId: queued.id,
          part,
          attempt: queued.attempt,
          origin,
          options,
          cooldown: !cooldownChecked,
          input: { kind: 'url', url: link.url },
          deadlineMs: bot.jobDeadlineMs,
          async deliver(result) {
            cooldownChecked = true;
            if (countWords(result.source.text) < post.minWords) {
              bot.logger.info(
                { ...where, url: link.url },
                'auto-summarize: article shorter than the minimum',
              );
              return;
            }
            const sent = await postSummary(rest, post, result, {
              thread,
              ownerId: origin.userId,
              language: options.language,
              nonce: `s${part}:${post.messageId}`,
              onThreadRefused: (error) =>
                bot.logger.error(
                  { ...where, err: error },
                  'no permission to start a thread here: replied inline instead',
                ),
            });
            thread = sent.threadId;
            await store.recordSummaryPost({
              guildId: post.guildId,
              channelId: post.channelId,
              sourceMessageId: post.messageId,
              url: link.url,
              urlKey: link.key,
              ...sent,
              sourceText: result.source.text,
            });
          },
          async fail(error) {
            if (!isUserError(error)) {
              bot.logger.error({ ...where, url: link.url, err: error }, 'auto-summarize failed');
              return;
            }
            if (LIMIT_CODES.has(error.code)) {
              bot.logger.info({ ...where, code: error.code }, 'auto-summarize: limit reached');
              limitReached = true;
              await replyTo(rest, post, {
                content: breakMentions(describeUserError(error)),
                ...onceOnly(`l${part}:${post.messageId}`),
              });
              return;
            }
            // Limits were looked at before anything else could fail.
            cooldownChecked = true;
            // A page that cannot be read is not worth a message: the poster did not ask.
            bot.logger.info(
              { ...where, url: link.url, code: error.code, details: error.details },
              'auto-summarize: link not summarized',
            );
          },
        },
        bot,
      );
    } catch (error) {
      // Discord refused a post (the source was deleted, access lost): the next link may go.
      bot.logger.error({ ...where, url: link.url, err: error }, 'auto-summarize failed');
    }
    if (limitReached) break;
  }
  await markDelivered(queued.id, bot, where);
}

/** An auto-summary job, as the queue holds it. */
export const autoJobRunner: JobRunner<QueuedAutoSummary> = {
  id: 'auto',
  payload: QueuedAutoSummarySchema,
  run: runAutoJob,
};
