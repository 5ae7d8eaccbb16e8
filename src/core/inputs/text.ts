import { z } from 'zod';
import type { InputProvider } from './provider.ts';
import { textDocument } from './provider.ts';

/** Pasted text: already what the summary points into. */
export const textInput: InputProvider<'text'> = {
  id: 'text',
  canHandle: (input) => input.kind === 'text',
  load: async (input) => textDocument(input.text, input.title ?? null, null),
  link: () => null,
  wire: z.object({ kind: z.literal('text'), text: z.string(), title: z.string().nullable() }),
};
