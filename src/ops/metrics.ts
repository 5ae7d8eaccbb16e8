import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { estimateCostUsd, type TokenPrices } from '../shared/cost.ts';

/** What one finished job tells the metrics. */
export interface JobRecord {
  /** The command or trigger: summarize, quotes, context-menu, button, auto, … */
  kind: string;
  durationMs: number;
  tokens?: { input: number; output: number };
  costUsd?: number;
  cached?: boolean;
  /** The UserError code, 'bug' for anything else, absent on success. */
  errorCode?: string;
}

export interface Metrics {
  readonly registry: Registry;
  recordJob(job: JobRecord): void;
  /** Prometheus text format. */
  render(): Promise<string>;
}

/** Prometheus metrics for /metrics: interactions, latency, tokens, cost, cache hits, errors. */
export function createMetrics(
  labels: Record<string, string> = {},
  options: { prices?: TokenPrices } = {},
): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels(labels);
  collectDefaultMetrics({ register: registry, prefix: 'precis_process_' });

  const jobs = new Counter({
    name: 'precis_interactions_total',
    help: 'Summaries asked for, by kind and outcome.',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'precis_interaction_duration_seconds',
    help: 'Time from the request to the final answer.',
    labelNames: ['kind'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 90],
    registers: [registry],
  });
  const tokens = new Counter({
    name: 'precis_llm_tokens_total',
    help: 'Model tokens spent, by direction.',
    labelNames: ['direction'] as const,
    registers: [registry],
  });
  const cost = new Counter({
    name: 'precis_llm_estimated_cost_usd_total',
    help: 'Estimated model cost in US dollars.',
    registers: [registry],
  });
  const cacheHits = new Counter({
    name: 'precis_cache_hits_total',
    help: 'Summaries answered from the cache.',
    registers: [registry],
  });
  const errors = new Counter({
    name: 'precis_errors_total',
    help: 'Failed summaries, by error code.',
    labelNames: ['code'] as const,
    registers: [registry],
  });

  return {
    registry,
    recordJob(job) {
      jobs.inc({ kind: job.kind, outcome: job.errorCode ? 'error' : 'ok' });
      latency.observe({ kind: job.kind }, job.durationMs / 1000);
      if (job.cached) cacheHits.inc();
      else if (job.tokens) {
        tokens.inc({ direction: 'input' }, job.tokens.input);
        tokens.inc({ direction: 'output' }, job.tokens.output);
      }
      // A job that does not know its cost has it estimated from its tokens and the prices.
      const costUsd =
        job.costUsd ??
        (job.tokens && options.prices ? estimateCostUsd(job.tokens, options.prices) : 0);
      if (!job.cached && costUsd > 0) cost.inc(costUsd);
      if (job.errorCode) errors.inc({ code: job.errorCode });
    },
    render: () => registry.metrics(),
  };
}
