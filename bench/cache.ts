import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createStoreCaches } from '../src/app/store-caches.ts';
import { createOpenAiClient } from '../src/core/llm/openai-client.ts';
import { createPipeline } from '../src/core/pipeline.ts';
import { openStore } from '../src/store/index.ts';
import { fakeSteps, startFakeOpenAi } from '../testkit/fake-openai.ts';
import { EXAMPLE, GOOD_ANSWER } from '../testkit/pipeline-helpers.ts';
import { summarizeTimings, time } from './stats.ts';

export interface CacheBench {
  /** The first summary: the model answered (loopback, so this is nearly all our own work). */
  firstMs: number;
  firstTokens: { input: number; output: number };
  /** The same text again, answered from the store's cache. */
  hitMedianMs: number;
  hitP95Ms: number;
  /** Model requests and tokens the repeats cost: the cache's whole point is 0. */
  hitModelRequests: number;
  hitNewTokens: number;
}

/**
 * The same article summarized twice through the real pipeline, the real openai SDK (against
 * the loopback fake model) and the SQLite store's cache, as `npm start` wires them.
 */
export async function benchCache(rounds = 30): Promise<CacheBench> {
  const dir = await mkdtemp(join(tmpdir(), 'precis-bench-'));
  const store = await openStore({ sqlitePath: join(dir, 'bench.sqlite') });
  const model = await startFakeOpenAi();
  model.setDefault(
    fakeSteps.json(GOOD_ANSWER, { usage: { prompt_tokens: 1800, completion_tokens: 250 } }),
  );
  try {
    const caches = createStoreCaches(store, { textTtlSeconds: 3600 });
    const pipeline = createPipeline({
      llm: createOpenAiClient({
        apiKey: 'sk-bench',
        baseURL: model.url,
        model: 'fake-model',
        structuredOutput: 'json_schema',
        timeoutMs: 10_000,
        maxRetries: 0,
      }),
      cache: caches.pipeline,
    });
    const input = { kind: 'text', text: EXAMPLE } as const;
    const started = performance.now();
    const first = await pipeline.summarize(input);
    const firstMs = performance.now() - started;
    const requestsBefore = model.requests.length;
    let cachedEvery = true;
    const hits = summarizeTimings(
      await time(async () => {
        const again = await pipeline.summarize(input);
        cachedEvery &&= again.meta.cached;
      }, rounds),
    );
    if (!cachedEvery) throw new Error('a repeat was not answered from the cache');
    const hitModelRequests = model.requests.length - requestsBefore;
    return {
      firstMs,
      firstTokens: first.meta.tokens,
      hitMedianMs: hits.median,
      hitP95Ms: hits.p95,
      hitModelRequests,
      // The fake bills every request the same, so no request means no new token.
      hitNewTokens: hitModelRequests * (1800 + 250),
    };
  } finally {
    await model.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchCache();
  process.stdout.write(
    `first ${r.firstMs.toFixed(1)} ms (${r.firstTokens.input}+${r.firstTokens.output} tokens); cache hit ${r.hitMedianMs.toFixed(2)} / ${r.hitP95Ms.toFixed(2)} ms, ${r.hitModelRequests} model requests, ${r.hitNewTokens} new tokens\n`,
  );
}
