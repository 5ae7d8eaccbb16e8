import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { createOpenAiClient } from '../src/core/llm/openai-client.ts';
import { createPipeline } from '../src/core/pipeline.ts';
import { createBot } from '../src/discord/bot.ts';
import type { BotContext } from '../src/discord/context.ts';
import { startSummaryWorker } from '../src/discord/job-runners.ts';
import { JOB_TOKEN_ESTIMATE } from '../src/discord/moderation/reserve-usage.ts';
import { openSqliteQueue } from '../src/queue/sqlite-queue.ts';
import { openStore } from '../src/store/index.ts';
import { makeUser, nextId } from '../testkit/fake-discord/payloads.ts';
import { type RecordedRequest, startFakeDiscord } from '../testkit/fake-discord.ts';
import { EXAMPLE, GOOD_ANSWER } from '../testkit/pipeline-helpers.ts';
import { createBotServices } from '../testkit/services.ts';
import { startModelProcess } from './model-process.ts';

/**
 * A burst against the daily allowance, in the bot as it runs: one user sends six /summarize at
 * once while the allowance holds two jobs. Two workers take the jobs — the bot's own and a
 * second one on the same SQLite file, as `npm run worker` runs — each answering through the
 * loopback Discord, with the real openai SDK against the loopback model. Each job spends one
 * job's estimate. `npx tsx bench/usage-burst.ts` runs it alone.
 */
export interface UsageBurst {
  jobs: number;
  admitted: number;
  refused: number;
  tokensSpent: number;
  limit: number;
  /** The promise: jobs at once overshoot the limit by at most one job's estimate. */
  bound: number;
}

const JOBS = 6;
const JOBS_ALLOWED = 2;

export async function benchUsageBurst(): Promise<UsageBurst> {
  const dir = mkdtempSync(join(tmpdir(), 'precis-burst-'));
  const sqlitePath = join(dir, 'precis.sqlite');
  const queuePath = join(dir, 'queue.sqlite');
  const limit = JOBS_ALLOWED * JOB_TOKEN_ESTIMATE;
  const model = await startModelProcess();
  // Every answer costs exactly one job's estimate.
  await model.answerWith(GOOD_ANSWER, {
    prompt_tokens: JOB_TOKEN_ESTIMATE - 500,
    completion_tokens: 500,
  });
  const pipeline = () =>
    createPipeline({
      llm: createOpenAiClient({
        apiKey: 'sk-bench',
        baseURL: model.url,
        model: 'fake-model',
        structuredOutput: 'json_schema',
        timeoutMs: 60_000,
        maxRetries: 0,
      }),
    });
  const discord = await startFakeDiscord();
  const logger = pino({ level: 'silent' });
  const storeOf = () => openStore({ sqlitePath, guildDefaults: { cooldownSeconds: 0 } });
  const services = await createBotServices({
    store: await storeOf(),
    queue: openSqliteQueue({ path: queuePath }),
  });
  const bot = await createBot({
    config: {
      DISCORD_TOKEN: 'bench-token',
      DISCORD_API_URL: discord.apiUrl,
      JOB_DEADLINE_MS: 60_000,
      USER_DAILY_TOKENS: limit,
    },
    pipeline: pipeline(),
    logger,
    ...services,
    workerConcurrency: JOBS / 2,
  });
  await bot.start();
  const second: BotContext = {
    ...(await createBotServices({
      store: await storeOf(),
      queue: openSqliteQueue({ path: queuePath }),
    })),
    pipeline: pipeline(),
    logger,
    fetch: globalThis.fetch,
    maxAttachmentBytes: 1024 * 1024,
    jobDeadlineMs: 60_000,
    limits: { userDailyTokens: limit, dailyTokenCap: 0 },
  };
  const worker = await startSummaryWorker(second, {
    apiUrl: discord.apiUrl,
    token: 'bench-token',
    concurrency: JOBS / 2,
  });
  try {
    const user = makeUser(nextId(), 'burst-reader');
    // Six texts, so no answer comes from the cache (a cached answer costs nothing).
    const answers = await Promise.all(
      Array.from({ length: JOBS }, (_, n) => {
        const job = discord.slash(
          'summarize',
          { text: `${EXAMPLE}\n\nReport ${n + 1}.` },
          { user },
        );
        return discord.waitFor((r) => r.params.token === job.token && isFinal(r), 120_000);
      }),
    );
    const admitted = answers.filter((r) => embedsOf(r) > 0).length;
    return {
      jobs: JOBS,
      admitted,
      refused: JOBS - admitted,
      tokensSpent: await services.store.tokensSpentToday({ userId: user.id }),
      limit,
      bound: limit + JOB_TOKEN_ESTIMATE,
    };
  } finally {
    await worker.stop();
    await bot.stop();
    await second.queue.close();
    await second.store.close();
    await services.queue.close();
    await services.store.close();
    await discord.close();
    await model.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const embedsOf = (r: RecordedRequest) =>
  (r.body as { embeds?: unknown[] } | null)?.embeds?.length ?? 0;

/** The job's last word: its summary, or a refusal (an edit or a follow-up with text). */
function isFinal(r: RecordedRequest): boolean {
  const body = r.body as { embeds?: unknown[]; content?: string } | null;
  if (r.route === 'PATCH /webhooks/:app/:token/messages/:message') {
    return embedsOf(r) > 0 || /token|today|budget|allowance/i.test(body?.content ?? '');
  }
  return r.route === 'POST /webhooks/:app/:token' && (body?.content ?? '') !== '';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const burst = await benchUsageBurst();
  process.stdout.write(
    `${burst.jobs} /summarize at once from one user, two workers, allowance ${burst.limit} tokens (${JOBS_ALLOWED} jobs): admitted ${burst.admitted}, refused ${burst.refused}; tokens spent ${burst.tokensSpent} (limit ${burst.limit}, bound limit + one estimate ${burst.bound})\n`,
  );
  process.exit(0);
}
