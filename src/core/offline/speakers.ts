import { isPersonLike, isPossessive, NAME_RUN, type NameBook, nameRuns } from './names.ts';
import type { QuoteSpan } from './quote-spans.ts';
import type { Sentence } from './sentences.ts';
import { FRENCH_PARTICIPLES, GERMAN_PARTICLES, SPEECH_VERB, speechVerbs } from './speech-verbs.ts';

/** Who said a quote. `named`: the attribution next to the quote names them outright. */
export interface Attribution {
  speaker: string;
  named: boolean;
}

type Gender = 'm' | 'f' | null;
/** Who spoke, as the text says it: a name, a pronoun (or no subject) to resolve, or a role. */
type Subject = { name: string } | { pronoun: Gender } | { role: string; possessor?: string };

const PRONOUNS: Record<string, Gender> = {
  he: 'm',
  she: 'f',
  il: 'm',
  elle: 'f',
  er: 'm',
  sie: 'f',
  él: 'm',
  ella: 'f',
};
const PRONOUN = '(?:[Hh]e|[Ss]he|[Ii]l|[Ee]lle|[Ee]r|[Ss]ie|[Éé]l|[Ee]lla)';
const PLURAL = /^(?:they|ils|elles|ellos|ellas|we|nous|wir)$/i;
const VERB = new RegExp(`(?<![\\p{L}-])${SPEECH_VERB}(?![\\p{L}])`, 'u');
const LEAD = String.raw`^[\s,;:—–-]*`;
// A clause runs to the end of its sentence; the period of an initial or a title is not one.
const CLAUSE = String.raw`(?:[^.!?;“”"«»„‹›]|(?<=(?:^|[^\p{L}])(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof|Sens|Reps))\.)`;
// “…,” Trump said / “…” Trump said to cheers / “…,” Rep. Emanuel Cleaver II (D-Mo.) said
const PHRASE_THEN_VERB = new RegExp(
  `${LEAD}(${CLAUSE}{0,110}?)\\s(${SPEECH_VERB})(?![\\p{L}])`,
  'u',
);
// “…,” said Jake Sullivan / dijo la ministra de Trabajo, Lucía Fernández / so Anna Vogt
const VERB_THEN_PHRASE = new RegExp(`${LEAD}(?:${SPEECH_VERB}|so)\\s+(${CLAUSE}{1,110})`, 'u');
// a-t-il ajouté / explique-t-elle / dit-il
const FRENCH_INVERTED = /^[\s,;:—–-]*(?:a-t-(il|elle)\s+(\p{L}+)|(\p{L}+)(?:-t)?-(il|elle)\b)/u;
// fügte er hinzu / betonte sie / aseguró él
const PRONOUN_AFTER_VERB = new RegExp(
  `${LEAD}${SPEECH_VERB}\\s+(${PRONOUN})(?:\\s+${GERMAN_PARTICLES})?(?![\\p{L}])`,
  'u',
);
// «…», aseguró. — Spanish and Italian drop the subject.
const BARE_VERB = new RegExp(`${LEAD}${SPEECH_VERB}\\s*(?:[.;]|$)`, 'u');
const ACCORDING_TO =
  /(?:^|[^\p{L}])(?:[Aa]ccording to|[Ss]elon|[Ss]egún|[Ll]aut|[Dd]['’]après|[Nn]ach (?:Ansicht|Angaben|Auffassung|Einschätzung|Meinung|(?:den )?Worten) (?:von|des|der))\s+([^,.;:“”"«»„]{1,120})/gu;
// "…, so Rice." / "so der Schriftsteller Musa Okwanga in einem Blog": German attribution by "so".
const SO_SOURCE = /,\s+so\s+([^,.;:“”"«»„]{1,120})/gu;
const APPOSED_AFTER = new RegExp(`^,\\s*(${NAME_RUN})\\s*(?:[,(.;]|$)`, 'u');
const ZUFOLGE = new RegExp(`(${NAME_RUN})\\s+zufolge`, 'u');
const ADVERB_END =
  /(?:also|later|then|once|has|have|had|previously|further|earlier|will|would|weiter|aussi|encore|también|además)$/u;
const ADVERBS =
  /(?:\s+(?:also|later|then|once|has|have|had|previously|further|earlier|had|will|would|would later|weiter|aussi|encore|también|además))+$/u;
const PREPOSITIONS = new Set(
  `de del des du in on at to from for during after before with by about into over under via than as while
  en dans à au aux sur pour avec par chez lors im am an auf mit bei nach vor zu zum zur von vom
  über für gegen gegenüber durch ohne um seit aus unter con por para sobre durante tras ante desde
  hacia entre`.split(/\s+/),
);
// Words that may follow a name in an attribution ("said Trump in a statement", "Trump, who").
const FOLLOWS_NAME = new Set(
  `in on at to from for during after before with by about and or but who which that as than while
  when of en dans à au sur pour avec par et qui que im am auf mit bei und der die das con por para
  y que quien en`.split(/\s+/),
);
// A name after these is in a clause about the subject, not the subject ("the boy, who wore …").
const RELATIVES = new Set(['who', 'which', 'that', 'whose', 'whom', 'qui', 'quien']);
const OFFICES =
  'campaign|office|team|spokesman|spokeswoman|spokesperson|camp|aides?|staff|lawyers?|attorneys?';
// "said Trump: “", "a déclaré Étienne Marchand : «": the name sits right before the quote.
const REST_MAX = 25;
// "sagte der SPD-Vorsitzende Sigmar Gabriel: „": German names its subject after the verb.
const GERMAN_REST_MAX = 80;
const WIE_CLAUSE = /(?:^|,\s*)[Ww]ie\s+(.+)$/u;
// What follows a clause's subject: a verb, perhaps after an adverb ("Cruz openly admitted").
const VERB_AFTER =
  /^\s+(?:\p{Ll}+ly\s+)?(?:\p{Ll}+ed|\p{Ll}+s|did|does|was|is|has|had|will|would|could|can|may|might|must|should)\s/u;
// German: a subject is followed by its finite verb, a lower-case word that is no particle.
const GERMAN_VERB_AFTER =
  /^\s+(?!(?:und|oder|von|vom|der|die|das|des|den|dem|zu|zur|zum|in|im|am|an|auf|aus|bei|mit|für|und)\s)\p{Ll}+\s/u;
const PLACE_BEFORE_ING = new RegExp(
  `(?:^|\\s)(?:on|in|at|to|from|via|into|onto|over|across|through)\\s+(?:${NAME_RUN})\\s*$`,
  'u',
);
const POSSESSIVE_ROLE = new RegExp(
  `(?:^|\\s)(${NAME_RUN})['’]s\\s+(?:\\p{Ll}[\\p{Ll}-]*\\s+){0,3}(?:strategist|adviser|advisor|aide|spokesman|spokeswoman|spokesperson|manager|lawyer|attorney|press secretary|secretary|chief of staff|director|chairman|chairwoman|surrogate|deputy)$`,
  'u',
);
const SUBORDINATE =
  /^\s*(?:when|while|after|before|because|since|although|though|if|until|as|where)\s/iu;
const SUBJECT_CHARS = 240;
const MAX_VERBS_PER_SENTENCE = 12;
const OFFICE_OF = new RegExp(`(${NAME_RUN})['’]s\\s+(?:${OFFICES})$`, 'u');
const LEADING_NAME = new RegExp(`^(${NAME_RUN})\\s*,`, 'u');
const WHOLE_NAME = new RegExp(`^(?:${NAME_RUN})$`, 'u');
const WHOLE_PRONOUN = new RegExp(`^(?:${PRONOUN}|they)$`, 'u');
// "Michael Brown of Washington", "Theo Kitz vom Bankhaus Merck Finck", "Lorena Quiroga, de …".
const NAME_OF_PLACE = new RegExp(
  `(${NAME_RUN})\\s+(?:of|from|von|vom|bei|beim|aus|de|del)\\s+(?:${NAME_RUN})$`,
  'u',
);
const NAME_BEFORE_BRACKET = new RegExp(`(${NAME_RUN})\\s*\\(\\s*$`, 'u');
const ENDS_WITH_PRONOUN = new RegExp(`(?:^|\\s)(${PRONOUN}|they|They)$`, 'u');
const ENDS_WITH_NAME = new RegExp(`(?:^|[^\\p{L}\\p{M}.'’-])(${NAME_RUN})$`, 'u');
const STARTS_WITH_PRONOUN = new RegExp(`^\\s*(${PRONOUN})(?![\\p{L}])`, 'u');
// "However, he characterized Tim Kaine as": an opening adverb and its comma come before it.
const CLAUSE_PRONOUN = new RegExp(`^[^\\p{L}]*(?:\\p{L}+,?\\s+){0,3}?(${PRONOUN})\\s`, 'u');
const ARTICLES = /^(?:the|le|la|les|l['’]|el|los|las|der|die|das|den|dem)\s+/iu;
// Attributions are short; reading only this much around a quote keeps regexes linear.
const WINDOW = 200;
// A verb this far before a quote introduces something else.
const MAX_VERB_DISTANCE = 160;

interface Found {
  subject: Subject;
  /** The subject was read from the attribution, not inherited. */
  direct: boolean;
}

/**
 * Finds who said each quote, one attribution (or null) per span, in order.
 *
 * 1. The attribution next to the quote: right after it ("X said", "said X", "a-t-il ajouté",
 *    "sagte sie", "so X", Spanish "aseguró" with no subject), reading past the end of the
 *    sentence (“…Katy.” Trump said to cheers.), else before it in its sentence ("X told …
 *    that “", "…, saying “", "X: “"), else "according to"/"selon"/"según"/"laut" X.
 * 2. A quote with none continues the paragraph's speaker (an earlier quote, or a person a
 *    speech verb cites: "berichtet Keller. »…«"), and a paragraph that opens with a quote and
 *    names no one continues the previous paragraph's.
 * "he"/"she" (and a missing subject) is the subject of the previous sentence, the last speaker
 * or a person named recently, the first of those whose gender fits. An institution is a speaker
 * only where a verb makes it one ("the Kremlin said"), never the referent of a pronoun.
 */
export function attributeQuotes(
  text: string,
  sentences: readonly Sentence[],
  spans: readonly QuoteSpan[],
  book: NameBook,
): Array<Attribution | null> {
  const result: Array<Attribution | null> = spans.map(() => null);
  const people = new PeopleSeen(book);
  let previousParagraph = null as { index: number; speaker: string | null } | null;
  let q = 0;
  let s = 0;
  while (s < sentences.length) {
    const paragraph = sentences[s]!.paragraph;
    const first = s;
    while (s < sentences.length && sentences[s]!.paragraph === paragraph) s++;
    const inParagraph = sentences.slice(first, s);
    const paragraphEnd = inParagraph[inParagraph.length - 1]!.end;

    const inside: number[] = [];
    while (q < spans.length && spans[q]!.open < paragraphEnd) {
      if (spans[q]!.open >= inParagraph[0]!.start) inside.push(q);
      q++;
    }
    // Who spoke where in this paragraph: quotes' speakers and people a speech verb cites.
    const voices: Array<{ at: number; speaker: string }> = [];
    const direct = new Map<number, Attribution>();
    // A quote that is a sentence of its own, unattributed, and the person the next sentence
    // names: "« On a pris nos papiers. » Marie-Claude Dufau a passé la nuit au gymnase."
    const following = new Map<number, string>();
    let bare: number[] = [];
    const paragraphFrames: string[] = [];
    let n = 0;
    for (const sentence of inParagraph) {
      const here: number[] = [];
      while (n < inside.length && spans[inside[n]!]!.open < sentence.end) here.push(inside[n++]!);
      const frame = frameOf(
        sentence,
        here.map((k) => spans[k]!),
      );
      paragraphFrames.push(frame);
      const named = bare.length > 0 ? people.firstNamed(frame) : null;
      if (named !== null) for (const k of bare) following.set(k, named);
      bare = [];
      here.forEach((k, i) => {
        const span = spans[k]!;
        const previousClose = i > 0 ? spans[here[i - 1]!]!.close : sentence.start;
        const nextOpen = k + 1 < spans.length ? spans[k + 1]!.open : text.length;
        const before = text.slice(Math.max(previousClose, sentence.start), span.open);
        const after = text.slice(span.close, Math.min(nextOpen, paragraphEnd, span.close + WINDOW));
        // A quote that ends its sentence reads its own sentence first: the next one may be
        // someone else's (“…” Tom Baker praised it as …), unless it only attributes (“…” Trump said).
        const endsSentence = span.close >= sentence.end - 1;
        const found = endsSentence
          ? (subjectBefore(before, book, people, true) ??
            subjectAfter(after, book, text.slice(span.close, span.close + 80)) ??
            subjectBefore(before, book, people) ??
            accordingTo(frame, book))
          : (statedBefore(
              subjectAfter(after, book, text.slice(span.close, span.close + 80)),
              before,
              book,
              people,
            ) ??
            subjectBefore(before, book, people) ??
            accordingTo(frame, book));
        if (found === null) {
          // “…” followed, in the same sentence, by a statement about a person: theirs.
          const whole =
            span.open <= sentence.start && /[.!?…]$/u.test(text.slice(span.start, span.end));
          const next = whole ? people.firstNamed(text.slice(span.close, sentence.end)) : null;
          if (next !== null) following.set(k, next);
          return;
        }
        if ('pronoun' in found.subject) {
          people.citedEarlier(frame.slice(0, span.open - sentence.start));
        }
        const speaker = people.resolve(found.subject, span.open);
        people.citedEarlier('');
        if (speaker === null) return;
        const named = found.direct && 'name' in found.subject;
        direct.set(k, { speaker, named });
        voices.push({ at: span.open, speaker });
        people.spoke(speaker);
      });
      if (here.length > 0 && /^[\s\p{P}]*$/u.test(frame)) bare = here.filter((k) => !direct.has(k));
      const cited = people.citedIn(frame);
      const lastCited = cited[cited.length - 1];
      // A quote of this sentence attributed by name speaks for it: the sentence's "she said"
      // is that person, not a fresh guess at whom "she" means.
      const namedHere = here.some((k) => direct.get(k)?.named === true);
      if (lastCited !== undefined && !namedHere) {
        voices.push({ at: sentence.end, speaker: lastCited });
      }
      people.sentenceDone(frame, cited);
    }
    voices.sort((a, b) => a.at - b.at);

    const opensWithQuote = inside.length > 0 && spans[inside[0]!]!.open === inParagraph[0]!.start;
    const adjacent = previousParagraph?.index === paragraph - 1 ? previousParagraph.speaker : null;
    // A quote its own paragraph does not attribute continues the speaker of the one before
    // ("Künast sagte, … ⏎ Es drohe „…“"), as a quote that opens a paragraph does.
    const inherited: string | null = opensWithQuote && direct.size === 0 ? adjacent : null;
    // Not into a paragraph that names someone else: the quote may be theirs.
    const carried: string | null =
      adjacent !== null && !people.namesOtherThan(paragraphFrames.join(' '), adjacent)
        ? adjacent
        : null;
    for (const k of inside) {
      const own = direct.get(k);
      if (own !== undefined) {
        result[k] = own;
        continue;
      }
      const at = spans[k]!.open;
      const earlier = voices.filter((v) => v.at < at).pop();
      const later = voices.find((v) => v.at > at);
      // German news, one sentence a paragraph, quotes the person the sentences before are
      // about without naming them again ("…, will Oettinger straffen. ⏎ „Nicht jede Formel …“").
      const about = book.isGerman ? people.lastSubject() : null;
      const speaker =
        earlier?.speaker ?? following.get(k) ?? inherited ?? later?.speaker ?? carried ?? about;
      if (speaker !== null) result[k] = { speaker, named: false };
    }
    const last: string | null =
      voices[voices.length - 1]?.speaker ??
      inherited ??
      // German news writes one sentence a paragraph: the speaker runs on through sentences that
      // name no one. Elsewhere only a paragraph with quotes passes its carried speaker on.
      (book.isGerman || inside.length > 0 ? carried : null);
    previousParagraph = { index: paragraph, speaker: last ?? null };
    if (last != null) people.spoke(last);
  }
  return result;
}

/** The sentence with its quotations blanked out, offsets kept: what the reporter says. */
function frameOf(sentence: Sentence, spans: readonly QuoteSpan[]): string {
  let frame = sentence.text;
  for (const span of spans) {
    if (span.close <= sentence.start || span.open >= sentence.end) continue;
    const from = Math.max(span.open, sentence.start) - sentence.start;
    const to = Math.min(span.close, sentence.end) - sentence.start;
    frame = frame.slice(0, from) + ' '.repeat(to - from) + frame.slice(to);
  }
  return frame;
}

// “…” ― Beck Pimentel: a reader's comment or an epigraph signed with a dash.
// The signature sits on the quote's line or the next one, never after a blank line, and a
// hyphen that opens a line is a Markdown list item ("- Construction, from May"), not a dash.
const SIGNED = new RegExp(
  `^[^\\S\\n,.]*[,.]*[^\\S\\n]*(\\n[^\\S\\n]*)?([―—–-])[^\\S\\n]*(${NAME_RUN})[^\\S\\n]*(?:$|[\\n,.;(])`,
  'u',
);

function signature(text: string): string | null {
  const signed = SIGNED.exec(text);
  if (signed === null || (signed[1] !== undefined && signed[2] === '-')) return null;
  return signed[3]!;
}

function subjectAfter(after: string, book: NameBook, nextLines = ''): Found | null {
  const signed = signature(after) ?? (after.trim() === '' ? signature(nextLines) : null);
  if (signed !== null) {
    const parts = book.clean(signed);
    if (parts !== null) return { subject: { name: book.fullName(parts.name) }, direct: true };
  }
  const french = FRENCH_INVERTED.exec(after);
  if (french !== null) {
    const verb = (french[2] ?? french[3] ?? '').toLowerCase();
    const pronoun = (french[1] ?? french[4])!;
    if (FRENCH_PARTICIPLES.has(verb) || VERB.test(verb)) {
      return { subject: { pronoun: PRONOUNS[pronoun]! }, direct: true };
    }
  }
  const pronounAfter = PRONOUN_AFTER_VERB.exec(after);
  if (pronounAfter !== null) {
    return { subject: { pronoun: PRONOUNS[pronounAfter[1]!.toLowerCase()] ?? null }, direct: true };
  }
  const phrase = PHRASE_THEN_VERB.exec(after);
  // “…,” when Clinton blasted him: a clause that opens with a conjunction is about something else.
  if (phrase !== null && !SUBORDINATE.test(phrase[1]!)) {
    const subject = subjectEndingPhrase(phrase[1]!, book, true);
    if (subject !== null) return { subject, direct: true };
  }
  const inverted = VERB_THEN_PHRASE.exec(after);
  if (inverted !== null) {
    const subject = subjectStartingPhrase(inverted[1]!, book);
    if (subject !== null) return { subject, direct: true };
  }
  if (book.isGerman) {
    const german = germanSubjectAfter(after, book);
    if (german !== null) return { subject: german, direct: true };
  }
  if (BARE_VERB.test(after)) return { subject: { pronoun: null }, direct: true };
  return null;
}

// "„…“, hieß es vom Abgeordneten Viktor Oserow": the source after an impersonal "hieß es".
const HIESS_ES = /^[\s,]*hieß es\s+(?:von|vom|seitens|aus|bei|beim)\s+([^.;:!?“”"«»„]{1,120})/u;
// "„…“, zeigte sich Milovan Rajevac zufrieden": German puts the subject right after the verb
// that follows a quote, whatever the verb.
const GERMAN_VERB_AFTER_QUOTE = /^\s*,\s*(\p{Ll}+)(?:\s+sich)?\s+(\S.{0,120})/u;
const NOT_GERMAN_VERB = new Set(
  `der die das den dem des ein eine einen einem einer wie wo was wer dass und oder aber sondern
  denn weil wenn als ob so es doch nur auch noch um`.split(/\s+/),
);

function germanSubjectAfter(after: string, book: NameBook): Subject | null {
  const hiess = HIESS_ES.exec(after);
  if (hiess !== null) {
    let found: string | null = null;
    for (const { run } of nameRuns(hiess[1]!)) {
      const parts = book.clean(run);
      if (parts !== null && isPersonLike(parts.name)) found = book.fullName(parts.name);
    }
    return found === null ? null : { name: found };
  }
  const verb = GERMAN_VERB_AFTER_QUOTE.exec(after);
  if (verb === null || NOT_GERMAN_VERB.has(verb[1]!)) return null;
  const subject = subjectStartingPhrase(verb[2]!, book);
  return subject !== null && 'name' in subject && isPersonLike(subject.name) ? subject : null;
}

/**
 * "McCaskill scolded him: “…,” she said": a name stated before the quote in its own sentence is
 * not replaced by the pronoun after it.
 */
function statedBefore(
  after: Found | null,
  before: string,
  book: NameBook,
  people: PeopleSeen,
): Found | null {
  if (after === null || !('pronoun' in after.subject)) return after;
  const stated = subjectBefore(before, book, people);
  return stated?.direct && 'name' in stated.subject ? stated : after;
}

function subjectBefore(
  fullBefore: string,
  book: NameBook,
  people: PeopleSeen,
  verbOnly = false,
): Found | null {
  const before = fullBefore.slice(-(MAX_VERB_DISTANCE + WINDOW));
  const verbs = speechVerbs(before);
  const last = verbs[verbs.length - 1] ?? null;
  if (last !== null && before.length - last.index <= MAX_VERB_DISTANCE) {
    const lead = before.slice(0, last.index);
    if (!last.ing) {
      const clause = lead.split(/[;:]|[.!?]\s/u).pop() ?? '';
      // "Wie der Finanzminister Hartmut Möllring am Dienstag in Hannover erklärte, …": the verb
      // ends the German clause; its subject is the first person after "wie".
      const wie = book.isGerman ? WIE_CLAUSE.exec(clause) : null;
      let subject =
        (wie === null ? null : people.subjectOf(wie[1]!)) ?? subjectEndingPhrase(clause, book);
      // "Stoiber hatte die Rolle der Parteivorsitzenden betont:": the German verb ends the
      // clause, so the role before it is its object; the subject opens the clause.
      if (book.isGerman && (subject === null || 'role' in subject)) {
        const front = people.subjectOf(clause);
        if (front !== null && 'name' in front) subject = front;
      }
      // "Il a ajouté : «", "said Trump: “"
      // Only right before the quote: in "ranked Fiorina as one of the worst", Fiorina is the object.
      const rest = before.slice(last.index + last.text.length);
      const restMax = book.isGerman ? GERMAN_REST_MAX : REST_MAX;
      const after = rest.length <= restMax ? subjectStartingPhrase(rest, book) : null;
      // German puts the verb second: after "Dazu", "Über Steve Fossett" or "Der Zeitung" the
      // subject follows the verb ("Dazu erklärte Hartmann:"); only a name that is the whole
      // front of the clause ("Hartmann erklärte Müller:") comes first.
      if (book.isGerman && after !== null && 'name' in after && !namesWholeFront(clause, book)) {
        return { subject: after, direct: true };
      }
      if (subject !== null) return { subject, direct: true };
      if (after !== null) return { subject: after, direct: true };
    }
    // "footage of Trump saying “", "with spokesman Glen Caplin saying “": an -ing form binds
    // to the name right before it; after a comma ("Clinton, saying") it is the clause's.
    // Not a place or medium ("responded on Facebook writing").
    const own =
      last.ing && !PLACE_BEFORE_ING.test(lead) ? ENDS_WITH_NAME.exec(lead.trimEnd()) : null;
    const ownParts = own === null || isPossessive(own[1]!) ? null : book.clean(own[1]!);
    if (ownParts !== null && isPersonLike(ownParts.name)) {
      return { subject: { name: book.fullName(ownParts.name) }, direct: true };
    }
    // "…, saying “": the clause's subject; also a verb whose subject sits further back.
    const subject = people.subjectOf(lead);
    if (subject !== null) return { subject, direct: false };
  }
  if (verbOnly) return null;
  // "Mohammed ElBaradei („Mir fällt …“)": a quote in brackets right after a name is theirs,
  // even in a list that an earlier "so" or verb introduces.
  const bracketed = NAME_BEFORE_BRACKET.exec(before);
  const inBrackets = bracketed === null ? null : book.clean(bracketed[1]!);
  if (inBrackets !== null && isPersonLike(inBrackets.name)) {
    return { subject: { name: book.fullName(inBrackets.name) }, direct: true };
  }
  // "…, so Elshorst weiter: „": an attribution by "so" in the quote's own clause.
  const so = book.isGerman ? soSource(before, book) : null;
  if (so !== null) return { subject: { name: so }, direct: true };
  // "Jeremy Lott, author: “…”", "Thomas Girard reste sceptique : « … »", "…, und der
  // norwegische Ministerpräsident Jens Stoltenberg: „": a name right before the colon first.
  if (/:\s*$/u.test(before)) {
    const whole = before.replace(/\s*:\s*$/u, '');
    const named = ENDS_WITH_NAME.test(whole) ? subjectEndingPhrase(whole, book) : null;
    const intro = whole.replace(/,[^,]{1,60}$/u, '');
    const subject =
      (named !== null && 'name' in named ? named : null) ??
      subjectEndingPhrase(intro, book) ??
      people.subjectOf(before);
    if (subject !== null) return { subject, direct: 'name' in subject };
  }
  // No speech verb ("Gowdy referenced a report that “…”"): the sentence's subject, if any.
  const subject = people.subjectOf(before);
  if (subject !== null) return { subject, direct: false };
  return null;
}

// A German clause front that is not the subject: a preposition or adverb opens it.
const FRONT_NOT_SUBJECT =
  /^(?:mit|nach|von|vor|bei|aus|zu|zum|zur|seit|gegen|ohne|durch|für|um|über|unter|auf|an|am|im|in|dazu|so|weiter|dem|den|des|einem|einer|wie)$/iu;
const FRONT_LEAD = /^(?:(?:[Dd]er|[Dd]ie|[Dd]as|[Aa]uch|\p{Ll}[\p{L}-]*)\s+)*$/u;

/** True when the front of a German clause is a name and nothing else: then it is the subject. */
function namesWholeFront(clause: string, book: NameBook): boolean {
  const front = clause
    .replace(/\s*\([^()]{1,40}\)\s*$/u, '')
    .replace(/,[^,]{1,150},\s*$/u, '')
    .trim();
  const runs = nameRuns(front);
  const last = runs[runs.length - 1];
  if (last === undefined || last.index + last.run.length < front.length) return false;
  if (FRONT_NOT_SUBJECT.test(front.split(/\s+/)[0] ?? '')) return false;
  if (!FRONT_LEAD.test(front.slice(0, last.index))) return false;
  return book.clean(last.run) !== null;
}

/** "… chief of staff, Joe Kasper,": the name between the last two commas, after a description. */
const DESCRIPTION_START = /(?:^|[\s,])(?:the|The|der|Der|die|Die|le|Le|la|La|el|El)\s[^,]{2,80}$/u;

function apposedName(phrase: string): string | null {
  if (!phrase.endsWith(',')) return null;
  const inner = phrase.slice(0, -1);
  const comma = inner.lastIndexOf(',');
  if (comma <= 0) return null;
  const name = inner.slice(comma + 1).trim();
  if (!WHOLE_NAME.test(name)) return null;
  // "Michael Seaman, who lives outside the state capital, Sacramento,": the name completes
  // a relative clause about the subject; it is not the subject in apposition.
  const clause = inner.slice(inner.lastIndexOf(',', comma - 1) + 1, comma).trim();
  if (/^(?:who|whose|whom|which)\s/u.test(clause)) return null;
  // A description ends in a lower-case word, or opens with an article ("Der Leiter des
  // Influenza-Programms der WHO, Klaus Stöhr,"): German capitalises the nouns inside it.
  const description = inner.slice(Math.max(0, comma - 80), comma);
  if (/(?:^|[^\p{L}])\p{Ll}[\p{L}-]*$/u.test(description) || DESCRIPTION_START.test(description)) {
    return name;
  }
  return null;
}

/** The subject at the end of a phrase before a verb: "…, Trump", "the Russian president". */
function subjectEndingPhrase(raw: string, book: NameBook, whole = false): Subject | null {
  // A subject is near its verb; reading no further keeps these end-anchored regexes linear.
  let trimmed = raw.slice(-SUBJECT_CHARS).trimEnd();
  if (ADVERB_END.test(trimmed)) trimmed = trimmed.replace(ADVERBS, '');
  // "Rep. Duncan Hunter’s chief of staff, Joe Kasper,": the name in apposition is the speaker.
  const apposed = apposedName(trimmed);
  if (apposed !== null && !isPossessive(apposed)) {
    const parts = book.clean(apposed);
    if (parts !== null && isPersonLike(parts.name)) return { name: book.fullName(parts.name) };
  }
  // "Powell’s office said", "Ryan’s campaign": the office speaks for its principal.
  const office = OFFICE_OF.exec(trimmed);
  if (office !== null) {
    const parts = book.clean(office[1]!);
    if (parts !== null) return { name: book.fullName(parts.name) };
  }
  let phrase = trimmed
    .replace(/\s*\([^()]{1,40}\)$/u, '')
    .replace(/,[^,“”"«»]{1,150},$/u, '')
    .replace(/\s*\([^()]{1,40}\)$/u, '');
  // After a quote the phrase is the whole subject ("the senator added"); one with a comma left
  // ("In reaction, Biden said …") starts another statement, unless it opens with the name
  // ("Harry Bond, 30, of Raleigh, N.C., who was polled, said").
  if (whole && phrase.includes(',')) {
    const leading = LEADING_NAME.exec(phrase);
    const parts = leading === null ? null : book.clean(leading[1]!);
    if (
      parts !== null &&
      !isPossessive(leading![1]!) &&
      isPersonLike(parts.name) &&
      /\s/.test(parts.name)
    ) {
      return { name: book.fullName(parts.name) };
    }
    return null;
  }
  // "Houcine Abassi, der Generalsekretär des Gewerkschaftsverbandes … sagte", "Erkki Tuomioja,
  // Präsident des Rats der Europäischen Union: „": German leaves the appositive's closing comma
  // out, so a clause that opens with a full name and one comma is that person's.
  if (book.isGerman && phrase.indexOf(',') === phrase.lastIndexOf(',')) {
    const leading = LEADING_NAME.exec(phrase);
    const parts = leading === null ? null : book.clean(leading[1]!);
    if (parts !== null && isPersonLike(parts.name) && /\s/.test(parts.name)) {
      return { name: book.fullName(parts.name) };
    }
  }
  const lastComma = phrase.lastIndexOf(',');
  if (lastComma >= 0) {
    const tail = phrase.slice(lastComma + 1).trim();
    // "Anthony Anton, president and CEO of …": a description after the name, not the subject.
    const description =
      /^\p{Ll}/u.test(tail) &&
      !ARTICLES.test(`${tail} `) &&
      !/^(?:a|an|un|une|una|ein|eine)\s/u.test(tail);
    const head = phrase.slice(0, lastComma).replace(/^.*,\s*/u, '');
    const headIsName = WHOLE_NAME.test(head);
    const pronounTail = WHOLE_PRONOUN.test(tail);
    phrase = description && headIsName && !pronounTail ? head : tail;
  }
  phrase = phrase.trimEnd();
  // "Michael Brown of Washington": the place qualifies the name before it.
  // Not "Zitat von Schröder": a single word the article never gave as a name is no name.
  phrase = phrase.replace(NAME_OF_PLACE, (whole, head: string) =>
    /\s/.test(head) || book.knows(head) || !book.isGerman ? head : whole,
  );
  if (phrase === '') return null;
  const pronoun = ENDS_WITH_PRONOUN.exec(phrase);
  if (pronoun !== null) return pronounSubject(pronoun[1]!);
  const name = ENDS_WITH_NAME.exec(phrase);
  if (name !== null && !isPossessive(name[1]!)) {
    // "Britain’s Treasury said": the possessor qualifies the speaker.
    const last = nameRuns(name[1]!).pop() ?? { run: name[1]!, index: 0 };
    const at = phrase.length - name[1]!.length + last.index;
    const parts = book.clean(last.run, phrase.slice(Math.max(0, at - 12), at));
    if (parts !== null) return { name: book.fullName(parts.name) };
  }
  // "Obama's former campaign strategist said": someone other than the possessor, whom the
  // article is about.
  const possessive = POSSESSIVE_ROLE.exec(phrase);
  if (possessive !== null && !book.isGerman) {
    return { role: possessive[0].trim(), possessor: possessive[1]! };
  }
  const role =
    /(?:^|\s)((?:the|The|le|Le|la|La|l['’]|el|El|der|Der|die|Die)\s+(?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)$/u.exec(
      phrase,
    );
  if (role !== null) return roleSubject(role[1]!, book);
  return null;
}

/**
 * The subject at the start of a phrase after a verb: "said Sen. Ann Lee", "dijo la ministra de
 * Trabajo, Lucía Fernández", "sagte der CDU-Abgeordnete Markus Brenner", "declaró el alcalde".
 * A name after a preposition ("said on Fox News") is not the subject.
 */
function subjectStartingPhrase(fullPhrase: string, book: NameBook): Subject | null {
  const phrase = fullPhrase.slice(0, SUBJECT_CHARS);
  const pronoun = STARTS_WITH_PRONOUN.exec(phrase);
  if (pronoun !== null) return pronounSubject(pronoun[1]!);
  let blocked = false;
  for (const { run, index } of nameRuns(phrase.slice(0, 90))) {
    const lead = phrase.slice(0, index).toLowerCase();
    if (/[.!?]/u.test(lead)) break;
    // "la ministra de Trabajo, Lucía Fernández": a role, then the name in apposition.
    // Also after an indirect object: "explicó a este diario el portavoz de la Agencia, Diego Marín".
    const apposed = /(?:^|\s)(?:the|le|la|l['’]|el|der|die|das)\s[^,.;:]{1,60},\s*$/u.test(lead);
    if (!apposed) {
      if (
        blocked ||
        /['‘’]\s*$/u.test(lead) ||
        lead.split(/[^\p{L}'’]+/u).some((w) => PREPOSITIONS.has(w) || RELATIVES.has(w))
      ) {
        blocked = true;
        continue;
      }
    }
    if (isPossessive(run)) continue;
    // "Democratic pollster Stan Greenberg": a word qualifying a noun is not the name.
    const next = /^\s+(\p{Ll}+)/u.exec(phrase.slice(index + run.length))?.[1];
    if (next !== undefined && !/\s/.test(run) && !book.knows(run) && !FOLLOWS_NAME.has(next)) {
      continue;
    }
    const parts = book.clean(run);
    if (parts !== null) return { name: book.fullName(parts.name) };
  }
  const role = /^\s*((?:(?:the|le|la|el|der|die)\s+|l['’])[^,.;:!?“”"«»„]{2,50})/iu.exec(phrase);
  if (role !== null) {
    const words = role[1]!.split(/\s+/);
    const cut = words.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w.toLowerCase()));
    return roleSubject(words.slice(0, cut > 0 ? cut : words.length).join(' '), book);
  }
  return null;
}

function pronounSubject(word: string): Subject | null {
  if (PLURAL.test(word)) return null;
  return { pronoun: PRONOUNS[word.toLowerCase()] ?? null };
}

function roleSubject(role: string, _book: NameBook): Subject | null {
  const words = role.replace(ARTICLES, '');
  if (words === '') return null;
  return { role: words };
}

function accordingTo(frame: string, book: NameBook): Found | null {
  for (const match of frame.matchAll(ACCORDING_TO)) {
    const phrase = match[1]!;
    const pronoun = STARTS_WITH_PRONOUN.exec(phrase);
    if (pronoun !== null) {
      const subject = pronounSubject(pronoun[1]!);
      if (subject !== null) return { subject, direct: true };
    }
    const name = sourceName(phrase, book);
    if (name !== null) return { subject: { name }, direct: true };
    // "nach den Worten des Parteichefs Hanois, Pham Quang Nghi,": the role, then the name.
    const end = match.index + match[0].length;
    const apposed = APPOSED_AFTER.exec(frame.slice(end, end + 80));
    const parts = apposed === null ? null : book.clean(apposed[1]!);
    if (parts !== null && isPersonLike(parts.name)) {
      return { subject: { name: book.fullName(parts.name) }, direct: true };
    }
  }
  const so = book.isGerman ? soSource(frame, book) : null;
  if (so !== null) return { subject: { name: so }, direct: true };
  const at = frame.indexOf('zufolge');
  const zufolge = at < 0 ? null : ZUFOLGE.exec(frame.slice(Math.max(0, at - WINDOW), at + 8));
  if (zufolge !== null) {
    const parts = book.clean(zufolge[1]!);
    if (parts !== null) return { subject: { name: book.fullName(parts.name) }, direct: true };
  }
  return null;
}

/** The person a German ", so X" names, if any. */
function soSource(text: string, book: NameBook): string | null {
  for (const match of text.matchAll(SO_SOURCE)) {
    const name = sourceName(match[1]!, book);
    if (name !== null && isPersonLike(name)) return name;
  }
  return null;
}

/**
 * The named source in an "according to" phrase: the first name that is not a possessive and not
 * an adjective ("US intelligence officials" names no one).
 */
// Words that may follow the source's name: "laut Müller und Meier", "so Elshorst weiter".
const AFTER_SOURCE = /^(?:and|et|y|und|weiter|wörtlich|abschließend|zufolge)$/u;

function sourceName(phrase: string, book: NameBook): string | null {
  for (const { run, index } of nameRuns(phrase)) {
    if (isPossessive(run)) continue;
    const next = /^\s*([\p{Ll}]+)/u.exec(phrase.slice(index + run.length))?.[1];
    const parts = book.clean(run);
    // "nach Ansicht von Senator Dodd hat …": a title marks a person whatever follows.
    const titled = parts !== null && parts.role !== '';
    if (next !== undefined && !PREPOSITIONS.has(next) && !AFTER_SOURCE.test(next) && !titled) {
      continue;
    }
    if (parts !== null) return book.fullName(parts.name);
  }
  return null;
}

/**
 * The people an article has mentioned so far, for "he", "she" and a missing subject: the
 * subject of the previous sentence, the last speaker and the latest names, in that order.
 */
class PeopleSeen {
  private lastSpeaker: string | null = null;
  /** Who spoke earlier in the current sentence, latest first. */
  private current: string[] = [];
  /** Who the previous sentence cites as speaking, then its first named person. */
  private previousSubjects: string[] = [];
  private readonly recent: string[] = [];

  constructor(private readonly book: NameBook) {}

  resolve(subject: Subject, at: number): string | null {
    if ('name' in subject) return subject.name;
    if ('role' in subject) {
      // "a assuré l'élu", "añadió la ministra": a role the article gave no one is the person
      // the text is about, as "he" or "she" would be.
      const known = this.book.byRoleName(subject.role, at);
      if (known !== null) return known;
      if (subject.possessor !== undefined) return this.pronoun(null, subject.possessor);
      return this.book.language === 'en' ? null : this.pronoun(null);
    }
    return this.pronoun(subject.pronoun);
  }

  private pronoun(gender: Gender, not?: string): string | null {
    const candidates = [
      ...this.earlier,
      ...this.previousSubjects,
      ...this.current,
      this.lastSpeaker,
      ...this.recent,
    ].filter(
      (c): c is string =>
        c !== null && (not === undefined || !c.split(' ').includes(not.split(' ').pop()!)),
    );
    if (gender === null) return candidates[0] ?? null;
    // The nearest candidate the text does not contradict: a known other gender is skipped.
    for (const candidate of candidates) {
      const known = this.book.gender(candidate);
      if (known === gender || known === null) return candidate;
    }
    return null;
  }

  /** The person the latest sentence that named someone is about. */
  lastSubject(): string | null {
    return this.previousSubjects.find((name) => isPersonLike(name)) ?? null;
  }

  /** People a speech verb cites earlier in the sentence come first for a pronoun in it. */
  citedEarlier(frame: string): void {
    this.earlier = this.citedIn(frame).reverse();
  }
  private earlier: string[] = [];

  spoke(speaker: string): void {
    if (!isPersonLike(speaker)) return;
    this.lastSpeaker = speaker;
    this.current.unshift(speaker);
    this.mention(speaker);
  }

  private mention(name: string): void {
    const at = this.recent.indexOf(name);
    if (at >= 0) this.recent.splice(at, 1);
    this.recent.unshift(name);
    if (this.recent.length > 4) this.recent.pop();
  }

  /** A person named in `text` who can be a subject: a full name or a surname the book knows. */
  private person(run: string, verbAfter = false): string | null {
    if (isPossessive(run)) return null;
    const parts = this.book.clean(run);
    if (parts === null) return null;
    const name = this.book.fullName(parts.name);
    if (!isPersonLike(name)) return null;
    // An unknown single word is a subject only where a verb follows it ("Weaver did not").
    if (!this.book.knows(name) && (!verbAfter || this.book.writtenLowercase(name))) return null;
    return name;
  }

  /** True when `text` names a person the article introduced, other than `speaker`. */
  namesOtherThan(text: string, speaker: string): boolean {
    for (const { run } of nameRuns(text)) {
      // "Oz’s dubious advice" names Oz too.
      const name = this.person(run.replace(/['’]s$/u, ''));
      if (name !== null && name !== speaker) return true;
    }
    return false;
  }

  /** The first person a sentence names whom the article introduced by a full name. */
  firstNamed(frame: string): string | null {
    for (const { run } of nameRuns(frame)) {
      const name = this.person(run);
      if (name?.includes(' ')) return name;
    }
    return null;
  }

  /** The subject of a clause: a leading pronoun, else the first person it names. */
  subjectOf(clause: string): Subject | null {
    const start = CLAUSE_PRONOUN.exec(clause);
    const runs = nameRuns(clause);
    for (const { run, index } of runs) {
      if (start !== null && start.index + start[0].length - 1 <= index) break;
      const rest = clause.slice(index + run.length);
      // German: only a name that opens the clause is followed by its verb ("Thaksin begründete");
      // elsewhere a noun is ("Für Aufregung sorgte …").
      const verbAfter = this.book.isGerman
        ? /^[^\p{L}]*$/u.test(clause.slice(0, index)) &&
          this.book.clean(run)?.role === '' &&
          GERMAN_VERB_AFTER.test(rest)
        : VERB_AFTER.test(rest);
      const name = this.person(run, verbAfter);
      if (name !== null) return { name };
    }
    if (start !== null) return pronounSubject(start[1]!);
    return null;
  }

  /** The people a speech verb of this sentence (outside its quotes) makes speakers, in order. */
  citedIn(frame: string): string[] {
    const cited: string[] = [];
    // A real sentence has a few speech verbs; a page with no full stop must not cost per verb.
    for (const match of speechVerbs(frame).slice(0, MAX_VERBS_PER_SENTENCE)) {
      if (match.ing) continue;
      const lead = frame.slice(0, match.index);
      let subject = subjectEndingPhrase(lead.split(/[;:]|[.!?]\s/u).pop() ?? '', this.book);
      // "said Trump" names a speaker; in "said she would", "she" speaks in reported speech.
      if (subject === null) {
        const after = subjectStartingPhrase(
          frame.slice(match.index + match.text.length),
          this.book,
        );
        if (after !== null && !('pronoun' in after)) subject = after;
      }
      if (subject === null) continue;
      const speaker = this.resolve(subject, match.index);
      if (speaker === null || !isPersonLike(speaker) || cited.includes(speaker)) continue;
      // "Delegates questioned …" after "angry delegates": a group, not someone "he" can be.
      if (!this.book.knows(speaker) && this.book.writtenLowercase(speaker)) continue;
      cited.push(speaker);
    }
    const source = accordingTo(frame, this.book);
    if (source !== null && 'name' in source.subject && isPersonLike(source.subject.name)) {
      if (!cited.includes(source.subject.name)) cited.push(source.subject.name);
    }
    return cited;
  }

  /** Remembers a finished sentence's speakers, its subject and the people it names. */
  sentenceDone(frame: string, cited: readonly string[]): void {
    for (const { run } of nameRuns(frame)) {
      const name = this.person(run);
      if (name !== null) this.mention(name);
    }
    this.current = [];
    const subjects = [...cited];
    const subject = this.subjectOf(frame.slice(0, 120));
    let first: string | null = null;
    if (subject !== null && 'name' in subject) first = subject.name;
    else if (subject !== null && 'pronoun' in subject) first = this.pronoun(subject.pronoun);
    if (first !== null && !subjects.includes(first)) subjects.push(first);
    // A sentence that names no one keeps the subject before it ("He left. Then he said …").
    if (subjects.length > 0) this.previousSubjects = subjects;
  }
}
