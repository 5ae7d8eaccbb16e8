import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { createOpenAiClient } from '../src/core/llm/openai-client.ts';
import { createPipeline, type Pipeline } from '../src/core/pipeline.ts';
import { createBot } from '../src/discord/bot.ts';
import type { SummaryOutput } from '../src/shared/schemas.ts';
import { type FakeDiscord, startFakeDiscord } from '../testkit/fake-discord.ts';
import { EXAMPLE, GOOD_ANSWER } from '../testkit/pipeline-helpers.ts';
import { createBotServices } from '../testkit/services.ts';
import { startModelProcess } from './model-process.ts';

/**
 * A quote check under attack, in the bot as it runs (real discord.js against the loopback
 * Discord, real openai SDK against the loopback model): one user's /summarize whose answer is
 * hostile, while another user sends /help every 100 ms. Reported: the slowest /help
 * acknowledgement (counted from when it was due, so a held event loop counts in full) and the
 * event-loop delay while the job runs. `npx tsx bench/quotes-hostile.ts` runs it alone.
 */
export interface QuoteAttackCase {
  name: string;
  sourceChars: number;
  /** The summarize job, first dispatch to its answer. */
  jobMs: number;
  helps: number;
  helpAckMaxMs: number;
  loopP99Ms: number;
  loopMaxMs: number;
  /** The same process with the bot logged in and nothing to do, for comparison. */
  idleLoopP99Ms: number;
}

const HELP_EVERY_MS = 100;

/** 800 KB of one word; 30 quotes of it 500 times but the last word: about 28 s of matching. */
function hostile(): { page: string; answer: SummaryOutput } {
  const quote = `${'a '.repeat(499)}b`;
  const quotes = Array.from({ length: 30 }, (_, i) => ({
    id: `q${i + 1}`,
    text: quote,
    speaker: null,
  }));
  return { page: 'a '.repeat(400_000), answer: { ...GOOD_ANSWER, bullets: [], quotes } };
}

/** An ordinary article repeated to the 1,000,000-character cap, with a good answer. */
function ordinary(): { page: string; answer: SummaryOutput } {
  let page = '';
  for (let n = 0; page.length < 1_000_000; n++) page += `Part ${n}. ${EXAMPLE}\n\n`;
  return { page: page.slice(0, 1_000_000), answer: GOOD_ANSWER };
}

async function attack(name: string, { page, answer }: ReturnType<typeof hostile>) {
  const model = await startModelProcess();
  const llm = createOpenAiClient({
    apiKey: 'sk-bench',
    baseURL: model.url,
    model: 'fake-model',
    structuredOutput: 'json_schema',
    timeoutMs: 120_000,
    maxRetries: 0,
  });
  const inner = createPipeline({ llm, contextTokens: 10_000_000, deadlineMs: 300_000 });
  // Whatever the user asks, the bot summarizes the page under test (a slash option holds 6,000
  // characters at most); first a warm-up page.
  let current = `${EXAMPLE}\n\n`.repeat(5);
  const pipeline: Pipeline = {
    summarize: (_input, options, context) =>
      inner.summarize({ kind: 'text', text: current }, options, context),
    resummarize: (sha, options, context) => inner.resummarize(sha, options, context),
  };
  const discord = await startFakeDiscord();
  const services = await createBotServices();
  const bot = await createBot({
    config: {
      DISCORD_TOKEN: 'bench-token',
      DISCORD_API_URL: discord.apiUrl,
      JOB_DEADLINE_MS: 300_000,
    },
    pipeline,
    logger: pino({ level: 'silent' }),
    ...services,
  });
  await bot.start();
  try {
    // One warm-up job and /help, so module loading, worker start-up and JIT are not counted.
    await model.answerWith(GOOD_ANSWER);
    await discord.slash('help', {}, { user: discord.otherUser }).callback();
    await answerOf(discord, discord.slash('summarize', { text: 'A warm-up.' }).token);
    current = page;
    await model.answerWith(answer);
    const idle = monitorEventLoopDelay({ resolution: 5 });
    idle.enable();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    idle.disable();
    const delay = monitorEventLoopDelay({ resolution: 5 });
    const started = performance.now();
    const job = discord.slash('summarize', { text: 'An article.' });
    const answered = answerOf(discord, job.token);
    let done = false;
    void answered.finally(() => {
      done = true;
    });
    delay.enable();
    const acks: Promise<number>[] = [];
    for (let k = 1; !done; k++) {
      const due = started + k * HELP_EVERY_MS;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      if (done) break;
      const help = discord.slash('help', {}, { user: discord.otherUser });
      // Waited for without the fake's 10 s limit: a held bot answers late, and late is the figure.
      const ack = discord.waitFor(
        (r) =>
          r.params.token === help.token && r.route === 'POST /interactions/:id/:token/callback',
        600_000,
      );
      acks.push(ack.then((request) => request.at - due));
    }
    const reply = await answered;
    delay.disable();
    const waits = await Promise.all(acks);
    return {
      name,
      sourceChars: page.length,
      jobMs: reply.at - started,
      helps: waits.length,
      helpAckMaxMs: Math.max(0, ...waits),
      loopP99Ms: delay.percentile(99) / 1e6,
      loopMaxMs: delay.max / 1e6,
      idleLoopP99Ms: idle.percentile(99) / 1e6,
    } satisfies QuoteAttackCase;
  } finally {
    await bot.stop();
    await services.store.close();
    await discord.close();
    await model.close();
  }
}

/** The edit that carries the job's summary (not a progress edit). */
function answerOf(discord: FakeDiscord, token: string) {
  return discord.waitFor(
    (r) =>
      r.params.token === token &&
      r.route === 'PATCH /webhooks/:app/:token/messages/:message' &&
      ((r.body as { embeds?: unknown[] } | null)?.embeds?.length ?? 0) > 0,
    600_000,
  );
}

export async function benchQuotesHostile(): Promise<QuoteAttackCase[]> {
  return [
    await attack('30 quotes × 500 repeated words, 800 KB page', hostile()),
    await attack('ordinary answer, 1,000,000-character page', ordinary()),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await benchQuotesHostile()) {
    process.stdout.write(
      `${row.name}: job ${(row.jobMs / 1000).toFixed(1)} s; slowest of ${row.helps} /help acks ${row.helpAckMaxMs.toFixed(0)} ms (target < 1000); event-loop delay p99 ${row.loopP99Ms.toFixed(1)} ms, max ${row.loopMaxMs.toFixed(0)} ms, idle p99 ${row.idleLoopP99Ms.toFixed(1)} ms (target p99 ≤ 20)\n`,
    );
  }
  process.exit(0);
}
