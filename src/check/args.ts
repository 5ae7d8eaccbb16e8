import { parseArgs } from 'node:util';
import { z } from 'zod';
import { oneInput, UsageError } from '../cli/shared-flags.ts';

export const USAGE = `Usage: npm run check -- <source> <summary-file> [--json]
       npm run check -- --jsonl IN.jsonl --out OUT.jsonl

  <source>           a .txt, .md, .html or .pdf file, - (standard input) or a link,
                     read exactly as \`npm run summarize\` reads it
  <summary-file>     a text file holding the summary to check against the source
  --json             print the check as JSON instead of text
  --jsonl IN.jsonl   check every line {id, doc, summary} (doc is plain text)
  --out OUT.jsonl    where --jsonl writes one line {id, verdict, score, ms, sentences} per input
  -h, --help         show this help`;

const CheckArgsSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('one'),
    source: z.string().min(1),
    summary: z.string().min(1),
    json: z.boolean(),
  }),
  z.object({ mode: z.literal('jsonl'), input: z.string().min(1), output: z.string().min(1) }),
]);
export type CheckArgs = z.infer<typeof CheckArgsSchema>;

/** Parses argv; throws UsageError with a message fit for stderr. Returns null for --help. */
export function parseCheckArgs(argv: string[]): CheckArgs | null {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof FLAGS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: FLAGS });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  if (values.jsonl !== undefined || values.out !== undefined) {
    if (values.jsonl === undefined || values.out === undefined) {
      throw new UsageError('--jsonl and --out go together: give both files.');
    }
    if (positionals.length > 0) {
      throw new UsageError(`--jsonl takes no other input; remove ${positionals.join(' ')}.`);
    }
    return CheckArgsSchema.parse({ mode: 'jsonl', input: values.jsonl, output: values.out });
  }
  if (positionals.length !== 2) {
    const source = oneInput(positionals.slice(0, 1), 'check against');
    throw new UsageError(`Give the summary file to check after the source ${source}.`);
  }
  return CheckArgsSchema.parse({
    mode: 'one',
    source: positionals[0],
    summary: positionals[1],
    json: values.json ?? false,
  });
}

const FLAGS = {
  json: { type: 'boolean' },
  jsonl: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
