import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { parseCommandLine, SUMMARY_FIELDS, SUMMARY_FLAGS } from '../cli/shared-flags.ts';

/** Outside the checkout, so a preview never shows up as an untracked file in the repository. */
const DEFAULT_OUT = join(tmpdir(), 'precis-preview.html');

export const PREVIEW_USAGE = `Usage: npm run preview -- <file | - | url> [options]

Summarizes like \`npm run summarize\` and writes the bot's reply as Discord would show it.

Options:
  --out <file>       the HTML page to write (default: ${DEFAULT_OUT})
  --png <file>       also take a screenshot with headless Chromium (/usr/bin/chromium)
  --length <l>       short | medium | long (default: medium)
  --language <lang>  the summary's language, e.g. fr or German (default: the source's)
  --style <s>        bullets | prose (default: bullets)
  --offline          use the offline extractive engine even when a key is set
  -h, --help         show this help`;

const PreviewOptionsSchema = z.object({
  input: z.string().min(1),
  out: z.string().min(1, '--out needs a file name').default(DEFAULT_OUT),
  png: z.string().min(1, '--png needs a file name').nullable().default(null),
  ...SUMMARY_FIELDS,
});
export type PreviewOptions = z.infer<typeof PreviewOptionsSchema>;

/** Parses argv; throws UsageError with a message fit for stderr. Returns null for --help. */
export function parsePreviewArgs(argv: string[]): PreviewOptions | null {
  return parseCommandLine(argv, {
    verb: 'preview',
    flags: { out: { type: 'string' }, png: { type: 'string' }, ...SUMMARY_FLAGS },
    schema: PreviewOptionsSchema,
    fields: (values) => ({ out: values.out, png: values.png ?? null }),
  });
}
