import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssues, validateAnswer } from '../../src/core/llm/invalid-output.ts';
import { MapOutputSchema, SummaryOutputSchema } from '../../src/shared/schemas.ts';

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be invalid');
  return formatIssues(result.error);
};

describe('formatIssues', () => {
  it('names the path of each problem', () => {
    const value = { points: ['a'], quotes: [{ text: 7, speaker: null }] };
    expect(issuesOf(MapOutputSchema, value)).toEqual([
      'quotes.0.text: Invalid input: expected string, received number',
    ]);
  });

  it('gives a root-level problem without a path', () => {
    expect(issuesOf(MapOutputSchema, 'a string')).toEqual([
      'Invalid input: expected object, received string',
    ]);
  });

  it('lists at most 20 problems and says how many more there were', () => {
    const lines = issuesOf(
      z.array(z.string()),
      Array.from({ length: 25 }, () => 1),
    );
    expect(lines.at(-1)).toBe('(5 more issues)');
  });
});

describe('validateAnswer', () => {
  it('returns the parsed value of a valid answer', () => {
    const value = { tldr: 'Short.', bullets: [], quotes: [] };
    expect(validateAnswer(SummaryOutputSchema, JSON.stringify(value))).toEqual(value);
  });

  it('reports a missing field by name', () => {
    expect(() => validateAnswer(MapOutputSchema, '{"points": []}')).toThrow(
      expect.objectContaining({ issues: [expect.stringMatching(/^quotes: /)] }),
    );
  });
});
