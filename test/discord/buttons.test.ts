import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/shared/errors.ts';
import { ARTICLE_URL } from '../../testkit/scripted-pipeline.ts';
import { CALLBACK, EDIT, expectCleanTraffic, FOLLOW_UP, sent } from './expectations.ts';
import { type Running, startBot } from './start-bot.ts';

let run: Running;
beforeAll(async () => {
  run = await startBot();
});
afterAll(async () => {
  expectCleanTraffic(run.fake);
  await run.close();
});

interface Control {
  custom_id: string;
  label?: string;
}

/** Runs /summarize and returns the reply as the fake stored it, with its buttons. */
async function summary(options: Record<string, string | boolean> = {}): Promise<APIMessage> {
  const i = run.fake.slash('summarize', { url: ARTICLE_URL, ...options });
  await i.edit();
  const message = run.fake.originalMessage(i.token);
  if (!message) throw new Error('no reply');
  return message;
}

function control(message: APIMessage, label: string): string {
  for (const row of message.components ?? []) {
    for (const c of (row as { components: Control[] }).components) {
      if (c.label === label || (label === 'Translate' && !c.label)) return c.custom_id;
    }
  }
  throw new Error(`no ${label} control`);
}

function labels(body: {
  components?: { components: { label?: string }[] }[];
}): (string | undefined)[] {
  return body.components?.[0]?.components.map((c) => c.label) ?? [];
}

const lastCall = () => run.pipeline.calls.at(-1);

/** The next `count` answers are marked as the model's: only the model can translate. */
function fromModel(count = 1): void {
  for (let i = 0; i < count; i++) {
    run.pipeline.transformNext((result) => ({
      ...result,
      meta: { ...result.meta, engine: 'llm' },
    }));
  }
}

describe('summary buttons, pressed by the person who asked', () => {
  it('Shorter re-summarizes the same source shorter and edits the message in place', async () => {
    const message = await summary();
    const press = run.fake.button(control(message, 'Shorter'), message);
    expect((await press.callback()).body).toEqual({ type: 6 });
    const body = sent(await press.edit());
    expect(lastCall()).toMatchObject({ method: 'resummarize', options: { length: 'short' } });
    expect(lastCall()?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(labels(body)).toEqual(['Longer', 'Key quotes', 'Delete']);
    // The offline engine's reply has no Translate row.
    expect(run.fake.messages.get(message.id)?.components).toHaveLength(1);
  });

  it('Longer asks for the long version', async () => {
    const message = await summary();
    const body = sent(await run.fake.button(control(message, 'Longer'), message).edit());
    expect(lastCall()?.options).toMatchObject({ length: 'long' });
    expect(labels(body)).toEqual(['Shorter', 'Key quotes', 'Delete']);
  });

  it('GIVEN an offline summary THEN Translate is not offered, since that engine cannot translate', async () => {
    const message = await summary();
    expect(() => control(message, 'Translate')).toThrow('no Translate control');
  });

  it('Translate re-summarizes in the language picked', async () => {
    fromModel(2);
    const message = await summary();
    await run.fake.select(control(message, 'Translate'), ['es'], message).edit();
    expect(lastCall()?.options).toMatchObject({ language: 'es', length: 'medium' });
  });

  it('GIVEN a translation THEN Original language in the same list goes back to the source’s language', async () => {
    fromModel(3);
    const message = await summary();
    await run.fake.select(control(message, 'Translate'), ['es'], message).edit();
    const translated = run.fake.messages.get(message.id) as APIMessage;
    await run.fake.select(control(translated, 'Translate'), ['source'], translated).edit();
    expect(lastCall()?.options).toMatchObject({ language: null });
  });

  it('GIVEN a public reply THEN Delete lets the person who asked remove it', async () => {
    const message = await summary();
    const press = run.fake.button(control(message, 'Delete'), message);
    const deleted = await run.fake.waitFor(
      (r) =>
        r.route === 'DELETE /webhooks/:app/:token/messages/:message' &&
        r.params.token === press.token,
    );
    expect(deleted.status).toBe(204);
    expect(run.fake.messages.has(message.id)).toBe(false);
  });

  it('Key quotes switches to quotes only, and Summary switches back', async () => {
    const message = await summary();
    const quotes = sent(await run.fake.button(control(message, 'Key quotes'), message).edit());
    expect(lastCall()?.options).toMatchObject({ quotesOnly: true });
    expect(labels(quotes)).toContain('Summary');
    const updated = run.fake.messages.get(message.id) as APIMessage;
    await run.fake.button(control(updated, 'Summary'), updated).edit();
    expect(lastCall()?.options).toMatchObject({ quotesOnly: false });
  });

  it('Make public posts a public copy without a Make public button', async () => {
    const message = await summary({ private: true });
    expect(message.flags).toBe(64);
    const press = run.fake.button(control(message, 'Make public'), message);
    const body = sent(await press.followUp());
    expect(body.embeds?.[0]?.title).toContain('Biden');
    expect(body.flags ?? 0).toBe(0);
    expect(labels(body)).not.toContain('Make public');
  });

  it('GIVEN Make public pressed once THEN the private reply loses the button and a second press posts no second copy', async () => {
    const message = await summary({ private: true });
    const id = control(message, 'Make public');
    const first = run.fake.button(id, message);
    await first.followUp();
    await first.edit();
    await run.bot.idle();
    expect(labels(sent({ body: run.fake.messages.get(message.id) }))).not.toContain('Make public');
    // An old client still showing the button presses it again.
    const again = run.fake.button(id, message);
    const answer = await again.callback();
    expect(answer.body).toMatchObject({
      type: 4,
      data: { content: 'This reply is already public.', flags: 64 },
    });
    const copies = first
      .requests()
      .concat(again.requests())
      .filter((r) => r.route === FOLLOW_UP);
    expect(copies).toHaveLength(1);
  });

  it('GIVEN the source is no longer kept THEN the user is told to run the command again, privately', async () => {
    const message = await summary();
    run.pipeline.failNext(new UserError('source_expired', 'That article is no longer kept.'));
    const followUp = await run.fake.button(control(message, 'Shorter'), message).followUp();
    expect(sent(followUp)).toMatchObject({
      content:
        'That article is no longer kept. Run the command again with the original link or text.',
      flags: 64,
    });
  });

  it('GIVEN the bot restarted THEN the buttons still work', async () => {
    const message = await summary();
    await run.restart();
    await run.fake.button(control(message, 'Longer'), message).edit();
    expect(lastCall()).toMatchObject({ method: 'resummarize', options: { length: 'long' } });
  });
});

describe('summary buttons, pressed by someone else', () => {
  it('GIVEN a public reply THEN they get their own private version and the shared message is untouched', async () => {
    const message = await summary();
    const before = structuredClone(message);
    const press = run.fake.button(control(message, 'Shorter'), message, {
      user: run.fake.otherUser,
    });
    expect((await press.callback()).body).toMatchObject({ type: 5, data: { flags: 64 } });
    await press.edit();
    expect(run.fake.originalMessage(press.token)?.id).not.toBe(message.id);
    expect(run.fake.messages.get(message.id)).toEqual(before);
  });

  it('GIVEN a public reply THEN someone else cannot delete it', async () => {
    const message = await summary();
    const press = run.fake.button(control(message, 'Delete'), message, {
      user: run.fake.otherUser,
    });
    expect((await press.callback()).body).toMatchObject({
      type: 4,
      data: { content: 'Only the person who asked can delete it.', flags: 64 },
    });
    expect(run.fake.messages.has(message.id)).toBe(true);
  });

  it('GIVEN a private reply THEN they are refused', async () => {
    const message = await summary({ private: true });
    const press = run.fake.button(control(message, 'Shorter'), message, {
      user: run.fake.otherUser,
    });
    const callback = await press.callback();
    expect(callback.body).toMatchObject({
      type: 4,
      data: { content: 'Only the person who asked can use these buttons.', flags: 64 },
    });
    expect(press.requests().map((r) => r.route)).toEqual([CALLBACK]);
  });

  it('GIVEN Make public THEN only the person who asked may press it', async () => {
    const message = await summary();
    const id = control(await summary({ private: true }), 'Make public');
    const press = run.fake.button(id, message, { user: run.fake.otherUser });
    expect((await press.callback()).body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(press.requests().some((r) => r.route === EDIT)).toBe(false);
  });
});
