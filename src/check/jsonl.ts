import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { checkSummary } from '../core/grounding/index.ts';
import { indexForGrounding } from '../core/grounding/source-index.ts';
import { UserError } from '../shared/errors.ts';
import { toJsonLine } from './result-json.ts';

const LineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  doc: z.string(),
  summary: z.string(),
});

/** Lines longer than this are refused: a measurement line is an article, not a book. */
const MAX_LINE_CHARS = 2_000_000;

/**
 * Checks every line `{id, doc, summary}` of `input` and writes one result line per input line
 * to `output`. Articles repeat across lines (five systems summarize each), so an index is
 * built once per distinct article. Returns how many lines were checked.
 */
export async function checkJsonl(input: string, output: string): Promise<number> {
  const source = createReadStream(input, { encoding: 'utf8' });
  const opened = await Promise.race([
    once(source, 'open').then(() => null),
    once(source, 'error').then(([error]) => error as NodeJS.ErrnoException),
  ]);
  if (opened) {
    const reason = opened.code === 'ENOENT' ? 'no such file' : `cannot read (${opened.code})`;
    throw new UserError('invalid_input', `${input}: ${reason}; give an existing .jsonl file.`);
  }
  const sink = createWriteStream(output);
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  let lastDoc = '';
  let lastIndex = indexForGrounding('');
  let number = 0;
  let checked = 0;
  try {
    for await (const line of lines) {
      number++;
      if (line.trim() === '') continue;
      const row = parseLine(line, input, number);
      const started = performance.now();
      if (row.doc !== lastDoc) {
        lastIndex = indexForGrounding(row.doc);
        lastDoc = row.doc;
      }
      const check = checkSummary(lastIndex, row.summary);
      const ms = performance.now() - started;
      if (!sink.write(`${JSON.stringify(toJsonLine(row.id, check, ms))}\n`)) {
        await once(sink, 'drain');
      }
      checked++;
    }
  } finally {
    sink.end();
    await once(sink, 'finish');
  }
  return checked;
}

function parseLine(line: string, file: string, number: number) {
  const where = `${file} line ${number}`;
  if (line.length > MAX_LINE_CHARS) {
    throw new UserError(
      'invalid_input',
      `${where} is longer than ${MAX_LINE_CHARS} characters; shorten its doc.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new UserError(
      'invalid_input',
      `${where} is not JSON; each line must be one JSON object.`,
    );
  }
  const row = LineSchema.safeParse(value);
  if (!row.success) {
    throw new UserError(
      'invalid_input',
      `${where} needs "id", "doc" and "summary" (doc and summary as strings); fix or remove that line.`,
    );
  }
  return row.data;
}
