import type { Config } from '../config.ts';
import { type ExtractionRunner, extractDocument } from '../core/extract/index.ts';
import { createExtractionPool } from '../core/extract/pool.ts';
import { createGuardedFetch, parseAllowHosts } from '../core/fetch/index.ts';
import { createScheduledLlm } from '../core/llm/scheduled-client.ts';
import type { LlmClient } from '../core/llm/types.ts';
import { createUrlLoader, type DocumentCache } from '../core/load-url.ts';
import { createPipeline, type Pipeline } from '../core/pipeline.ts';
import type { SourceLoaders } from '../core/source.ts';
import type { PipelineCache } from '../core/summarize/cache.ts';
import type { GlobalSlots } from '../queue/global-slots.ts';

export interface AppPipelineOptions {
  /** Force the offline engine even when a key is set (the CLI's --offline). */
  offline?: boolean;
  cache?: PipelineCache;
  documentCache?: DocumentCache;
  /** Worker threads for HTML, PDF and Markdown; the caller closes it on shutdown. */
  extractionPool?: ExtractionRunner;
  /** Model calls across every worker on the database (PostgreSQL); none = this process only. */
  modelSlots?: GlobalSlots | null;
}

/** The model client the configuration asks for, or null (offline engine) without a key. */
export function createLlmFromConfig(
  config: Config,
  modelSlots: GlobalSlots | null = null,
): LlmClient | null {
  if (!config.OPENAI_API_KEY) return null;
  // The SDK is loaded on the first call, so a bot without a key never pays for it.
  let loading: Promise<LlmClient> | null = null;
  const openAi = () => {
    loading ??= import('../core/llm/openai-client.ts').then(({ createOpenAiClient }) =>
      createOpenAiClient({
        apiKey: config.OPENAI_API_KEY ?? '',
        baseURL: config.OPENAI_BASE_URL ?? null,
        model: config.LLM_MODEL,
        structuredOutput: config.LLM_STRUCTURED_OUTPUT,
        timeoutMs: config.LLM_TIMEOUT_MS,
        // One retry per call and one re-ask per job: at most four model calls for one summary.
        maxRetries: 1,
      }),
    );
    return loading;
  };
  const client: LlmClient = {
    model: config.LLM_MODEL,
    complete: async (request) => {
      // This process's fair queue first, then one of the slots every worker shares.
      const release = await modelSlots?.acquire(request.signal);
      try {
        return await (await openAi()).complete(request);
      } finally {
        await release?.();
      }
    },
  };
  return createScheduledLlm(client, { concurrency: config.LLM_CONCURRENCY });
}

/** How links and files become Documents, for the pipeline and for --extract-only. */
export function createLoaders(
  config: Config,
  documentCache?: DocumentCache,
  // Idle workers do not keep the process alive, so a pool nobody closes is not a leak.
  pool: ExtractionRunner = createExtractionPool(),
): Required<SourceLoaders> {
  const guardedFetch = createGuardedFetch({
    allowHosts: parseAllowHosts(config.FETCH_ALLOW_HOSTS),
    allowPorts: config.FETCH_ALLOW_PORTS,
  });
  return {
    loadUrl: createUrlLoader({ guardedFetch, cache: documentCache, pool }),
    extractFile: (file, signal) =>
      extractDocument(
        { bytes: file.bytes, contentType: file.contentType, url: null, fileName: file.name },
        { pool, signal },
      ),
  };
}

/** Wires config -> fetch -> extraction -> model -> pipeline; shared by the CLI and the bot. */
export function createAppPipeline(config: Config, options: AppPipelineOptions = {}): Pipeline {
  return createPipeline({
    ...createLoaders(config, options.documentCache, options.extractionPool),
    llm: options.offline ? null : createLlmFromConfig(config, options.modelSlots ?? null),
    contextTokens: config.LLM_CONTEXT_TOKENS,
    deadlineMs: config.JOB_DEADLINE_MS,
    cache: options.cache,
  });
}
