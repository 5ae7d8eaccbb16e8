import { UserError } from '../../shared/errors.ts';
import type { InputProvider } from './provider.ts';

/** An uploaded file (HTML, PDF, text, Markdown), extracted off the main thread. */
export const fileInput: InputProvider<'file'> = {
  id: 'file',
  canHandle: (input) => input.kind === 'file',
  load(input, loaders, signal) {
    if (!loaders.extractFile) {
      throw new UserError(
        'unsupported_file',
        'Files cannot be read in this setup; paste the text instead.',
      );
    }
    return loaders.extractFile(
      { name: input.name, bytes: input.bytes, contentType: input.contentType ?? null },
      signal,
    );
  },
  // A file has no address to link into.
  link: () => null,
};
