import type { APIMessage, APIUser } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeSummaryId,
  encodeSummaryId,
  type SummaryAction,
  type SummaryState,
} from '../../src/discord/render/custom-ids.ts';
import { ARTICLE_URL } from '../../testkit/scripted-pipeline.ts';
import { CALLBACK, EDIT, expectCleanTraffic } from './expectations.ts';
import { type Running, startBot } from './start-bot.ts';

let run: Running;
beforeAll(async () => {
  run = await startBot();
});
afterAll(async () => {
  expectCleanTraffic(run.fake);
  await run.close();
});

const PRIVATE_NOTES = Array.from(
  { length: 12 },
  (_, i) =>
    `Paragraph ${i}: the board's private notes say the merger with Northwind closes in March, and the layoffs are planned for April.`,
).join('\n\n');

/** Runs /summarize as `user` and returns the reply as the fake stored it, with its buttons. */
async function summary(
  options: Record<string, string | boolean>,
  user: APIUser = run.fake.user,
): Promise<APIMessage> {
  const i = run.fake.slash('summarize', options, { user });
  await i.edit();
  const message = run.fake.originalMessage(i.token);
  if (!message) throw new Error('no reply');
  return message;
}

function stateOf(message: APIMessage): SummaryState {
  for (const row of message.components ?? []) {
    for (const c of (row as { components: { custom_id?: string }[] }).components) {
      const decoded = c.custom_id ? decodeSummaryId(c.custom_id) : null;
      if (decoded) return decoded.state;
    }
  }
  throw new Error('no summary buttons');
}

/** A custom id as an edited client would send it: the bot's layout, the presser's values. */
function forged(action: SummaryAction, state: SummaryState): string {
  return encodeSummaryId(action, state);
}

describe('GIVEN a custom id edited by the presser', () => {
  it('THEN naming another user’s private summary does not send it to the presser', async () => {
    const secret = stateOf(await summary({ text: PRIVATE_NOTES, private: true }));
    const own = await summary({ url: ARTICLE_URL, private: true }, run.fake.otherUser);
    const press = run.fake.button(
      forged('shorter', { ...secret, ownerId: run.fake.otherUser.id }),
      own,
      { user: run.fake.otherUser },
    );
    expect((await press.callback()).body).toMatchObject({ type: 4, data: { flags: 64 } });
    await run.bot.idle();
    expect(run.pipeline.calls.some((call) => call.sha256 === secret.sha256)).toBe(false);
    expect(press.requests().map((r) => r.route)).toEqual([CALLBACK]);
  });

  it('THEN naming themselves as owner does not let them delete someone else’s public reply', async () => {
    const message = await summary({ url: ARTICLE_URL });
    const press = run.fake.button(
      forged('delete', { ...stateOf(message), ownerId: run.fake.otherUser.id }),
      message,
      { user: run.fake.otherUser },
    );
    expect((await press.callback()).body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(run.fake.messages.has(message.id)).toBe(true);
  });

  it('THEN naming themselves as owner is refused, and someone else’s public reply is untouched', async () => {
    const message = await summary({ url: ARTICLE_URL });
    const before = structuredClone(run.fake.messages.get(message.id));
    const press = run.fake.button(
      forged('shorter', { ...stateOf(message), ownerId: run.fake.otherUser.id }),
      message,
      { user: run.fake.otherUser },
    );
    expect((await press.callback()).body).toMatchObject({ type: 4, data: { flags: 64 } });
    await run.bot.idle();
    expect(press.requests().some((r) => r.route === EDIT)).toBe(false);
    expect(run.fake.messages.get(message.id)).toEqual(before);
  });
});

describe('GIVEN the buttons the bot put on the reply', () => {
  it('THEN Delete still works for the person who asked, after a bot restart', async () => {
    const message = await summary({ url: ARTICLE_URL });
    await run.restart();
    const press = run.fake.button(forged('delete', stateOf(message)), message);
    const deleted = await run.fake.waitFor(
      (r) =>
        r.route === 'DELETE /webhooks/:app/:token/messages/:message' &&
        r.params.token === press.token,
    );
    expect(deleted.status).toBe(204);
    expect(run.fake.messages.has(message.id)).toBe(false);
  });

  it('THEN a private reply’s owner can still refine it after a bot restart', async () => {
    const message = await summary({ url: ARTICLE_URL, private: true });
    await run.restart();
    const state = stateOf(message);
    await run.fake.button(forged('longer', state), message).edit();
    expect(run.pipeline.calls.at(-1)).toMatchObject({
      method: 'resummarize',
      sha256: state.sha256,
      options: { length: 'long' },
    });
  });

  it('THEN every message an interaction made carries who ran it, as Discord sends it', async () => {
    const message = await summary({ url: ARTICLE_URL }, run.fake.otherUser);
    expect(message.interaction_metadata?.user.id).toBe(run.fake.otherUser.id);
  });
});
