import type { OutputSchemaName } from './output-schemas.ts';

/**
 * The pipeline's steps that call a prompt: the schema each parses the answer with, and the
 * variables each fills. A prompt file for a step is checked against this when prompts load,
 * so a release that names another schema or a variable nobody fills fails at start, not on
 * the first job.
 */
export const PROMPT_STEPS = {
  summarize: {
    output: 'SummaryOutput',
    supplies: ['article', 'title', 'length', 'language', 'style', 'quoteCount', 'pageKind'],
  },
  map: {
    output: 'MapOutput',
    supplies: ['part', 'partNumber', 'partCount', 'title'],
  },
} as const satisfies Record<string, { output: OutputSchemaName; supplies: readonly string[] }>;

/** What is wrong with a prompt for the step its id names, or null when it fits (or is no step's). */
export function stepMismatch(prompt: {
  id: string;
  output: string;
  input: Record<string, unknown>;
}): string | null {
  if (!Object.hasOwn(PROMPT_STEPS, prompt.id)) return null;
  const step = PROMPT_STEPS[prompt.id as keyof typeof PROMPT_STEPS];
  if (prompt.output !== step.output) {
    return `the ${prompt.id} step parses answers as ${step.output}, not ${prompt.output}`;
  }
  const supplied: readonly string[] = step.supplies;
  const missing = Object.keys(prompt.input).filter((name) => !supplied.includes(name));
  if (missing.length > 0) {
    return `declares variables the ${prompt.id} step does not fill: ${missing.join(', ')} (it fills ${supplied.join(', ')})`;
  }
  return null;
}
