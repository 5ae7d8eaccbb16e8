import { readFile, stat } from 'node:fs/promises';
import { readInput } from '../cli/read-input.ts';
import { UsageError } from '../cli/shared-flags.ts';
import { checkSummary, indexForGroundingAsync } from '../core/grounding/index.ts';
import { loadSource, type SourceLoaders } from '../core/inputs/index.ts';
import { UserError } from '../shared/errors.ts';
import type { CheckArgs } from './args.ts';
import { renderCheckText } from './render.ts';
import { toJsonLine } from './result-json.ts';

/** A summary is a few hundred words; a bigger file is surely the wrong one. */
const MAX_SUMMARY_BYTES = 200_000;

/** Checks one summary file against one source, read as `summarize` reads it. */
export async function checkOne(
  args: Extract<CheckArgs, { mode: 'one' }>,
  loaders: SourceLoaders,
  io: { readStdin: () => Promise<string> },
): Promise<string> {
  const summary = await readSummary(args.summary);
  const source = await loadSource(await readInput(args.source, io), loaders);
  const text = source.document.text;
  const started = performance.now();
  const index = await indexForGroundingAsync(text, () => new Promise((r) => setImmediate(r)));
  const check = checkSummary(index, summary);
  const ms = performance.now() - started;
  if (args.json) return `${JSON.stringify(toJsonLine(args.summary, check, ms), null, 2)}\n`;
  return renderCheckText(check, text, source.document.url);
}

async function readSummary(path: string): Promise<string> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `${path}: no such file; give the path of a text file holding the summary to check.`
        : `${path}: cannot read the summary file (${code ?? 'error'}); check its permissions.`,
    );
  }
  if (size > MAX_SUMMARY_BYTES) {
    throw new UserError(
      'too_large',
      `${path} is ${size} bytes; a summary file must be under ${MAX_SUMMARY_BYTES} bytes of text.`,
    );
  }
  const text = (await readFile(path)).toString('utf8');
  if (text.includes('\u0000')) {
    throw new UserError('not_text', `${path} is not a text file; give the summary as plain text.`);
  }
  if (text.trim() === '') {
    throw new UserError('empty_input', `${path} is empty; write the summary to check in it.`);
  }
  return text;
}
