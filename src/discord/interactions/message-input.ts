import type { Message } from 'discord.js';
import { UserError } from '../../shared/errors.ts';
import { attachmentInput, isSupportedFile } from '../jobs/download-attachment.ts';
import type { QueuedInput } from '../jobs/job-types.ts';

const LINK = /https?:\/\/[^\s<>()]+/i;

/** The message itself, then what it forwards (a forward carries its content in a snapshot). */
function layers(message: Message): Message[] {
  return [message, ...(message.messageSnapshots?.values() ?? [])] as Message[];
}

/** A link card or an RSS bot's post: the embed's own link, else its text. */
function embedText(message: Message): string {
  return message.embeds
    .map((embed) => [embed.title, embed.description].filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n');
}

/**
 * What "Summarize message" reads, in the message and then in what it forwards: a link in the
 * text (the article it shares), else a link an embed points to, else a supported attachment,
 * else the text itself, else the embeds' text.
 */
export function describeMessage(message: Message): QueuedInput {
  const all = layers(message);
  for (const layer of all) {
    const link = LINK.exec(layer.content)?.[0]?.replace(/[.,;:!?'"»”]+$/, '');
    if (link) return { kind: 'url', url: link };
  }
  for (const layer of all) {
    const link = layer.embeds.find((embed) => embed.url && LINK.test(embed.url))?.url;
    if (link) return { kind: 'url', url: link };
  }
  for (const layer of all) {
    const file = layer.attachments.find((attachment) => isSupportedFile(attachment.name));
    if (file) return attachmentInput(file);
  }
  for (const layer of all) {
    const text = layer.content.trim() ? layer.content : embedText(layer);
    if (text.trim()) return { kind: 'message', text, url: message.url };
  }
  if (all.some((layer) => layer.attachments.size > 0)) {
    throw new UserError(
      'unsupported_file',
      'Precis reads .txt, .md, .html and .pdf attachments; this message has none.',
    );
  }
  throw new UserError('empty_input', 'This message has no text, link or file to summarize.');
}
