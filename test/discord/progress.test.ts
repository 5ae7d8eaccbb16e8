import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../testkit/fake-discord.ts';
import { ARTICLE_URL, createOfflinePipeline } from '../../testkit/scripted-pipeline.ts';
import { EDIT, expectCleanTraffic, sent } from './expectations.ts';
import { type Running, startBot } from './start-bot.ts';

// A page that takes as long as the test says: the real pipeline reports "reading" and waits.
let releasePage = () => {};
const pipeline = createOfflinePipeline({
  beforeLoad: () =>
    new Promise<void>((resolve) => {
      releasePage = resolve;
    }),
});

let run: Running;
beforeAll(async () => {
  // Shown from the start rather than after 2 s, so the test needs no clock.
  run = await startBot({ pipeline, progressAfterMs: 0 });
});
afterAll(async () => {
  expectCleanTraffic(run.fake);
  await run.close();
});

describe('progress of a slow job', () => {
  it('GIVEN a page that is slow to read THEN the deferred reply says so, then becomes the answer', async () => {
    const i = run.fake.slash('summarize', { url: ARTICLE_URL });
    const isEdit = (r: RecordedRequest) => r.route === EDIT && r.params.token === i.token;
    const progress = await run.fake.waitFor(isEdit);
    expect(sent(progress)).toMatchObject({ content: '⏳ Reading the page…' });
    releasePage();
    const answer = await run.fake.waitFor((r) => isEdit(r) && (sent(r).embeds?.length ?? 0) > 0);
    expect(sent(answer).content).toBe('');
    await run.bot.idle();
    // The answer is the last word: no progress edit lands after it.
    expect(i.requests().filter(isEdit).at(-1)).toBe(answer);
    expect(run.fake.originalMessage(i.token)?.embeds[0]?.url).toBe(ARTICLE_URL);
  });
});
