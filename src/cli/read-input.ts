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
    // `cat notes.md | npm run summarize -- -` keeps its title and loses its ** and #.
    if (looksLikeMarkdown(text)) {
      return {
        kind: 'file',
        name: 'stdin.md',
        bytes: new TextEncoder().encode(text),
        contentType: 'text/markdown',
      };
    }
    return { kind: 'text', text };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(input) && !/^[a-z]:[\\/]/i.test(input))
    return { kind: 'url', url: input };
  const contentType = CONTENT_TYPES[extname(input).toLowerCase()];
  // `example.com/article`, as copied from an address bar that hides the scheme.
  if (!contentType && looksLikeHost(input)) return { kind: 'url', url: `https://${input}` };
  if (!contentType) {
    throw new UsageError(
      `${input}: unsupported file type; pass a .txt, .md, .html or .pdf file, - for standard input, or a link starting with https://.`,
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
      code === 'ENOENT'
        ? `${input}: no such file${looksLikeHost(input) && input.includes('/') ? '; if it is a link, write it with https:// in front' : ''}.`
        : `${input}: cannot read the file (${code ?? 'error'}); check its permissions.`,
    );
  }
  return { kind: 'file', name: basename(input), bytes: new Uint8Array(bytes), contentType };
}

/** A host name first (letters, a dot, a top-level domain of letters), then an optional path. */
function looksLikeHost(input: string): boolean {
  return /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#]|$)/i.test(input);
}

/** A heading, bold text or a link in Markdown's syntax, near the top where a reader looks. */
function looksLikeMarkdown(text: string): boolean {
  const head = text.slice(0, 20_000);
  return (
    /^---\n[\s\S]*?\n---\n/.test(head) ||
    /^#{1,6}\s+\S/m.test(head) ||
    /\*\*[^*\n]{1,200}\*\*|\[[^\]\n]{1,200}\]\(https?:\/\/[^)\s]{1,2000}\)/.test(head)
  );
}
