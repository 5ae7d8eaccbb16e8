import { describe, expect, it } from 'vitest';
import { benchExtract } from '../../bench/extract.ts';
import { ARTICLE_FIXTURES, WALL_FIXTURES } from './fixtures.ts';

describe('GIVEN the extraction benchmark', () => {
  it('THEN it times every HTML fixture and reports median, p95 and peak memory', async () => {
    const result = await benchExtract();
    expect(result).toEqual({
      pages: ARTICLE_FIXTURES.length + WALL_FIXTURES.length,
      medianMs: expect.any(Number),
      p95Ms: expect.any(Number),
      peakRssMb: expect.any(Number),
    });
    expect(result.p95Ms).toBeGreaterThanOrEqual(result.medianMs);
  });
});
