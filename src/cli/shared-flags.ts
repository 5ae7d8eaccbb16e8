import { type ParseArgsConfig, parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError } from '../config.ts';
import { describeUserError, isUserError, type NextSteps } from '../shared/errors.ts';
import { LENGTHS, STYLES } from '../shared/schemas.ts';
import { nearestFlag } from './nearest-flag.ts';

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
  // Left unset when not given: the pipeline's one options schema fills the defaults.
  length: z.enum(LENGTHS, { error: `--length must be one of ${LENGTHS.join(', ')}` }).optional(),
  style: z.enum(STYLES, { error: `--style must be one of ${STYLES.join(', ')}` }).optional(),
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

type FlagValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/**
 * Parses argv with node:util's parseArgs, then checks the values with `schema`; throws
 * UsageError with a message fit for stderr. Returns null for --help.
 */
export function parseCommandLine<S extends z.ZodType>(
  argv: string[],
  spec: {
    verb: string;
    flags: NonNullable<ParseArgsConfig['options']>;
    schema: S;
    /** The values the schema checks, from the flags given and the one input. */
    fields(values: FlagValues, input: string): Record<string, unknown>;
  },
): z.output<S> | null {
  let parsed: { values: FlagValues; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: spec.flags });
  } catch (error) {
    throw new UsageError(describeParseError(error, Object.keys(spec.flags)));
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  const result = spec.schema.safeParse({
    input: oneInput(positionals, spec.verb),
    length: values.length,
    style: values.style,
    language: values.language ?? null,
    offline: values.offline,
    ...spec.fields(values, positionals[0] ?? ''),
  });
  if (!result.success) {
    throw new UsageError(result.error.issues.map((issue) => issue.message).join('\n'));
  }
  return result.data;
}

/** node:util's parse errors in the CLI's words, with the flag the user probably meant. */
function describeParseError(error: unknown, flags: string[]): string {
  const { code, message } = error as { code?: string; message: string };
  const option = message.match(/'(-{1,2}[^' ]+)/)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const near = nearestFlag(option.replace(/^-+/, ''), flags);
    return near
      ? `Unknown option ${option}; did you mean --${near}?`
      : `Unknown option ${option}; the options are listed below.`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return `${option} needs a value, e.g. ${option} ${EXAMPLE_VALUES[option.replace(/^-+/, '')] ?? '<value>'}.`;
  }
  return message;
}

const EXAMPLE_VALUES: Record<string, string> = {
  length: 'short',
  language: 'fr',
  style: 'prose',
  prompt: 'summarize@1',
  out: 'reply.html',
  png: 'reply.png',
};

/**
 * What a failed command prints and returns: 2 for a usage or configuration mistake, 1 for a
 * problem with the input (a refused link, an unreadable page, the model failing), 3 for a bug.
 */
export function reportCliError(
  error: unknown,
  stderr: (text: string) => void,
  usage: string,
  nextSteps: NextSteps = {},
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
    stderr(`precis: ${describeUserError(error, nextSteps)}\n`);
    return 1;
  }
  stderr(`precis: unexpected error (a bug): ${(error as Error)?.stack ?? String(error)}\n`);
  return 3;
}
