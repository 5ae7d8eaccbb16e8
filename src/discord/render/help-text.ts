import { DEFAULT_MAX_ATTACHMENT_BYTES, LIMITS } from './limits.ts';

const FILE_MB = DEFAULT_MAX_ATTACHMENT_BYTES / 1024 / 1024;

/** "24 hours", "2 days". */
function describeHours(hours: number): string {
  if (hours >= 48 && hours % 24 === 0) return `${hours / 24} days`;
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

/** /help, in one place so a test can hold it to the 2000-character limit. */
export function buildHelpText(textTtlHours: number): string {
  const hours = describeHours(textTtlHours);
  return `**Precis** turns an article into a short summary and key quotes. Every quote is checked word for word against the source and links to the exact passage.

**Use it**
• \`/summarize url:<link>\` (or \`text:\`, or \`file:\` with a .txt, .md, .html or .pdf). Run it with no input to paste long text in a form.
• \`/quotes\` — the same inputs, key quotes only.
• Right-click a message → Apps → **Summarize message** — reads the link, file or text in it (only you see the answer until you press Make public).
• Options: \`length\` (short, medium, long), \`language\` (default: your Discord language), \`style\` (bullets or prose), \`private\`.
• Buttons under a summary: Shorter, Longer, Translate, Key quotes, Make public. On a private reply only you can use them.

**What it stores, and for how long**
• The extracted text of each source and the summaries made from it, in the bot's cache, so the buttons work without fetching again. Article text is deleted after ${hours} (the buttons then ask you to run the command again).
• For auto-summaries (channels moderators set up with \`/setup\`): which message was summarized where, the link, and the article text for ${hours}. Delete your message and its summary, thread and stored text are deleted too.
• The server's settings, and a usage ledger (who asked, tokens, estimated cost, when) for moderators' \`/usage\`. Never the messages around a link.

**Limits**
Public web pages only (no logins, no private addresses). Files up to ${FILE_MB} MB. Pasted text up to ${LIMITS.modalTextInput} characters in the form, ${LIMITS.stringOption} in \`text:\`. Very long sources are summarized in parts. With no model configured, an offline engine picks sentences from the text itself and the footer says "offline engine".`;
}
