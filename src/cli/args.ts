import { z } from 'zod';
import { parseCommandLine, SUMMARY_FIELDS, SUMMARY_FLAGS } from './shared-flags.ts';

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
  return parseCommandLine(argv, {
    verb: 'summarize',
    flags: {
      ...SUMMARY_FLAGS,
      prompt: { type: 'string' },
      json: { type: 'boolean' },
      'extract-only': { type: 'boolean' },
    },
    schema: CliOptionsSchema,
    fields: (values) => ({
      prompt: values.prompt ?? null,
      json: values.json,
      extractOnly: values['extract-only'],
    }),
  });
}
