import { z } from 'zod';
import { UserError } from '../../shared/errors.ts';
import { textFragmentLink } from '../quotes/index.ts';
import type { InputProvider } from './provider.ts';

/** A link: fetched through the guarded fetch and extracted. */
export const urlInput: InputProvider<'url'> = {
  id: 'url',
  canHandle: (input) => input.kind === 'url',
  load(input, loaders, signal) {
    if (!loaders.loadUrl) {
      throw new UserError(
        'invalid_input',
        'Links cannot be read in this setup; paste the text instead.',
      );
    }
    return loaders.loadUrl(input.url, signal);
  },
  // The page scrolls to the passage (a text fragment).
  link: (url, passage) => (url ? textFragmentLink(url, passage) : null),
  wire: z.object({ kind: z.literal('url'), url: z.string() }),
};
