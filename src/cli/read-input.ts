import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { looksBinary } from '../core/extract/decode.ts';
import { assertFileReadable } from '../core/extract/limits.ts';
import { isUserError, UserError } from '../shared/errors.ts';
import type { SummarizeInput } from '../shared/schemas.ts';
import { UsageError } from './args.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.pdf': 'application/pdf',
};

/** A command-line input (a file, - for standard input, or a link) as pipeline input. */
export async function readInput(
  input: string,
  io: { readStdin: () => Promise<string> },
): Promise<SummarizeInput> {
  if (input === '-') {
    const text = await io.readStdin();
    if (looksBinary(text)) {
      throw new UserError('not_text', 'standard input is not text: it holds binary data');
    }
    return { kind: 'text', text };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(input) && !/^[a-z]:[\\/]/i.test(input))
    return { kind: 'url', url: input };
  const contentType = CONTENT_TYPES[extname(input).toLowerCase()];
  if (!contentType) {
    throw new UsageError(
      `${input}: unsupported file type; use .txt, .md, .html or .pdf (or - for standard input).`,
    );
  }
  let bytes: Buffer;
  try {
    // Checked before reading: a 50 MB file is refused, not loaded.
    await assertFileReadable(input, basename(input));
    bytes = await readFile(input);
  } catch (error) {
    if (isUserError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT' ? `${input}: no such file` : `${input}: cannot read (${code ?? 'error'})`,
    );
  }
  return { kind: 'file', name: basename(input), bytes: new Uint8Array(bytes), contentType };
}
