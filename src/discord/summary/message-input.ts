import type { Message } from 'discord.js';
import { UserError } from '../../core/errors.ts';
import { attachmentInput, isSupportedFile } from './download-attachment.ts';
import type { QueuedInput } from './job-types.ts';

const LINK = /https?:\/\/[^\s<>()]+/i;

/**
 * What "Summarize message" reads: a link in the message (the article it shares), else a
 * supported attachment, else the message's own text.
 */
export function describeMessage(message: Message): QueuedInput {
  const link = LINK.exec(message.content)?.[0]?.replace(/[.,;:!?'"»”]+$/, '');
  if (link) return { kind: 'url', url: link };
  const file = message.attachments.find((attachment) => isSupportedFile(attachment.name));
  if (file) return attachmentInput(file);
  if (message.content.trim()) return { kind: 'message', text: message.content, url: message.url };
  if (message.attachments.size > 0) {
    throw new UserError(
      'unsupported_file',
      'Precis reads .txt, .md, .html and .pdf attachments; this message has none.',
    );
  }
  throw new UserError('empty_input', 'This message has no text, link or file to summarize.');
}
