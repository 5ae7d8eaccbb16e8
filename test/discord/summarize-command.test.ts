import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_TEXT, ARTICLE_URL } from './scripted-pipeline.ts';
import { type Running, startBot } from './start-bot.ts';

let run: Running;
beforeAll(async () => {
  run = await startBot();
});
afterAll(async () => {
  expect(run.fake.validationFailures).toEqual([]);
  expect(run.fake.responseFailures).toEqual([]);
  await run.close();
});

describe('/summarize', () => {
  it('GIVEN a url THEN it defers, then edits the reply with an embed titled and linked to the source', async () => {
    const i = run.fake.slash('summarize', { url: ARTICLE_URL });
    const callback = await i.callback();
    expect(callback.body).toMatchObject({ type: 5 });
    const edit = await i.edit();
    const body = edit.body as {
      embeds: { title: string; url: string; footer?: { text: string } }[];
    };
    expect(body.embeds[0]?.title).toContain('Biden');
    expect(body.embeds[0]?.url).toBe(ARTICLE_URL);
    expect(body).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it('GIVEN text THEN the footer says the offline engine answered', async () => {
    const i = run.fake.slash('summarize', { text: ARTICLE_TEXT.slice(0, 3000) });
    const edit = await i.edit();
    const embeds = (edit.body as { embeds: { footer?: { text: string } }[] }).embeds;
    expect(embeds.at(-1)?.footer?.text).toContain('offline engine');
  });
});
