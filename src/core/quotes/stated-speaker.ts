import { cleanName, isPersonLike } from '../offline/names.ts';

/**
 * The speaker the source states right beside a quote, in the same sentence: `…,” Ushakov
 * said.`, `…, Kremlin aide Yuri Ushakov said.` after it, or `Ushakov said: “…` before it.
 * Read from the text itself, so it outranks a speaker the model gives (see chooseSpeaker).
 */

const NAME = String.raw`((?:\p{Lu}[\p{L}\p{M}'’-]+[ \t]+){0,2}\p{Lu}[\p{L}\p{M}'’-]+)`;
const VERB = '(?:said|says|added|adds|told|wrote|stated|explained|noted|insisted|replied)';
/** Closing marks and punctuation, then at most a short clause of the same sentence. */
const AFTER = new RegExp(
  String.raw`^[\s"“”'’»«,;:—–-]{0,4}[^.!?\n"“”«»]{0,60}?(?<![\p{L}\p{M}'’-])${NAME}[ \t]+${VERB}\b`,
  'u',
);
/** A sentence of its own right after the quote: `… businesslike. Ushakov said.` */
const NEXT_SENTENCE = new RegExp(
  String.raw`^[\s"“”'’»]*[.!?][\s"“”'’»]*${NAME}[ 	]+${VERB}[ 	]*\.`,
  'u',
);
/** The end of the previous sentence (or the text's start), the name and verb, then the quote. */
const BEFORE = new RegExp(
  String.raw`(?:^|[.!?\n][\s"“”'’»]*)${NAME}[ \t]+${VERB}[\s:,.]*["“„«]?\s*$`,
  'u',
);
const REACH = 120;

export function statedSpeaker(text: string, start: number, end: number): string | null {
  const following = text.slice(end, end + REACH);
  const after = (AFTER.exec(following) ?? NEXT_SENTENCE.exec(following))?.[1];
  const before = BEFORE.exec(text.slice(Math.max(0, start - REACH), start))?.[1];
  return person(after) ?? person(before);
}

/** The run as a person's name, without a title ("Mayor Ana Ruiz" is Ana Ruiz), or null. */
function person(run: string | undefined): string | null {
  const name = run === undefined ? null : cleanName(run)?.name;
  return name && isPersonLike(name) ? name : null;
}
