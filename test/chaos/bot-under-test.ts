import { Writable } from 'node:stream';
import pino from 'pino';
import { createOpenAiClient } from '../../src/core/llm/openai-client.ts';
import { createScheduledLlm, type SchedulerOptions } from '../../src/core/llm/scheduled-client.ts';
import { createPipeline } from '../../src/core/pipeline.ts';
import { type Bot, createBot } from '../../src/discord/bot.ts';
import { PROGRESS_MARK } from '../../src/discord/jobs/progress.ts';
import type { FakeDiscord, RecordedRequest } from '../../testkit/fake-discord.ts';
import type { FakeOpenAi } from '../../testkit/fake-openai.ts';
import { createBotServices } from '../../testkit/services.ts';

export const EDIT = 'PATCH /webhooks/:app/:token/messages/:message';
export const FOLLOW_UP = 'POST /webhooks/:app/:token';

/**
 * The real bot, the real pipeline and the real openai SDK, wired as src/app.ts wires them
 * (one retry per call, the scheduler in front), pointed at the loopback fakes.
 */
export async function startRealBot(options: {
  discord: FakeDiscord;
  model: FakeOpenAi;
  jobDeadlineMs: number;
  scheduler?: SchedulerOptions;
  logs?: Record<string, unknown>[];
}): Promise<Bot> {
  const llm = createScheduledLlm(
    createOpenAiClient({
      apiKey: 'sk-test',
      baseURL: options.model.url,
      model: 'fake-model',
      structuredOutput: 'json_schema',
      timeoutMs: 2_000,
      maxRetries: 1,
    }),
    { concurrency: 8, ...options.scheduler },
  );
  const logs = options.logs ?? [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const bot = await createBot({
    config: {
      DISCORD_TOKEN: 'test-token',
      DISCORD_API_URL: options.discord.apiUrl,
      JOB_DEADLINE_MS: options.jobDeadlineMs,
    },
    pipeline: createPipeline({ llm, deadlineMs: options.jobDeadlineMs }),
    logger: pino({ level: 'info' }, sink),
    ...(await createBotServices()),
  });
  await bot.start();
  return bot;
}

/** The answer that ends an interaction: the edit of @original, or an error follow-up. */
export const isFinalAnswer = (token: string) => (r: RecordedRequest) =>
  r.params.token === token &&
  r.status < 300 &&
  ((r.route === EDIT && r.params.message === '@original' && !isProgress(r)) ||
    r.route === FOLLOW_UP);

/** A slow job's "⏳ Summarizing…" edit: a sign of life, not the answer. */
function isProgress(r: RecordedRequest): boolean {
  const content = (r.body as { content?: unknown } | null)?.content;
  return typeof content === 'string' && content.startsWith(PROGRESS_MARK);
}

export function bodyOf(r: RecordedRequest | undefined): {
  content: string;
  embeds: { title?: string; footer?: { text: string } }[];
} {
  const body = (r?.body ?? {}) as {
    content?: string;
    embeds?: { title?: string; footer?: { text: string } }[];
  };
  return { content: body.content ?? '', embeds: body.embeds ?? [] };
}
