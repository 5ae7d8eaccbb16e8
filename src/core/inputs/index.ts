import { z } from 'zod';
import { UserError } from '../../shared/errors.ts';
import type { ArticleDocument, SourceKind, SummarizeInput } from '../../shared/schemas.ts';
import { safeText } from '../extract/safe-text.ts';
import { fileInput } from './file.ts';
import { messageInput } from './message.ts';
import type { InputProvider, SourceLoaders } from './provider.ts';
import { textInput } from './text.ts';
import { urlInput } from './url.ts';

export type { InputProvider, SourceLoaders } from './provider.ts';

/** Every kind of input the pipeline reads, each in a file of its own; the first that can handle an input reads it. */
export const PROVIDERS: readonly InputProvider[] = [
  listed(urlInput),
  listed(textInput),
  listed(fileInput),
  listed(messageInput),
];

/** A provider in the list: it is only ever given inputs its own `canHandle` accepted. */
function listed<K extends SourceKind>(provider: InputProvider<K>): InputProvider {
  return provider as unknown as InputProvider;
}

/** An input that travels as plain JSON: every kind whose provider says how. */
export type WireInput = Exclude<SummarizeInput, { kind: 'file' }>;

/**
 * What a job queue may carry of an input: the union of the providers' own JSON forms, so a new
 * kind of input that is JSON travels through the queue with no other change.
 */
export function wireInputSchema(): z.ZodType<WireInput> {
  const forms = PROVIDERS.flatMap((provider) => (provider.wire ? [provider.wire] : []));
  const [first, ...rest] = forms;
  if (!first) throw new Error('no input provider can travel as JSON');
  return z.union([first, ...rest]) as z.ZodType<WireInput>;
}

/** Below this, there is nothing worth summarizing. */
const MIN_WORDS = 20;

/** The provider for an input. */
export function providerFor(input: SummarizeInput): InputProvider {
  const provider = PROVIDERS.find((candidate) => candidate.canHandle(input));
  if (!provider) throw new UserError('invalid_input', `Precis cannot read a ${input.kind} input.`);
  return provider;
}

/** The provider of a kind of source, for a link into a source read before. */
export function providerOf(kind: SourceKind): InputProvider {
  const provider = PROVIDERS.find((candidate) => candidate.id === kind);
  if (!provider) throw new UserError('invalid_input', `Precis cannot read a ${kind} input.`);
  return provider;
}

/** Turns any input into the text the summary and the quotes will point into. */
export async function loadSource(
  input: SummarizeInput,
  loaders: SourceLoaders,
  signal?: AbortSignal,
): Promise<{ kind: SourceKind; document: ArticleDocument }> {
  const document = await providerFor(input).load(input, loaders, signal);
  const text = normalizeText(document.text);
  const words = countWordsUpTo(text, MIN_WORDS);
  if (words === 0) throw new UserError('empty_input', 'There is no text to summarize.');
  if (words < MIN_WORDS) {
    throw new UserError(
      'empty_input',
      `The text is too short to summarize (${words} words; at least ${MIN_WORDS} are needed).`,
    );
  }
  return {
    kind: input.kind,
    document: { ...document, text, url: withoutCredentials(document.url) },
  };
}

/**
 * The link without `user:pass@`: it is shown in the title and every quote's link, and kept
 * with the cached source, so credentials in what the user pasted must not travel with it.
 */
export function withoutCredentials(url: string | null): string | null {
  if (url === null || !url.includes('@')) return url;
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/**
 * Words in the text, counted up to `limit`: splitting a 1,000,000-character text into words
 * only to learn it has twenty held the event loop for a quarter of a second.
 */
function countWordsUpTo(text: string, limit: number): number {
  const word = /\S+/g;
  let count = 0;
  while (count < limit && word.exec(text) !== null) count++;
  return count;
}

/**
 * Unix newlines, no trailing spaces, at most one blank line between paragraphs, and no
 * control or invisible formatting characters (pasted text too, not only extracted text).
 */
export function normalizeText(text: string): string {
  return safeText(text)
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
