import { cleanName } from '../offline/names.ts';

/**
 * A speaker is evidence like a quote: it is shown only when the source names that person.
 * Checked the way a reader would: the name as the source writes it, or its surname.
 */

/** Longer than this is not a name but a sentence (or an injection). */
export const MAX_SPEAKER_CHARS = 80;

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>()]+/gi;
// @everyone, @here, <@123>, <@!123>, <@&123>, <#123>, </cmd:123>, <:emoji:123>, <t:123:R>
const MENTION = /@(?:everyone|here)\b|<(?:@[!&]?|#|\/[^<>:]{1,32}:|a?:\w{1,32}:|t:)\d+(?::\w)?>/giu;
const LETTER = /\p{L}/u;

/** How the offline attributor reads the same quote: its speaker and whether it is named there. */
export interface SourceAttribution {
  start: number;
  end: number;
  speaker: string | null;
  /** The attribution next to the quote names the speaker ("Ushakov said", "said Trump"). */
  named: boolean;
}

/**
 * The speaker cleaned like the summary's text (no mention syntax, one line, bounded; and no
 * link at all, even one the source holds, since a link is never a name) and proven by the
 * source; null when nothing of it is left, or when the source does not name them.
 */
export function verifySpeaker(sourceText: string, raw: string | null): string | null {
  if (raw === null) return null;
  const cleaned = raw
    .replace(MENTION, ' ')
    .replace(URL_PATTERN, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.—–-]+|[\s,;:—–-]+$/gu, '')
    .trim();
  if (cleaned === '' || cleaned.length > MAX_SPEAKER_CHARS || !LETTER.test(cleaned)) return null;
  const written = asWritten(sourceText, cleaned);
  if (written !== null) return written;
  // "Jake Sullivan, national security adviser": the name is the part before a description.
  const head = cleaned.split(/\s*(?:,|\(|\s[–—-]\s)/u)[0]!.trim();
  const parts = cleanName(head);
  if (parts === null) return null;
  const words = parts.name.split(' ');
  const surname = words[words.length - 1]!;
  if (!containsWord(sourceText, surname)) return null;
  // The full name as the source writes it when it does; otherwise the surname it has.
  return asWritten(sourceText, parts.name) ?? surname;
}

/** The phrase as the source writes it (spacing and apostrophes aside), or null. */
function asWritten(sourceText: string, phrase: string): string | null {
  const pattern = phrase
    .split(' ')
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]"))
    .join('\\s+');
  const match = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${pattern}(?![\\p{L}\\p{M}\\p{N}])`, 'u').exec(
    sourceText,
  );
  return match === null ? null : match[0].replace(/\s+/g, ' ');
}

function containsWord(sourceText: string, word: string): boolean {
  return asWritten(sourceText, word) !== null;
}

/**
 * Which speaker a quote gets when the model and the offline attributor both offer one. A name
 * the attribution next to the quote states ("…,” Ushakov said) is read from the text's own
 * structure, so it wins over the model; otherwise the model's speaker, if the source names
 * them, wins over the offline engine's inference (a pronoun or a carried speaker), which is the
 * last resort. A model that obeys an injected instruction can still pick a name the source
 * contains, but not override one the source ties to the quote.
 */
export function chooseSpeaker(
  sourceText: string,
  model: string | null,
  offline: SourceAttribution | undefined,
): { speaker: string | null; unverified: boolean } {
  const fromModel = verifySpeaker(sourceText, model);
  const unverified = model !== null && model.trim() !== '' && fromModel === null;
  const fromOffline = offline ? verifySpeaker(sourceText, offline.speaker) : null;
  if (offline?.named && fromOffline !== null) return { speaker: fromOffline, unverified };
  return { speaker: fromModel ?? fromOffline, unverified };
}
