import type { z } from 'zod';
import { UserError } from '../../shared/errors.ts';

/** At most this many issue lines go back to the model: enough to fix, short enough to re-ask. */
const MAX_ISSUES = 20;

/**
 * The model answered, but not in the expected shape. `raw` and `issues` let the caller's one
 * re-ask send the model its own answer and what is wrong with it.
 */
export class InvalidOutputError extends UserError {
  constructor(
    readonly raw: string,
    readonly issues: string[],
    options?: { cause?: unknown },
  ) {
    super(
      'invalid_output',
      "the model's answer was not in the expected shape",
      { issues },
      options,
    );
  }
}

interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** Readable lines like "quotes.0.text: Invalid input: expected string, received number". */
export function formatIssues(error: { readonly issues: readonly IssueLike[] }): string[] {
  const lines = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - lines.length;
  return more > 0 ? [...lines, `(${more} more issues)`] : lines;
}

/** Local models often wrap JSON in a markdown fence even in JSON mode. */
function stripCodeFence(text: string): string {
  const match = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/i.exec(text);
  return match?.[1] ?? text;
}

/** Parses the model's text as JSON and validates it; throws InvalidOutputError otherwise. */
export function validateAnswer<T>(schema: z.ZodType<T>, raw: string): T {
  let json: unknown;
  try {
    json = JSON.parse(stripCodeFence(raw));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidOutputError(raw, [`the answer is not valid JSON (${reason})`], {
      cause: error,
    });
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new InvalidOutputError(raw, formatIssues(result.error), { cause: result.error });
  }
  return result.data;
}
