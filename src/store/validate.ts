import type { z } from 'zod';
import { UserError } from '../core/errors.ts';

/** Parses what a caller (ultimately a moderator) sent; a bad value is theirs to fix. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
  throw new UserError('invalid_input', `Invalid ${what}: ${problems}.`, {
    issues: parsed.error.issues,
  });
}

/** Parses JSON the store itself wrote; null when it no longer fits the schema (an old shape). */
export function parseStoredJson<T extends z.ZodType>(schema: T, text: string): z.output<T> | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** pg returns bigint and numeric aggregates as strings; SQLite returns numbers. */
export function toNumber(value: string | number | bigint | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}
