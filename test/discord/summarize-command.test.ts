import { Locale } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPdf } from '../../testkit/extract/make-pdf.ts';
import { ARTICLE_TEXT, ARTICLE_URL } from '../../testkit/scripted-pipeline.ts';
import { expectCleanTraffic, sent } from './expectations.ts';
import { type Running, startBot } from './start-bot.ts';

let run: Running;
beforeAll(async () => {
  run = await startBot({ maxAttachmentBytes: 64 * 1024 });
});
afterAll(async () => {
  expectCleanTraffic(run.fake);
  await run.close();
});

const lastCall = () => run.pipeline.calls.at(-1);

describe('/summarize', () => {
  it('GIVEN a url THEN it defers, then edits the reply with an embed titled and linked to the source', async () => {
    const i = run.fake.slash('summarize', { url: ARTICLE_URL });
    expect((await i.callback()).body).toMatchObject({ type: 5, data: { flags: 0 } });
    const body = sent(await i.edit());
    expect(body.embeds?.[0]?.title).toBe(
      'Biden-Putin Talks Provide No Breakthrough in Ukraine Tensions',
    );
    expect(body.embeds?.[0]?.url).toBe(ARTICLE_URL);
    expect(lastCall()?.input).toEqual({ kind: 'url', url: ARTICLE_URL });
  });

  it('GIVEN text THEN the offline engine answers and the footer says so', async () => {
    const i = run.fake.slash('summarize', { text: ARTICLE_TEXT.slice(0, 3000) });
    const body = sent(await i.edit());
    expect(body.embeds?.at(-1)?.footer?.text).toMatch(/min read · offline engine$/);
    expect(lastCall()?.input).toMatchObject({ kind: 'text' });
  });

  it('GIVEN no language THEN the summary is asked in the user’s Discord language', async () => {
    const i = run.fake.slash('summarize', { url: ARTICLE_URL }, { locale: Locale.German });
    await i.edit();
    expect(lastCall()?.options).toMatchObject({ language: 'de' });
  });

  it('GIVEN language "source" THEN the source’s language is kept', async () => {
    await run.fake.slash('summarize', { url: ARTICLE_URL, language: 'source' }).edit();
    expect(lastCall()?.options).toMatchObject({ language: null });
  });

  it('GIVEN length, style and language THEN the pipeline gets them', async () => {
    const i = run.fake.slash('summarize', {
      url: ARTICLE_URL,
      length: 'short',
      style: 'prose',
      language: 'fr',
    });
    await i.edit();
    expect(lastCall()?.options).toEqual({
      length: 'short',
      style: 'prose',
      language: 'fr',
      quotesOnly: false,
    });
  });

  it('GIVEN private THEN the reply is ephemeral and offers Make public', async () => {
    const i = run.fake.slash('summarize', { url: ARTICLE_URL, private: true });
    expect((await i.callback()).body).toMatchObject({ type: 5, data: { flags: 64 } });
    const body = sent(await i.edit());
    const labels = body.components?.[0]?.components.map((c) => c.label);
    expect(labels).toEqual(['Shorter', 'Longer', 'Key quotes', 'Make public']);
  });

  it('GIVEN a public reply THEN there is no Make public button, but a Delete for the asker', async () => {
    const body = sent(await run.fake.slash('summarize', { url: ARTICLE_URL }).edit());
    expect(body.components?.[0]?.components.map((c) => c.label)).toEqual([
      'Shorter',
      'Longer',
      'Key quotes',
      'Delete',
    ]);
    // The offline engine cannot translate: no language menu under its reply.
    expect(body.components).toHaveLength(1);
  });

  it("GIVEN the model's reply THEN the language menu lists 20 languages and the way back", async () => {
    run.pipeline.transformNext((result) => ({
      ...result,
      meta: { ...result.meta, engine: 'llm' },
    }));
    const body = sent(await run.fake.slash('summarize', { url: ARTICLE_URL }).edit());
    expect(body.components?.[1]?.components[0]?.options).toHaveLength(21);
  });

  it('GIVEN a .txt attachment THEN it is downloaded from the attachment URL and summarized as a file', async () => {
    const file = run.fake.addAttachment('talks.txt', ARTICLE_TEXT, 'text/plain; charset=utf-8');
    const i = run.fake.slash('summarize', { file });
    const body = sent(await i.edit());
    expect(run.fake.downloads).toContain(new URL(file.url).pathname);
    expect(lastCall()?.input).toMatchObject({ kind: 'file', name: 'talks.txt' });
    expect(body.embeds?.[0]?.fields?.length).toBeGreaterThan(0);
  });

  it('GIVEN an .html attachment THEN its text is extracted', async () => {
    const html = `<html><head><title>Talks</title></head><body><article><h1>Talks</h1>${ARTICLE_TEXT.split(
      '\n\n',
    )
      .map((p) => `<p>${p}</p>`)
      .join('')}</article></body></html>`;
    const file = run.fake.addAttachment('talks.html', html, 'text/html');
    const body = sent(await run.fake.slash('summarize', { file }).edit());
    expect(body.embeds?.[0]?.description).toBeTruthy();
  });

  it('GIVEN a .pdf attachment THEN its text is extracted and summarized', async () => {
    const ascii = ARTICLE_TEXT.slice(0, 3000)
      .replace(/[’‘]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/[^\x20-\x7e\n]/g, ' ');
    const lines = ascii.split('\n').flatMap((line) => line.match(/.{1,90}(\s|$)/g) ?? ['']);
    const pdf = buildPdf({ title: 'Talks', pages: [lines.slice(0, 40), lines.slice(40)] });
    const file = run.fake.addAttachment('talks.pdf', pdf, 'application/pdf');
    const body = sent(await run.fake.slash('summarize', { file }).edit());
    expect(lastCall()?.input).toMatchObject({
      kind: 'file',
      name: 'talks.pdf',
      contentType: 'application/pdf',
    });
    expect(body.embeds?.[0]?.description).toMatch(/Biden|Putin/);
  });

  it('GIVEN an unsupported attachment THEN the user is told which files work, privately', async () => {
    const file = run.fake.addAttachment('photo.png', 'not text', 'image/png');
    const followUp = await run.fake.slash('summarize', { file }).followUp();
    expect(sent(followUp).content).toMatch(/\.txt, \.md, \.html and \.pdf/);
    expect(sent(followUp).flags).toBe(64);
  });

  it('GIVEN an attachment over the size cap THEN it is refused without downloading', async () => {
    const file = run.fake.addAttachment('big.txt', 'x'.repeat(65 * 1024), 'text/plain');
    const followUp = await run.fake.slash('summarize', { file }).followUp();
    expect(sent(followUp).content).toMatch(/larger than/);
    expect(run.fake.downloads).not.toContain(new URL(file.url).pathname);
  });

  it('GIVEN a url and a text THEN it asks for one input, before any defer', async () => {
    const i = run.fake.slash('summarize', { url: ARTICLE_URL, text: 'some text' });
    const callback = await i.callback();
    expect(callback.body).toMatchObject({
      type: 4,
      data: { flags: 64, content: 'Give one input: a url, a text or a file, not several.' },
    });
  });
});

describe('/quotes', () => {
  it('GIVEN a url THEN it asks for quotes only and leads with them', async () => {
    const body = sent(await run.fake.slash('quotes', { url: ARTICLE_URL }).edit());
    expect(lastCall()?.options).toMatchObject({ quotesOnly: true });
    expect(body.embeds?.[0]?.description).toMatch(/key quotes?, each checked word for word/);
    expect(body.components?.[0]?.components.map((c) => c.label)).toContain('Summary');
  });
});

describe('/help', () => {
  it('GIVEN /help THEN it answers privately what Precis does, stores and its limits', async () => {
    const callback = await run.fake.slash('help').callback();
    const data = (callback.body as { type: number; data: { content: string; flags: number } }).data;
    expect(data.flags).toBe(64);
    expect(data.content).toMatch(/What it stores, and for how long/);
    expect(data.content).toMatch(/Limits/);
    expect(data.content.length).toBeLessThanOrEqual(2000);
  });
});
