import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKING_STAGE_FROM_CHARS } from '../../src/core/pipeline.ts';
import type { RecordedRequest } from '../../testkit/fake-discord.ts';
import {
  ARTICLE_TEXT,
  ARTICLE_URL,
  createOfflinePipeline,
} from '../../testkit/scripted-pipeline.ts';
import { EDIT, expectCleanTraffic, sent } from './expectations.ts';
import { type Running, startBot } from './start-bot.ts';

const LONG_URL = 'https://example.com/long-read';

/** The fixture article and numbered copies of it, long enough for quote checking to take time. */
function longText(): string {
  const parts = [ARTICLE_TEXT];
  while (parts.join('\n\n').length < CHECKING_STAGE_FROM_CHARS) {
    parts.push(`Copy ${parts.length}.\n\n${ARTICLE_TEXT}`);
  }
  return parts.join('\n\n');
}

let run: Running;
beforeAll(async () => {
  // Every stage is shown as soon as it is reported, so the test needs no clock.
  run = await startBot({
    pipeline: createOfflinePipeline({
      textFor: (url) => (url === LONG_URL ? longText() : ARTICLE_TEXT),
    }),
    progressAfterMs: 0,
    progressEveryMs: 0,
  });
});
afterAll(async () => {
  expectCleanTraffic(run.fake);
  await run.close();
});

/** What the reply showed, edit by edit: a progress line, or "answer" for the embed. */
async function editsOf(url: string): Promise<string[]> {
  const i = run.fake.slash('summarize', { url });
  const isEdit = (r: RecordedRequest) => r.route === EDIT && r.params.token === i.token;
  await run.fake.waitFor((r) => isEdit(r) && (sent(r).embeds?.length ?? 0) > 0, 30_000);
  await run.bot.idle();
  return i
    .requests()
    .filter(isEdit)
    .map((r) => ((sent(r).embeds?.length ?? 0) > 0 ? 'answer' : (sent(r).content ?? '')));
}

describe('progress while the quotes are checked', () => {
  it('GIVEN a long article THEN the reply shows "Checking the quotes" before the answer', async () => {
    expect(await editsOf(LONG_URL)).toEqual([
      '⏳ Reading the page…',
      '⏳ Summarizing…',
      '⏳ Checking the quotes…',
      'answer',
    ]);
  });

  it('GIVEN a short article THEN no checking edit is sent: its check takes milliseconds', async () => {
    expect(await editsOf(ARTICLE_URL)).toEqual([
      '⏳ Reading the page…',
      '⏳ Summarizing…',
      'answer',
    ]);
  });
});
