import { afterEach, describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/core/pipeline.ts';
import {
  DELIVERY_MARGIN_MS,
  INTERACTION_TOKEN_MS,
} from '../../src/discord/jobs/run-interaction-job.ts';
import { openSqliteQueue } from '../../src/queue/sqlite-queue.ts';
import type { JobQueue } from '../../src/queue/types.ts';
import type { RecordedRequest } from '../../testkit/fake-discord.ts';
import { ARTICLE_TEXT } from '../../testkit/scripted-pipeline.ts';
import { type Running, startBot } from '../discord/start-bot.ts';
import { acceptedEarlier, losingTheMark } from './worker-faults.ts';

/** An interaction's job run again by a worker, or taken late: what the user and the ledger see. */

const EDIT = 'PATCH /webhooks/:app/:token/messages/:message';

let run: Running | null = null;
let queue: JobQueue | null = null;
afterEach(async () => {
  await run?.close();
  await queue?.close();
  run = null;
  queue = null;
});

const start = async (wrap: (queue: JobQueue) => JobQueue, pipeline?: Pipeline) => {
  queue = wrap(openSqliteQueue({ path: ':memory:' }));
  run = await startBot({ queue, ...(pipeline ? { pipeline } : {}) });
  return run;
};

const editsOf = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.route === EDIT && r.status === 200);

describe('a job run again after its worker died between delivering and marking it done', () => {
  it('GIVEN the answer was delivered THEN the rerun delivers the kept answer without asking the model again', async () => {
    const { fake, bot, pipeline } = await start((inner) => losingTheMark(inner));
    const i = fake.slash('summarize', { text: ARTICLE_TEXT.slice(0, 3000) });
    await i.edit();
    await bot.idle();
    expect(pipeline.calls).toHaveLength(1);
    const [first, again] = editsOf(i.requests());
    expect(again?.body).toEqual(first?.body);
  });

  it('GIVEN the answer was delivered THEN the usage ledger has one row for it', async () => {
    const { fake, bot, store } = await start((inner) => losingTheMark(inner));
    const i = fake.slash('summarize', { text: ARTICLE_TEXT.slice(0, 3000) });
    await i.edit();
    await bot.idle();
    expect(editsOf(i.requests())).toHaveLength(2);
    const report = await store.operatorReport({ days: 1 });
    expect(report.total.summaries).toBe(1);
  });
});

/** A model that answers nothing until the job gives up on it. */
const neverAnswers: Pipeline = {
  summarize: (_input, _options, context) => untilAborted(context?.signal),
  resummarize: (_sha, _options, context) => untilAborted(context?.signal),
};

function untilAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

describe('a job taken late in its interaction token’s 15 minutes', () => {
  it('GIVEN little of the token is left THEN the job stops in time for its answer to be accepted', async () => {
    // Taken with 2 s left before the delivery margin; the configured deadline is 60 s.
    const waited = INTERACTION_TOKEN_MS - DELIVERY_MARGIN_MS - 2_000;
    const { fake } = await start((inner) => acceptedEarlier(inner, waited), neverAnswers);
    const i = fake.slash('summarize', { text: ARTICLE_TEXT.slice(0, 3000) });
    await i.callback();
    // Discord's clock: the interaction is as old as the worker believes.
    fake.advanceClock(waited);
    // A public "thinking…" that fails is removed and the error is sent privately.
    const answer = await i.followUp();
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).toMatch(/took longer than 2 s/);
  });
});
