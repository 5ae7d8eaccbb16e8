import { describe, expect, it } from 'vitest';
import { autoJobId } from '../../src/discord/auto/queue-message.ts';
import type { Store } from '../../src/store/index.ts';
import { losingTheMark } from '../queue/worker-faults.ts';
import { DATABASES } from '../store/databases.ts';
import { autoChannel, isChannelPost, isThreadStart, useModeratedBot } from './use-moderated-bot.ts';

/**
 * An auto-summary job run again by the next worker after one died having posted it: whatever
 * the first run managed to write, the channel ends with one summary.
 */

/** The source message of an auto-summary job. */
const messageOf = (jobId: string) => jobId.slice(autoJobId('').length);

describe.each(DATABASES)('an auto-summary run again on $name', (database) => {
  let store: () => Store;

  describe('GIVEN its worker died after posting, before recording the post', () => {
    const ctx = useModeratedBot(database, {
      // Undoes the record as if it had never been written, then the job runs again.
      wrapQueue: (queue) =>
        losingTheMark(queue, async (job) => {
          for (const post of await store().findSummariesBySourceMessage(messageOf(job.id))) {
            await store().deleteSummaryPost(post.id);
          }
        }),
    });
    store = () => ctx.run.store;

    it('THEN the thread holds one summary', async () => {
      const { run, site } = ctx;
      await autoChannel(run);
      const source = run.fake.postMessage(site.url('/news/talks'));
      await run.handled(source.id);
      expect(run.fake.requests.filter(isThreadStart)).toHaveLength(1);
      expect(run.fake.botMessagesIn(source.id)).toHaveLength(1);
      expect(await run.store.findSummariesBySourceMessage(source.id)).toHaveLength(1);
    });

    it('THEN the model is asked once and the poster billed once', async () => {
      const { run, site } = ctx;
      await autoChannel(run);
      const source = run.fake.postMessage(site.url('/news/talks'));
      await run.handled(source.id);
      expect(run.pipeline.calls).toHaveLength(1);
      const report = await run.store.usageReport(run.fake.guildId, { days: 1 });
      expect(report.total.summaries).toBe(1);
    });
  });

  describe('GIVEN its worker died after recording the post, before marking the job done', () => {
    const ctx = useModeratedBot(database, { wrapQueue: (queue) => losingTheMark(queue) });

    it('THEN the rerun posts nothing: no second summary, no pointer to its own', async () => {
      const { run, site } = ctx;
      await autoChannel(run, { replyIn: 'inline' });
      const source = run.fake.postMessage(site.url('/news/talks'));
      await run.handled(source.id);
      expect(run.fake.requests.filter(isChannelPost(run.fake.channelId))).toHaveLength(1);
    });
  });

  describe('GIVEN Discord refuses the reply for its first link', () => {
    const ctx = useModeratedBot(database);

    it('THEN the failure is logged and the second link is still summarized', async () => {
      const { run, site } = ctx;
      await autoChannel(run);
      const before = run.fake.postMessage(site.url('/news/talks'));
      await run.handled(before.id);
      // The first link gets a "Summarized here before" reply, which Discord refuses.
      run.fake.failNext({ route: 'POST /channels/:channel/messages', status: 403, times: 1 });
      const source = run.fake.postMessage(
        `${site.url('/news/talks')} and ${site.url('/news/second')}`,
      );
      await run.handled(source.id);
      expect(run.logs.filter((l) => l.msg === 'auto-summarize failed')).toHaveLength(1);
      const [post] = await run.store.findSummariesBySourceMessage(source.id);
      expect(post).toMatchObject({ url: site.url('/news/second'), threadId: source.id });
      expect(run.fake.botMessagesIn(source.id)).toHaveLength(1);
    });
  });
});
