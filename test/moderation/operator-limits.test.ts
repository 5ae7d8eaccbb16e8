import { describe, expect, it } from 'vitest';
import { DATABASES } from '../store/databases.ts';
import type { Moderated } from './moderated-bot.ts';
import { autoChannel, useModeratedBot } from './use-moderated-bot.ts';

const contentOf = (body: unknown) =>
  (body as { content?: string; data?: { content?: string } }).content ??
  (body as { data?: { content?: string } }).data?.content;

/** Tokens spent today by someone, somewhere (null guild: a DM). */
function spend(run: Moderated, userId: string, guildId: string | null, tokens: number) {
  return run.store.recordUsage({
    guildId,
    userId,
    tokensIn: tokens,
    tokensOut: 0,
    costUsd: 0,
    cached: false,
  });
}

describe.each(DATABASES)('the operator’s daily limits on $name', (database) => {
  const ctx = useModeratedBot(database, {
    limits: { USER_DAILY_TOKENS: 1000, DAILY_TOKEN_CAP: 5000 },
  });

  it('GIVEN a user who spent their daily tokens in a server THEN /summarize in a DM is refused too', async () => {
    const { run, site } = ctx;
    await spend(run, run.fake.user.id, run.fake.guildId, 1000);
    const i = run.fake.slash('summarize', { url: site.url('/news/talks') }, { dm: true });
    expect(contentOf((await i.followUp()).body)).toBe(
      'You have used your summaries for today. Your allowance resets at midnight UTC.',
    );
    expect(run.pipeline.calls).toHaveLength(0);
  });

  it('GIVEN another user under their limit THEN the same DM request is answered', async () => {
    const { run, site } = ctx;
    await spend(run, run.fake.user.id, null, 1000);
    const i = run.fake.slash(
      'summarize',
      { url: site.url('/news/talks') },
      { dm: true, user: run.fake.otherUser },
    );
    await i.edit();
    expect(run.pipeline.calls).toHaveLength(1);
  });

  it('GIVEN the bot spent its daily cap THEN a button in a server with no budget of its own is refused', async () => {
    const { run, site } = ctx;
    const first = run.fake.slash('summarize', { url: site.url('/news/talks') });
    await first.edit();
    const message = run.fake.originalMessage(first.token);
    const shorter = message?.components
      ?.flatMap(
        (row) => (row as { components: { label?: string; custom_id: string }[] }).components,
      )
      .find((c) => c.label === 'Shorter');
    if (!message || !shorter) throw new Error('no Shorter button');
    await run.bot.idle();
    await spend(run, 'someone-else', null, 5000);
    const press = run.fake.button(shorter.custom_id, message);
    expect(contentOf((await press.followUp()).body)).toBe(
      'Precis has used all its summaries for today. It resets at midnight UTC.',
    );
    expect(run.pipeline.calls).toHaveLength(1);
  });

  it('GIVEN the bot spent its daily cap THEN an auto-summary is not made', async () => {
    const { run, site } = ctx;
    await autoChannel(run);
    await spend(run, 'someone-else', null, 5000);
    const source = run.fake.postMessage(`look ${site.url('/news/talks')}`);
    await run.handled(source.id);
    expect(run.pipeline.calls).toHaveLength(0);
  });
});
