import { z } from 'zod';
import { UserError } from './errors.ts';
import { type ResolvedOptions, SummarizeOptionsSchema } from './schemas.ts';

/**
 * Every choice a summary job carries: what the pipeline reads, plus whether only the asker
 * sees the answer. Its defaults are the pipeline's own schema's: one place says 'medium'.
 */
export const JobOptionsSchema = SummarizeOptionsSchema.pick({
  length: true,
  style: true,
  language: true,
  quotesOnly: true,
}).extend({
  ephemeral: z.boolean().default(false),
});
export type JobOptions = z.output<typeof JobOptionsSchema>;

/** Choices as someone made them: a key that is present was given, a missing one was not. */
export type ChosenOptions = Partial<JobOptions>;

/** The option names a user can choose; `private` is how Discord names `ephemeral`. */
export const OPTION_NAMES = {
  length: 'length',
  style: 'style',
  language: 'language',
  private: 'ephemeral',
} as const;
export type OptionName = keyof typeof OPTION_NAMES;

/**
 * The one place a job's options are decided: the first layer holding a key wins (the user's
 * choices, then the server's defaults, then what the client says, such as its language), and
 * the schema fills the rest. The result travels unchanged to the prompt.
 */
export function resolveJobOptions(...layers: ChosenOptions[]): JobOptions {
  return parseOptions(JobOptionsSchema, mergeLayers(layers));
}

/** The same rule for the pipeline's own options (the CLI, evals, benchmarks call it with these). */
export function resolveSummarizeOptions(
  ...layers: z.input<typeof SummarizeOptionsSchema>[]
): z.output<typeof SummarizeOptionsSchema> {
  return parseOptions(SummarizeOptionsSchema, mergeLayers(layers));
}

/**
 * Options whose every choice is decided: resolved once, by the bot (resolveJobOptions) or a
 * caller, they go on as they are. A prompt pin may be absent (the highest active version), and
 * the engine left to the pipeline.
 */
export type DecidedOptions = Omit<ResolvedOptions, 'prompt'> & { prompt?: string | null };

export function isResolved(
  options: z.input<typeof SummarizeOptionsSchema>,
): options is DecidedOptions {
  return DECIDED_KEYS.every((key) => options[key] !== undefined);
}

const DECIDED_KEYS = ['length', 'language', 'style', 'quotesOnly'] as const;

function mergeLayers(layers: object[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
      if (value !== undefined && !(key in merged)) merged[key] = value;
    }
  }
  return merged;
}

function parseOptions<S extends z.ZodType>(schema: S, value: Record<string, unknown>): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new UserError('invalid_input', `Invalid options: ${problems.join('; ')}.`);
  }
  return parsed.data;
}
