import { createHash } from 'node:crypto';
import type { ChatMessage } from '../core/llm/types.ts';

/** The renderer's per-call fence tag; replaced so the same request hashes the same every run. */
const FENCE_TAG = /(<<<UNTRUSTED |UNTRUSTED )[0-9a-f]+(\n|>>>)/g;

export function normalizeFenceTags(text: string): string {
  return text.replace(FENCE_TAG, '$1TAG$2');
}

/**
 * What identifies one model request of an eval case. The system message is left out on
 * purpose: it is the prompt's own template, already named by id@version (its sha8 is stored
 * beside the recording and checked), so a typo fixed in a prompt does not orphan every
 * recording. What the template was filled with (length, language) is in `caseOptions`; the
 * article, the title and any re-ask turns are in the other messages.
 */
export function requestKey(input: {
  messages: readonly ChatMessage[];
  schemaName: string;
  caseOptions: string;
}): string {
  const hash = createHash('sha256');
  hash.update(`schema:${input.schemaName}\noptions:${input.caseOptions}\n`);
  for (const message of input.messages) {
    if (message.role === 'system') continue;
    hash.update(`${message.role}:${normalizeFenceTags(message.content)}\u0000`);
  }
  return hash.digest('hex');
}
