import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeModalId } from '../../src/discord/interactions/modal-ids.ts';
import { ARTICLE_TEXT, ARTICLE_URL } from '../../testkit/scripted-pipeline.ts';
import { expectCleanTraffic, sent } from './expectations.ts';
import { type Running, startBot } from './start-bot.ts';

let run: Running;
beforeAll(async () => {
  run = await startBot();
});
afterAll(async () => {
  expectCleanTraffic(run.fake);
  await run.close();
});

const lastCall = () => run.pipeline.calls.at(-1);
const PASTED = ARTICLE_TEXT.slice(0, 3500);

describe('/summarize with no input', () => {
  it('GIVEN no url, text or file THEN a modal opens carrying the options', async () => {
    const callsBefore = run.pipeline.calls.length;
    const i = run.fake.slash('summarize', { length: 'short', private: true });
    const callback = await i.callback();
    const modal = (callback.body as { type: number; data: { custom_id: string; title: string } })
      .data;
    expect((callback.body as { type: number }).type).toBe(9);
    expect(decodeModalId(modal.custom_id)).toMatchObject({
      length: 'short',
      ephemeral: true,
      quotesOnly: false,
    });
    expect(run.pipeline.calls.length).toBe(callsBefore);
  });

  it('GIVEN the modal is submitted THEN the pasted text is summarized with those options', async () => {
    const opened = run.fake.slash('summarize', { length: 'short', private: true });
    const modal = (await opened.callback()).body as { data: { custom_id: string } };
    const submit = run.fake.modalSubmit(modal.data.custom_id, {
      text: PASTED,
      title: 'Pasted talks',
    });
    expect((await submit.callback()).body).toMatchObject({ type: 5, data: { flags: 64 } });
    const body = sent(await submit.edit());
    expect(lastCall()?.input).toEqual({ kind: 'text', text: PASTED, title: 'Pasted talks' });
    expect(lastCall()?.options).toMatchObject({ length: 'short' });
    expect(body.embeds?.[0]?.title).toBe('Pasted talks');
  });

  it('GIVEN /quotes with no input THEN the modal asks for quotes only', async () => {
    const modal = (await run.fake.slash('quotes').callback()).body as {
      data: { custom_id: string };
    };
    await run.fake.modalSubmit(modal.data.custom_id, { text: PASTED, title: '' }).edit();
    expect(lastCall()?.options).toMatchObject({ quotesOnly: true });
    expect(lastCall()?.input).toMatchObject({ title: null });
  });
});

describe('"Summarize message" context menu', () => {
  it('GIVEN a message with a link THEN the link is summarized, privately at first', async () => {
    const target = run.fake.postMessage(`Have you read this? ${ARTICLE_URL}.`);
    const i = run.fake.messageCommand('Summarize message', target);
    expect((await i.callback()).body).toMatchObject({ type: 5, data: { flags: 64 } });
    const body = sent(await i.edit());
    expect(lastCall()?.input).toEqual({ kind: 'url', url: ARTICLE_URL });
    expect(body.components?.[0]?.components.map((c) => c.label)).toContain('Make public');
  });

  it('GIVEN a message with text only THEN its text is summarized as a message', async () => {
    const target = run.fake.postMessage(PASTED);
    await run.fake.messageCommand('Summarize message', target).edit();
    expect(lastCall()?.input).toMatchObject({ kind: 'message', text: PASTED });
  });

  it('GIVEN a message with a .md attachment THEN the file is downloaded and summarized', async () => {
    const file = run.fake.addAttachment('notes.md', `# Talks\n\n${PASTED}`, 'text/markdown');
    const target = run.fake.postMessage('', { attachments: [file] });
    await run.fake.messageCommand('Summarize message', target).edit();
    expect(lastCall()?.input).toMatchObject({ kind: 'file', name: 'notes.md' });
  });

  it('GIVEN a forwarded message THEN the link inside the forward is summarized', async () => {
    const original = run.fake.postMessage(`Worth it: ${ARTICLE_URL}`, { offline: true });
    const forward = {
      ...run.fake.postMessage('', { offline: true }),
      message_reference: {
        type: 1,
        message_id: original.id,
        channel_id: original.channel_id,
        guild_id: run.fake.guildId,
      },
      message_snapshots: [
        {
          message: {
            type: 0,
            content: original.content,
            embeds: [],
            attachments: [],
            timestamp: original.timestamp,
            edited_timestamp: null,
            flags: 0,
            mentions: [],
            mention_roles: [],
          },
        },
      ],
    } as unknown as APIMessage;
    const before = run.pipeline.calls.length;
    await run.fake.messageCommand('Summarize message', forward).edit();
    expect(run.pipeline.calls).toHaveLength(before + 1);
    expect(lastCall()?.input).toEqual({ kind: 'url', url: ARTICLE_URL });
  });

  it('GIVEN a feed bot’s post that is only an embed THEN the embed’s link is summarized', async () => {
    const post = {
      ...run.fake.postMessage('', { offline: true }),
      embeds: [
        { type: 'rich', title: 'Biden-Putin talks', url: ARTICLE_URL, description: 'New post' },
      ],
    } as APIMessage;
    const before = run.pipeline.calls.length;
    await run.fake.messageCommand('Summarize message', post).edit();
    expect(run.pipeline.calls).toHaveLength(before + 1);
    expect(lastCall()?.input).toEqual({ kind: 'url', url: ARTICLE_URL });
  });

  it('GIVEN an empty message THEN the user is told there is nothing to summarize', async () => {
    const target = run.fake.postMessage('');
    const edit = await run.fake.messageCommand('Summarize message', target).edit();
    expect(sent(edit).content).toBe('This message has no text, link or file to summarize.');
  });
});
