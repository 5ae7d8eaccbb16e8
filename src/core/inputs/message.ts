import { z } from 'zod';
import { textFragmentLink } from '../quotes/index.ts';
import type { InputProvider } from './provider.ts';
import { textDocument } from './provider.ts';

/** A chat message's own text, with the message's link as its address. */
export const messageInput: InputProvider<'message'> = {
  id: 'message',
  canHandle: (input) => input.kind === 'message',
  load: async (input) => textDocument(input.text, null, input.url ?? null),
  link: (url, passage) => (url ? textFragmentLink(url, passage) : null),
  wire: z.object({ kind: z.literal('message'), text: z.string(), url: z.string() }),
};
