import type { Attachment } from 'discord.js';
import { UserError } from '../../shared/errors.ts';
import type { SummarizeInput } from '../../shared/schemas.ts';
import type { BotContext } from '../context.ts';
import type { QueuedAttachment } from './job-types.ts';

const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf'] as const;

const DOWNLOAD_TIMEOUT_MS = 20_000;

export function isSupportedFile(name: string): boolean {
  const lower = name.toLowerCase();
  return SUPPORTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** What a worker needs to download an attachment later: Discord's CDN link stays valid. */
export function attachmentInput(
  attachment: Pick<Attachment, 'url' | 'name' | 'size' | 'contentType'>,
): QueuedAttachment {
  return {
    kind: 'attachment',
    url: attachment.url,
    name: attachment.name,
    size: attachment.size,
    contentType: attachment.contentType ?? null,
  };
}

/**
 * Downloads an attachment from Discord's CDN with a size cap that holds even when the declared
 * size lies: the body is read in chunks and abandoned at the cap.
 */
export async function downloadAttachment(
  attachment: Pick<Attachment, 'url' | 'name' | 'size' | 'contentType'>,
  bot: BotContext,
): Promise<SummarizeInput> {
  const { name, size, url } = attachment;
  if (!isSupportedFile(name)) {
    throw new UserError(
      'unsupported_file',
      `Precis reads .txt, .md, .html and .pdf files, not "${name}".`,
    );
  }
  const cap = bot.maxAttachmentBytes;
  if (size > cap) throw tooLarge(name, cap);
  let response: Response;
  try {
    response = await bot.fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch (error) {
    throw new UserError(
      'fetch_failed',
      `Could not download "${name}" from Discord.`,
      {},
      { cause: error },
    );
  }
  if (!response.ok || !response.body) {
    throw new UserError(
      'fetch_failed',
      `Could not download "${name}" from Discord (status ${response.status}).`,
    );
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    // Leaving the loop early cancels the body, so nothing more is downloaded.
    if (total > cap) throw tooLarge(name, cap);
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { kind: 'file', name, bytes, contentType: attachment.contentType ?? null };
}

function tooLarge(name: string, cap: number): UserError {
  const mb = (cap / 1024 / 1024).toFixed(0);
  return new UserError('too_large', `"${name}" is larger than the ${mb} MB Precis reads.`);
}
