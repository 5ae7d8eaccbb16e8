import { describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/discord/auto/purge.ts';
import type { ArticleDocument } from '../../src/shared/schemas.ts';
import { DATABASES, useStore } from '../store/databases.ts';

const post = (text: string) => ({
  guildId: '1',
  channelId: '2',
  sourceMessageId: '3',
  url: 'https://example.com/a',
  urlKey: 'https://example.com/a',
  replyChannelId: '3',
  replyMessageId: '4',
  threadId: '3',
  sourceText: text,
});

const doc: ArticleDocument = {
  url: 'https://example.com/a',
  title: 'A',
  byline: null,
  siteName: null,
  lang: 'en',
  publishedAt: null,
  text: 'Some article text.',
};

describe.each(DATABASES)('the privacy purge on $name', (database) => {
  const ctx = useStore(database);

  it('GIVEN article text older than the TTL THEN the purge forgets it', async () => {
    await ctx.store.recordSummaryPost(post('old text'));
    ctx.clock.advance(25 * 3600);
    await purgeExpired(ctx.store, 24, ctx.clock.now());
    const [kept] = await ctx.store.findSummariesBySourceMessage('3');
    expect(kept?.sourceText).toBeNull();
  });

  it('GIVEN article text younger than the TTL THEN the purge keeps it', async () => {
    await ctx.store.recordSummaryPost(post('fresh text'));
    ctx.clock.advance(23 * 3600);
    await purgeExpired(ctx.store, 24, ctx.clock.now());
    const [kept] = await ctx.store.findSummariesBySourceMessage('3');
    expect(kept?.sourceText).toBe('fresh text');
  });

  it('GIVEN an expired cached document THEN the purge deletes it', async () => {
    await ctx.store.putCachedDocument('url:https://example.com/a', doc, { ttlSeconds: 60 });
    ctx.clock.advance(61);
    const { cacheEntries } = await purgeExpired(ctx.store, 24, ctx.clock.now());
    expect(cacheEntries).toBe(1);
  });
});
