import type { z } from 'zod';
import { UserError } from '../shared/errors.ts';

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}

/** Parses what a moderator chose (settings, channel rules): a bad value is theirs to fix. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
): z.output<T> {
  return parseOrThrow(schema, value, (error) => {
    throw new UserError('invalid_input', `Invalid ${what}: ${describeIssues(error)}.`, {
      issues: error.issues,
    });
  });
}

/** Parses what the bot's own code passed (ids, ledger entries): a bad value is a bug. */
export function parseArgument<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
): z.output<T> {
  return parseOrThrow(schema, value, (error) => {
    throw new TypeError(`Invalid ${what}: ${describeIssues(error)}`);
  });
}

function parseOrThrow<T extends z.ZodType>(
  schema: T,
  value: unknown,
  fail: (error: z.ZodError) => never,
): z.output<T> {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fail(parsed.error);
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
