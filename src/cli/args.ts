import { parseArgs } from 'node:util';
import { z } from 'zod';
import { oneInput, SUMMARY_FIELDS, SUMMARY_FLAGS, UsageError } from './shared-flags.ts';

export const USAGE = `Usage: npm run summarize -- <file | - | url> [options]

  <file>             a .txt, .md, .html or .pdf file
  -                  read the text from standard input
  <url>              an http:// or https:// link

Options:
  --length <l>       short | medium | long (default: medium)
  --language <lang>  the summary's language, e.g. fr or German (default: the source's)
  --style <s>        bullets | prose (default: bullets)
  --offline          use the offline extractive engine even when a key is set
  --prompt <p>       pin a prompt version, e.g. summarize@1
  --json             print the Result as JSON on stdout, nothing else
  --extract-only     print the extracted Document instead of summarizing
  -h, --help         show this help`;

export { UsageError } from './shared-flags.ts';

const CliOptionsSchema = z.object({
  input: z.string().min(1),
  ...SUMMARY_FIELDS,
  prompt: z
    .string()
    .regex(/^[a-z][a-z0-9-]*@\d+$/, '--prompt must look like summarize@1')
    .nullable()
    .default(null),
  json: z.boolean().default(false),
  extractOnly: z.boolean().default(false),
});
export type CliOptions = z.infer<typeof CliOptionsSchema>;

/** Parses argv; throws UsageError with a message fit for stderr. Returns null for --help. */
export function parseCliArgs(argv: string[]): CliOptions | null {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  const result = CliOptionsSchema.safeParse({
    input: oneInput(positionals, 'summarize'),
    length: values.length,
    style: values.style,
    language: values.language ?? null,
    prompt: values.prompt ?? null,
    offline: values.offline,
    json: values.json,
    extractOnly: values['extract-only'],
  });
  if (!result.success)
    throw new UsageError(result.error.issues.map((issue) => issue.message).join('\n'));
  return result.data;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      ...SUMMARY_FLAGS,
      prompt: { type: 'string' },
      json: { type: 'boolean' },
      'extract-only': { type: 'boolean' },
    },
  });
}
