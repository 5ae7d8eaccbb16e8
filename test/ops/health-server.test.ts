import { afterEach, describe, expect, it } from 'vitest';
import { startHealthServer } from '../../src/ops/health-server.ts';
import { createMetrics } from '../../src/ops/metrics.ts';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function serve(checks: Record<string, boolean>) {
  const metrics = createMetrics();
  const server = await startHealthServer({
    port: 0,
    metrics,
    health: { checks: async () => checks },
  });
  close = server.close;
  return { metrics, base: `http://127.0.0.1:${server.port}` };
}

describe('the operations port', () => {
  it('GIVEN every check passing THEN /healthz answers 200 with the checks', async () => {
    const { base } = await serve({ discord: true, database: true });
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      checks: { discord: true, database: true },
    });
  });

  it('GIVEN a failing check THEN /healthz answers 503', async () => {
    const { base } = await serve({ discord: false, database: true });
    expect((await fetch(`${base}/healthz`)).status).toBe(503);
  });

  it('GIVEN finished jobs THEN /metrics shows interactions, latency, tokens, cost, cache hits and errors', async () => {
    const { base, metrics } = await serve({});
    metrics.recordJob({
      kind: 'summarize',
      durationMs: 1200,
      tokens: { input: 1000, output: 200 },
      costUsd: 0.0003,
    });
    metrics.recordJob({
      kind: 'summarize',
      durationMs: 5,
      cached: true,
      tokens: { input: 1000, output: 200 },
    });
    metrics.recordJob({ kind: 'quotes', durationMs: 300, errorCode: 'rate_limited' });
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('precis_interactions_total{kind="summarize",outcome="ok"} 2');
    expect(text).toContain('precis_interactions_total{kind="quotes",outcome="error"} 1');
    expect(text).toContain('precis_interaction_duration_seconds_count{kind="summarize"} 2');
    expect(text).toContain('precis_llm_tokens_total{direction="input"} 1000');
    expect(text).toContain('precis_llm_estimated_cost_usd_total 0.0003');
    expect(text).toContain('precis_cache_hits_total 1');
    expect(text).toContain('precis_errors_total{code="rate_limited"} 1');
  });

  it('GIVEN another path THEN it answers 404', async () => {
    const { base } = await serve({});
    expect((await fetch(`${base}/admin`)).status).toBe(404);
  });
});
