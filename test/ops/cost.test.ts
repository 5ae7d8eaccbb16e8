import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/metrics.ts';
import { estimateCostUsd } from '../../src/shared/cost.ts';

const prices = { inputPerMillion: 0.15, outputPerMillion: 0.6 };

describe('estimated cost', () => {
  it('GIVEN tokens and prices per million THEN the cost is their weighted sum', () => {
    expect(estimateCostUsd({ input: 1_000_000, output: 500_000 }, prices)).toBeCloseTo(0.45, 10);
  });

  it('GIVEN a job without a cost THEN /metrics estimates it from its tokens', async () => {
    const metrics = createMetrics({}, { prices });
    metrics.recordJob({ kind: 'summarize', durationMs: 10, tokens: { input: 2000, output: 1000 } });
    expect(await metrics.render()).toContain('precis_llm_estimated_cost_usd_total 0.0009');
  });

  it('GIVEN a cached job THEN it adds no cost', async () => {
    const metrics = createMetrics({}, { prices });
    metrics.recordJob({
      kind: 'summarize',
      durationMs: 10,
      cached: true,
      tokens: { input: 2000, output: 1000 },
    });
    expect(await metrics.render()).toContain('precis_llm_estimated_cost_usd_total 0');
  });
});
