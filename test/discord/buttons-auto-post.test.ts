import type { APIMessage } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import {
  decodeSummaryId,
  encodeSummaryId,
  type SummaryState,
} from '../../src/discord/render/custom-ids.ts';
import { autoChannel, useModeratedBot } from '../moderation/use-moderated-bot.ts';
import { DATABASES } from '../store/databases.ts';

/** The summary's state, read from the Delete button the bot put on the post. */
function deleteState(message: APIMessage): SummaryState {
  for (const row of message.components ?? []) {
    for (const c of (row as { components: { custom_id?: string }[] }).components) {
      const decoded = c.custom_id ? decodeSummaryId(c.custom_id) : null;
      if (decoded?.action === 'delete') return decoded.state;
    }
  }
  throw new Error('no Delete button');
}

// Buttons never touch the store; one database is enough.
describe.each(DATABASES.slice(0, 1))('an auto-summary post’s Delete, on $name', (database) => {
  const ctx = useModeratedBot(database);

  /** A link posted by the default user, summarized into a thread; the post as Discord keeps it. */
  async function autoPost(): Promise<APIMessage> {
    const { run, site } = ctx;
    await autoChannel(run);
    const source = run.fake.postMessage(`worth a read ${site.url('/news/talks')}`);
    await run.handled(source.id);
    const [post] = run.fake.botMessagesIn(source.id);
    if (!post) throw new Error('no summary posted');
    return post;
  }

  it('GIVEN a post no interaction made THEN it carries no interaction metadata', async () => {
    expect((await autoPost()).interaction_metadata).toBeUndefined();
  });

  it('GIVEN the link’s poster presses Delete after a restart THEN the post is removed', async () => {
    const post = await autoPost();
    await ctx.run.restart();
    const press = ctx.run.fake.button(encodeSummaryId('delete', deleteState(post)), post, {
      channelId: post.channel_id,
    });
    const deleted = await ctx.run.fake.waitFor(
      (r) =>
        r.route === 'DELETE /webhooks/:app/:token/messages/:message' &&
        r.params.token === press.token,
    );
    expect(deleted.status).toBe(204);
    expect(ctx.run.fake.messages.has(post.id)).toBe(false);
  });

  it('GIVEN someone else edits the Delete id to name themselves THEN the post stays', async () => {
    const post = await autoPost();
    const { otherUser } = ctx.run.fake;
    const press = ctx.run.fake.button(
      encodeSummaryId('delete', { ...deleteState(post), ownerId: otherUser.id }),
      post,
      { channelId: post.channel_id, user: otherUser },
    );
    expect((await press.callback()).body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(ctx.run.fake.messages.has(post.id)).toBe(true);
  });
});
