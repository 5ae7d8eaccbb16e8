import {
  cleanName,
  isPersonLike,
  isPossessive,
  NAME_RUN,
  type NameBook,
  nameRuns,
} from './names.ts';
import type { QuoteSpan } from './quote-spans.ts';
import type { Sentence } from './sentences.ts';
import { STOP_WORDS } from './stop-words.ts';

const VERBS = `(?:said|says|say|told|tells|tell|added|adds|warned|warns|remarked|remarks|cautioned|cautions|stated|states|explained|explains|noted|notes|wrote|writes|asked|asks|argued|argues|insisted|insists|declared|declares|claimed|claims|replied|replies|responded|responds|announced|announces|recalled|recalls|stressed|stresses|emphasized|emphasised|admitted|admits|acknowledged|observed|commented|conceded|predicted|promised|continued|tweeted|posted|joked|quipped|urged|vowed|pledged|suggested|complained|concluded|shouted|testified|confirmed|denied|demanded|recounted|wondered)`;
const PRONOUN = '(?:he|she|He|She|they|They)';
const ROLE = String.raw`(?:the|The)\s+((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)`;
const APPOSITIVE = String.raw`(?:,[^,“”"«»]{1,80},\s*)?`;
const ADVERB = String.raw`(?:(?:also|later|then|once|has|have|had|previously)\s+)*`;
const LEAD = String.raw`^[\s,;:—–-]*`;

// “…,” Ushakov said / “…,” she told / “…,” the Russian president added
const SUBJECT_THEN_VERB = new RegExp(
  `${LEAD}(?:(${NAME_RUN})|(${PRONOUN})|${ROLE})\\s*${APPOSITIVE}${ADVERB}${VERBS}\\b`,
  'u',
);
// “…,” said Jake Sullivan
const VERB_THEN_NAME = new RegExp(`${LEAD}${VERBS}\\s+(${NAME_RUN})`, 'u');
const VERB_GLOBAL = new RegExp(`\\b${VERBS}\\b`, 'gu');
const ACCORDING_TO = /\b[Aa]ccording to\s+([^,.;:“”"«»]{1,120})/gu;
const ENDS_WITH_PRONOUN = new RegExp(`(?:^|\\s)(${PRONOUN})$`, 'u');
const ENDS_WITH_ROLE = new RegExp(`(?:^|\\s)${ROLE}$`, 'u');
const ENDS_WITH_NAME = new RegExp(`(?:^|[^\\p{L}\\p{M}.'’-])(${NAME_RUN})$`, 'u');
// A verb this far before a quote introduces something else.
const MAX_VERB_DISTANCE = 160;
// Attributions are short; reading only this much around a quote keeps regexes linear.
const WINDOW = 200;

/** Who spoke, as the text says it: a name, a pronoun to resolve, or a role to look up. */
type Subject = { name: string } | { pronoun: true } | { role: string };

/**
 * Finds who said each quote. The speaker is the subject of the speech verb attached to the
 * quote ("X said", "said X", "X told … that “…”"); failing that, the source named by
 * "according to X" in the same sentence. So in "According to Sullivan, Biden “informed …”" the
 * speaker is Sullivan (Biden does not speak there), but in "According to Ushakov, the Russian
 * president told Trump that “…”" it is Putin. "he"/"she" is the person who last spoke or was
 * last cited before the quote. A quote that opens a sentence with no attribution continues the
 * previous quote of the paragraph. Returns one speaker (or null) per span, in order.
 */
export function attributeQuotes(
  text: string,
  sentences: readonly Sentence[],
  spans: readonly QuoteSpan[],
  book: NameBook,
): Array<string | null> {
  const speakers: Array<string | null> = [];
  let lastPerson: string | null = null;
  let previous: { speaker: string | null; paragraph: number } | null = null;
  let q = 0;
  for (const sentence of sentences) {
    const inside: number[] = [];
    while (q < spans.length && spans[q]!.open < sentence.end) {
      if (spans[q]!.open >= sentence.start) inside.push(q);
      else speakers[q] = null;
      q++;
    }
    const resolve = (subject: Subject | null): string | null => {
      if (subject === null) return null;
      if ('pronoun' in subject) return lastPerson;
      if ('role' in subject) return book.byRoleName(subject.role);
      return subject.name;
    };
    // In order, so that "he" in a later segment can refer to the speaker of an earlier one.
    const found: Array<string | null> = [];
    inside.forEach((k, n) => {
      const span = spans[k]!;
      const before = text.slice(n === 0 ? sentence.start : spans[inside[n - 1]!]!.close, span.open);
      const afterEnd = n + 1 < inside.length ? spans[inside[n + 1]!]!.open : sentence.end;
      const after = text.slice(span.close, afterEnd);
      const speaker = resolve(
        subjectAfter(after, book) ??
          subjectBefore(before, book) ??
          accordingTo(after + before, book),
      );
      if (speaker !== null && isPersonLike(speaker)) lastPerson = speaker;
      found.push(speaker);
    });
    const sentenceSpeaker = found.find((f) => f !== null) ?? null;
    inside.forEach((k, n) => {
      let speaker = found[n] ?? sentenceSpeaker;
      const opensSentence = n === 0 && spans[k]!.open === sentence.start;
      if (speaker === null && opensSentence && previous?.paragraph === sentence.paragraph) {
        speaker = previous.speaker;
      }
      if (speaker !== null && isPersonLike(speaker)) lastPerson = speaker;
      speakers[k] = speaker;
      previous = { speaker, paragraph: sentence.paragraph };
    });
    const cited = citedPerson(sentence.text, book);
    if (cited !== null) lastPerson = cited;
  }
  while (q < spans.length) speakers[q++] = null;
  return speakers;
}

function subjectAfter(fullAfter: string, book: NameBook): Subject | null {
  const after = fullAfter.slice(0, WINDOW);
  const match = SUBJECT_THEN_VERB.exec(after) ?? null;
  if (match !== null) return toSubject(match[1], match[2], match[3], book);
  const named = VERB_THEN_NAME.exec(after);
  return named === null ? null : toSubject(named[1], undefined, undefined, book);
}

function subjectBefore(fullBefore: string, book: NameBook): Subject | null {
  const before = fullBefore.slice(-(MAX_VERB_DISTANCE + WINDOW));
  let last: RegExpExecArray | null = null;
  for (const match of before.matchAll(VERB_GLOBAL)) last = match as RegExpExecArray;
  if (last === null || before.length - last.index > MAX_VERB_DISTANCE) return null;
  return subjectEndingAt(before.slice(0, last.index), book);
}

function subjectEndingAt(lead: string, book: NameBook): Subject | null {
  // Read the subject right before the verb, skipping an appositive: "Nuland, a top US diplomat,".
  const trimmed = lead
    .slice(-WINDOW)
    .replace(/\s+$/u, '')
    .replace(/(?:\s+(?:also|later|then|once|has|have|had|previously))+$/u, '')
    .replace(/,[^,“”"«»]{1,80},$/u, '');
  const pronoun = ENDS_WITH_PRONOUN.exec(trimmed);
  if (pronoun !== null) return toSubject(undefined, pronoun[1], undefined, book);
  const role = ENDS_WITH_ROLE.exec(trimmed);
  if (role !== null) return toSubject(undefined, undefined, role[1], book);
  const name = ENDS_WITH_NAME.exec(trimmed);
  return name === null ? null : toSubject(name[1], undefined, undefined, book);
}

function accordingTo(context: string, book: NameBook): Subject | null {
  for (const match of context.matchAll(ACCORDING_TO)) {
    const name = sourceName(match[1]!, book);
    if (name !== null) return { name };
  }
  return null;
}

/**
 * The named source in an "according to" phrase: the first name that is not a possessive and not
 * an adjective ("US intelligence officials" names no one).
 */
function sourceName(phrase: string, book: NameBook): string | null {
  for (const { run, index } of nameRuns(phrase)) {
    if (isPossessive(run)) continue;
    const next = /^\s*([\p{Ll}]+)/u.exec(phrase.slice(index + run.length))?.[1];
    if (next !== undefined && !STOP_WORDS.has(next)) continue;
    const parts = cleanName(run);
    if (parts !== null) return book.fullName(parts.name);
  }
  return null;
}

function toSubject(
  name: string | undefined,
  pronoun: string | undefined,
  role: string | undefined,
  book: NameBook,
): Subject | null {
  if (pronoun !== undefined) return /^they$/i.test(pronoun) ? null : { pronoun: true };
  if (role !== undefined) return { role };
  if (name === undefined) return null;
  const parts = cleanName(name);
  return parts === null ? null : { name: book.fullName(parts.name) };
}

/**
 * The person a sentence outside the quotes cites ("Sullivan cautioned", "according to
 * Sullivan"): the referent of a later "he said".
 */
function citedPerson(sentenceText: string, book: NameBook): string | null {
  const frame = sentenceText.replace(/[“„«"][^”“»"]*[”“»"]/gu, ' … ');
  let cited: string | null = null;
  for (const match of frame.matchAll(VERB_GLOBAL)) {
    const subject = subjectEndingAt(frame.slice(0, match.index), book);
    if (subject !== null && 'name' in subject && isPersonLike(subject.name)) cited = subject.name;
  }
  const source = accordingTo(frame, book);
  if (source !== null && 'name' in source && isPersonLike(source.name)) cited = source.name;
  return cited;
}
