import { z } from 'zod';
import { ConfigError } from '../config.ts';
import { describeUserError, isUserError } from '../core/errors.ts';
import { LENGTHS, STYLES } from '../core/schemas.ts';

/** A mistake in how the command was called: exit 2 with the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The flags every command that summarizes shares (summarize, preview), for node:util parseArgs. */
export const SUMMARY_FLAGS = {
  length: { type: 'string' },
  language: { type: 'string' },
  style: { type: 'string' },
  offline: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Their checks, with messages that name the flag. */
export const SUMMARY_FIELDS = {
  length: z
    .enum(LENGTHS, { error: `--length must be one of ${LENGTHS.join(', ')}` })
    .default('medium'),
  style: z
    .enum(STYLES, { error: `--style must be one of ${STYLES.join(', ')}` })
    .default('bullets'),
  language: z.string().trim().min(1, '--language needs a value').nullable().default(null),
  offline: z.boolean().default(false),
};

/** The one input these commands take; `verb` says what it is for ("summarize", "preview"). */
export function oneInput(positionals: string[], verb: string): string {
  if (positionals.length === 0) {
    throw new UsageError(`Give a file, - (standard input) or a link to ${verb}.`);
  }
  if (positionals.length > 1) {
    throw new UsageError(`Give one input, not ${positionals.length}: ${positionals.join(' ')}`);
  }
  return positionals[0] as string;
}

/**
 * What a failed command prints and returns: 2 for a usage or configuration mistake, 1 for a
 * problem with the input (a refused link, an unreadable page, the model failing), 3 for a bug.
 */
export function reportCliError(
  error: unknown,
  stderr: (text: string) => void,
  usage: string,
): number {
  if (error instanceof UsageError) {
    stderr(`${error.message}\n\n${usage}\n`);
    return 2;
  }
  if (error instanceof ConfigError) {
    stderr(`${error.message}\n`);
    return 2;
  }
  if (isUserError(error)) {
    stderr(`precis: ${describeUserError(error)}\n`);
    return 1;
  }
  stderr(`precis: unexpected error (a bug): ${(error as Error)?.stack ?? String(error)}\n`);
  return 3;
}
