import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SummaryPostInput } from '../../src/store/index.ts';
import { DATABASES, START, useStore } from './databases.ts';

const post = (overrides: Partial<SummaryPostInput> = {}): SummaryPostInput => ({
  guildId: '100',
  channelId: '500',
  sourceMessageId: '9001',
  url: 'https://news.example/cats?utm_source=x',
  urlKey: 'news.example/cats',
  replyChannelId: '600',
  replyMessageId: '9002',
  threadId: '600',
  sourceText: 'Cats sleep up to sixteen hours a day.',
  ...overrides,
});

describe.each(DATABASES)('summary posts on $name', (database) => {
  const t = useStore(database);

  it('returns the recorded post with an id and the time it was recorded', async () => {
    const recorded = await t.store.recordSummaryPost(post());
    expect(recorded).toEqual({ ...post(), id: expect.any(Number), createdAt: new Date(START) });
  });

  it('finds an earlier summary of the same URL in the server', async () => {
    const recorded = await t.store.recordSummaryPost(post());
    expect(await t.store.findSummaryByUrl('100', 'news.example/cats')).toEqual(recorded);
  });

  it('finds the first summary when a URL was summarized twice', async () => {
    const first = await t.store.recordSummaryPost(post());
    t.clock.advance(60);
    await t.store.recordSummaryPost(post({ replyMessageId: '9100' }));
    expect((await t.store.findSummaryByUrl('100', 'news.example/cats'))?.id).toBe(first.id);
  });

  it('finds a summary by a URL longer than a PostgreSQL index entry allows', async () => {
    // Random, so PostgreSQL cannot compress it under the limit.
    const urlKey = `news.example/cats?q=${randomBytes(4000).toString('hex')}`;
    const recorded = await t.store.recordSummaryPost(post({ urlKey }));
    expect(await t.store.findSummaryByUrl('100', urlKey)).toEqual(recorded);
  });

  it('does not find a summary made in another server', async () => {
    await t.store.recordSummaryPost(post({ guildId: '200' }));
    expect(await t.store.findSummaryByUrl('100', 'news.example/cats')).toBeNull();
  });

  it('does not find a summary of another URL', async () => {
    await t.store.recordSummaryPost(post());
    expect(await t.store.findSummaryByUrl('100', 'news.example/dogs')).toBeNull();
  });

  it('finds every summary made of a source message, oldest first', async () => {
    const first = await t.store.recordSummaryPost(post());
    const second = await t.store.recordSummaryPost(
      post({ url: 'https://b.example/', urlKey: 'b.example/', replyMessageId: '9003' }),
    );
    await t.store.recordSummaryPost(post({ sourceMessageId: '9999' }));
    const found = await t.store.findSummariesBySourceMessage('9001');
    expect(found.map((p) => p.id)).toEqual([first.id, second.id]);
  });

  it('finds nothing for a message that was never summarized', async () => {
    expect(await t.store.findSummariesBySourceMessage('9001')).toEqual([]);
  });

  it('records a summary made from a command, with no source message or URL', async () => {
    const recorded = await t.store.recordSummaryPost(
      post({ sourceMessageId: null, url: null, urlKey: null, threadId: null, sourceText: null }),
    );
    expect(recorded.sourceMessageId).toBeNull();
  });

  it('deletes a post so it is no longer found', async () => {
    const recorded = await t.store.recordSummaryPost(post());
    await t.store.deleteSummaryPost(recorded.id);
    expect(await t.store.findSummariesBySourceMessage('9001')).toEqual([]);
  });

  it('says whether there was a post to delete', async () => {
    const recorded = await t.store.recordSummaryPost(post());
    expect([
      await t.store.deleteSummaryPost(recorded.id),
      await t.store.deleteSummaryPost(recorded.id),
    ]).toEqual([true, false]);
  });

  it('forgets the article text of posts older than the cutoff and counts them', async () => {
    await t.store.recordSummaryPost(post());
    await t.store.recordSummaryPost(post({ replyMessageId: '9003' }));
    t.clock.advance(86_400);
    expect(await t.store.purgeExpiredText(new Date('2026-03-11T00:00:00.000Z'))).toBe(2);
  });

  it('keeps the rest of a post whose text expired', async () => {
    await t.store.recordSummaryPost(post());
    await t.store.purgeExpiredText(new Date('2026-03-11T00:00:00.000Z'));
    expect(await t.store.findSummaryByUrl('100', 'news.example/cats')).toMatchObject({
      sourceText: null,
      replyMessageId: '9002',
    });
  });

  it('keeps the article text of posts newer than the cutoff', async () => {
    await t.store.recordSummaryPost(post());
    await t.store.purgeExpiredText(new Date('2026-03-10T11:59:59.999Z'));
    expect((await t.store.findSummaryByUrl('100', 'news.example/cats'))?.sourceText).toBe(
      'Cats sleep up to sixteen hours a day.',
    );
  });

  it('does not count posts whose text is already gone', async () => {
    await t.store.recordSummaryPost(post());
    const cutoff = new Date('2026-03-11T00:00:00.000Z');
    await t.store.purgeExpiredText(cutoff);
    expect(await t.store.purgeExpiredText(cutoff)).toBe(0);
  });
});
