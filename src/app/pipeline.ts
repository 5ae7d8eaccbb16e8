import { type Config, extractionPoolOptions } from '../config.ts';
import { type ExtractionRunner, extractDocument } from '../core/extract/index.ts';
import { createExtractionPool } from '../core/extract/pool.ts';
import { createGuardedFetch, parseAllowHosts } from '../core/fetch/index.ts';
import type { SourceLoaders } from '../core/inputs/index.ts';
import { retryAfterMs } from '../core/llm/retry-delay.ts';
import { createScheduledLlm, type ScheduledLlm } from '../core/llm/scheduled-client.ts';
import type { LlmClient } from '../core/llm/types.ts';
import { createUrlLoader, type DocumentCache } from '../core/load-url.ts';
import { createPipeline, type Pipeline } from '../core/pipeline.ts';
import type { PipelineCache } from '../core/summarize/cache.ts';
import type { GlobalSlots } from '../queue/global-slots.ts';
import type { SharedProviderState } from '../queue/provider-state.ts';
import { UserError } from '../shared/errors.ts';

export interface AppPipelineOptions {
  /** Force the offline engine even when a key is set (the CLI's --offline). */
  offline?: boolean;
  cache?: PipelineCache;
  documentCache?: DocumentCache;
  /** Worker threads for HTML, PDF and Markdown; the caller closes it on shutdown. */
  extractionPool?: ExtractionRunner;
  /** Model calls across every worker on the database (PostgreSQL); none = this process only. */
  modelSlots?: GlobalSlots | null;
  /** A provider's retry-after, honoured by every worker on the database. */
  providerState?: SharedProviderState | null;
}

/** The model client the configuration asks for, or null (offline engine) without a key. */
export function createLlmFromConfig(
  config: Config,
  shared: { modelSlots?: GlobalSlots | null; providerState?: SharedProviderState | null } = {},
): LlmClient | null {
  const modelSlots = shared.modelSlots ?? null;
  const provider = shared.providerState ?? null;
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
        ...(provider ? { fetch: pausingFetch(provider) } : {}),
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
  const scheduled = createScheduledLlm(client, { concurrency: config.LLM_CONCURRENCY });
  return provider ? withSharedCircuit(scheduled, provider) : scheduled;
}

/** How long a circuit opened by one worker keeps every worker from calling (the breaker's own). */
const SHARED_CIRCUIT_MS = 30_000;

/**
 * One worker's breaker opening opens it for all: the others fail fast with the same words
 * instead of each spending its own failures to learn the provider is down. A worker whose
 * trial call succeeds closes it for all again.
 */
function withSharedCircuit(scheduled: ScheduledLlm, provider: SharedProviderState): LlmClient {
  scheduled.breaker.on('open', () => {
    provider.openCircuitFor(SHARED_CIRCUIT_MS).catch(() => undefined);
  });
  scheduled.breaker.on('close', () => {
    provider.closeCircuit().catch(() => undefined);
  });
  return {
    get model() {
      return scheduled.model;
    },
    async complete(request) {
      if (scheduled.breaker.closed && (await provider.circuitOpen().catch(() => false))) {
        throw new UserError(
          'llm_unavailable',
          'The model provider is failing right now, so Precis has paused calls to it.',
          { circuit: 'open', shared: true },
        );
      }
      return scheduled.complete(request);
    },
  };
}

/**
 * Every request to the provider first waits out a pause any worker has set, and a 429 that
 * names its wait sets one: the SDK's own retry then waits here, and so does every other worker.
 */
function pausingFetch(pause: SharedProviderState): typeof fetch {
  return async (input, init) => {
    await pause.wait(init?.signal ?? undefined);
    const response = await fetch(input, init);
    if (response.status === 429) {
      const ms = retryAfterMs(response.headers);
      // A failed write only means the other workers find out from their own 429.
      if (ms !== null && ms > 0) await pause.pauseFor(ms).catch(() => undefined);
    }
    return response;
  };
}

/** How links and files become Documents, for the pipeline and for --extract-only. */
export function createLoaders(
  config: Config,
  documentCache?: DocumentCache,
  // Idle workers do not keep the process alive, so a pool nobody closes is not a leak.
  pool: ExtractionRunner = createExtractionPool(extractionPoolOptions(config)),
): Required<SourceLoaders> {
  const guardedFetch = createGuardedFetch({
    allowHosts: parseAllowHosts(config.FETCH_ALLOW_HOSTS),
    allowPorts: config.FETCH_ALLOW_PORTS,
    dnsServers: config.DNS_SERVERS,
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
    llm: options.offline
      ? null
      : createLlmFromConfig(config, {
          modelSlots: options.modelSlots ?? null,
          providerState: options.providerState ?? null,
        }),
    contextTokens: config.LLM_CONTEXT_TOKENS,
    deadlineMs: config.JOB_DEADLINE_MS,
    cache: options.cache,
  });
}
