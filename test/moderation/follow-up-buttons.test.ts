import type { APIMessage } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { DATABASES } from '../store/databases.ts';
import { useModeratedBot } from './use-moderated-bot.ts';

/** The custom id of the button with this label under a reply. */
function button(message: APIMessage, label: string): string {
  for (const row of message.components ?? []) {
    for (const c of (row as { components: { custom_id: string; label?: string }[] }).components) {
      if (c.label === label) return c.custom_id;
    }
  }
  throw new Error(`no ${label} button`);
}

describe.each(DATABASES)('server rules for the buttons under a reply on $name', (database) => {
  const ctx = useModeratedBot(database);

  async function reply(): Promise<APIMessage> {
    const { run, site } = ctx;
    const i = run.fake.slash('summarize', { url: site.url('/news/talks') });
    await i.edit();
    const message = run.fake.originalMessage(i.token);
    if (!message) throw new Error('no reply');
    return message;
  }

  it('GIVEN the daily budget is spent THEN Longer is refused with the moderators’ message', async () => {
    const { run } = ctx;
    await run.store.updateGuildSettings(run.fake.guildId, {
      dailyTokenBudget: 10,
      limitMessage: 'No more summaries today.',
    });
    // The offline summary costs no tokens; then someone spends the rest of the budget.
    const message = await reply();
    await run.store.recordUsage({
      guildId: run.fake.guildId,
      userId: run.fake.otherUser.id,
      tokensIn: 10,
      tokensOut: 0,
      costUsd: 0,
      cached: false,
    });
    const followUp = await run.fake.button(button(message, 'Longer'), message).followUp();
    expect(followUp.body).toMatchObject({ content: 'No more summaries today.', flags: 64 });
    expect(run.pipeline.calls.filter((c) => c.method === 'resummarize')).toHaveLength(0);
  });

  it('GIVEN a cooldown THEN Longer right after the summary still works', async () => {
    const { run } = ctx;
    await run.store.updateGuildSettings(run.fake.guildId, { cooldownSeconds: 600 });
    const message = await reply();
    await run.fake.button(button(message, 'Longer'), message).edit();
    expect(run.pipeline.calls.at(-1)).toMatchObject({
      method: 'resummarize',
      options: { length: 'long' },
    });
  });

  it('GIVEN a button press THEN it is written to the usage ledger', async () => {
    const { run } = ctx;
    const message = await reply();
    await run.fake.button(button(message, 'Shorter'), message).edit();
    await run.bot.idle();
    const report = await run.store.usageReport(run.fake.guildId, { days: 1 });
    expect(report.total.summaries).toBe(2);
  });
});
