import { describe, expect, it } from 'vitest';
import { snowflakeAt } from '../../testkit/fake-discord/payloads.ts';
import { DATABASES } from '../store/databases.ts';
import {
  autoChannel,
  isChannelPost,
  isThreadStart,
  MODERATOR,
  useModeratedBot,
} from './use-moderated-bot.ts';

describe.each(DATABASES)('restarts and deletions on $name', (database) => {
  const ctx = useModeratedBot(database);

  it('GIVEN links posted while the bot was down THEN after a restart they are summarized', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    const before = run.fake.postMessage(site.url('/news/talks'));
    await run.fake.waitFor(isChannelPost(before.id));
    await run.handled(before.id);
    let missed = before;
    await run.restart(() => {
      missed = run.fake.postMessage(site.url('/news/second'), { offline: true });
    });
    const thread = await run.fake.waitFor(
      (r) => isThreadStart(r) && r.params.message === missed.id,
    );
    expect(thread.params.channel).toBe(run.fake.channelId);
  });

  it('GIVEN a channel set up and the bot restarted before any message THEN links posted meanwhile are summarized', async () => {
    const { run, site } = ctx;
    await run.fake
      .slash(
        'setup',
        { channel: { channel: run.fake.channelId }, trigger: 'links' },
        { subcommand: 'channel', memberPermissions: MODERATOR },
      )
      .edit();
    let missed = { id: '' };
    await run.restart(() => {
      missed = run.fake.postMessage(site.url('/news/talks'), { offline: true });
    });
    const thread = await run.fake.waitFor(isThreadStart);
    expect(thread.params.message).toBe(missed.id);
  });

  it('GIVEN a link posted more than a day before the restart THEN catch-up leaves it alone', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    const dayAndHour = 25 * 3600 * 1000;
    await run.store.markChannelProgress(
      run.fake.channelId,
      snowflakeAt(Date.now() - 2 * dayAndHour),
    );
    let recent = { id: '' };
    await run.restart(() => {
      run.fake.postMessage(site.url('/news/talks'), {
        offline: true,
        id: snowflakeAt(Date.now() - dayAndHour),
      });
      recent = run.fake.postMessage(site.url('/news/second'), { offline: true });
    });
    await run.caughtUp();
    const threads = run.fake.requests.filter(isThreadStart).map((r) => r.params.message);
    expect(threads).toEqual([recent.id]);
  });

  it('GIVEN a restart THEN catch-up asks Discord for the messages after the last one handled', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    const before = run.fake.postMessage(site.url('/news/talks'));
    await run.handled(before.id);
    await run.restart();
    await run.caughtUp();
    const history = run.fake.requests.find((r) => r.route === 'GET /channels/:channel/messages');
    expect(history?.query.get('after')).toBe(before.id);
    expect(Number(history?.query.get('limit'))).toBeLessThanOrEqual(50);
  });

  it('GIVEN a restart with nothing missed THEN no summary is posted twice', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    const before = run.fake.postMessage(site.url('/news/talks'));
    await run.handled(before.id);
    await run.restart();
    await run.caughtUp();
    expect(run.fake.requests.filter(isThreadStart)).toHaveLength(1);
  });

  it('GIVEN a source message is deleted THEN the summary thread is deleted', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    const source = run.fake.postMessage(site.url('/news/talks'));
    await run.handled(source.id);
    run.fake.deleteMessage(source);
    const deletion = await run.fake.waitFor((r) => r.route === 'DELETE /channels/:channel');
    expect(deletion.params.channel).toBe(source.id);
  });

  it('GIVEN a source message is deleted THEN an inline summary is deleted', async () => {
    const { run, site } = ctx;
    await autoChannel(run, { replyIn: 'inline' });
    const source = run.fake.postMessage(site.url('/news/talks'));
    await run.fake.waitFor(isChannelPost(run.fake.channelId));
    await run.handled(source.id);
    const replyId = run.fake.botMessagesIn(run.fake.channelId)[0]?.id;
    run.fake.deleteMessage(source);
    const deletion = await run.fake.waitFor(
      (r) => r.route === 'DELETE /channels/:channel/messages/:message',
    );
    expect(replyId).toBeDefined();
    expect(deletion.params.message).toBe(replyId);
  });

  it('GIVEN a source message is deleted THEN its record and stored article text are gone', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    const source = run.fake.postMessage(site.url('/news/talks'));
    await run.handled(source.id);
    expect(await run.store.findSummariesBySourceMessage(source.id)).toHaveLength(1);
    run.fake.deleteMessage(source);
    await run.handled(source.id, 'deletion');
    expect(await run.store.findSummariesBySourceMessage(source.id)).toEqual([]);
    expect(await run.store.getCachedDocument(`url:${site.url('/news/talks')}`)).toBeNull();
  });

  it('GIVEN a source message is deleted THEN the same link posted again is summarized afresh', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    const source = run.fake.postMessage(site.url('/news/talks'));
    await run.handled(source.id);
    run.fake.deleteMessage(source);
    await run.handled(source.id, 'deletion');
    const again = run.fake.postMessage(site.url('/news/talks'));
    await run.fake.waitFor((r) => isThreadStart(r) && r.params.message === again.id);
    expect(run.pipeline.calls).toHaveLength(2);
  });

  it('GIVEN source messages deleted in bulk THEN each summary thread is deleted', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    const first = run.fake.postMessage(site.url('/news/talks'));
    const second = run.fake.postMessage(site.url('/news/second'));
    await run.handled(first.id);
    await run.handled(second.id);
    run.fake.deleteMessages([first, second]);
    await run.handled(first.id, 'deletion');
    await run.handled(second.id, 'deletion');
    const deleted = run.fake.requests
      .filter((r) => r.route === 'DELETE /channels/:channel')
      .map((r) => r.params.channel);
    expect(deleted.sort()).toEqual([first.id, second.id].sort());
  });

  it('GIVEN a reaction after a restart on a message posted before it THEN the message is fetched and summarized', async () => {
    const { run, site } = ctx;
    await autoChannel(run, { trigger: 'reaction' });
    const source = run.fake.postMessage(site.url('/news/talks'));
    await run.handled(source.id);
    await run.restart();
    run.fake.react(source, '📰');
    const thread = await run.fake.waitFor(isThreadStart);
    expect(thread.params.message).toBe(source.id);
  });
});
