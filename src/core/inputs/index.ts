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
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words === 0) throw new UserError('empty_input', 'There is no text to summarize.');
  if (words < MIN_WORDS) {
    throw new UserError(
      'empty_input',
      `The text is too short to summarize (${words} words; at least ${MIN_WORDS} are needed).`,
    );
  }
  return { kind: input.kind, document: { ...document, text } };
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
