import { forenameGender } from './forenames.ts';

/**
 * German capitalises every noun, so a capitalised word is no evidence of a name. These helpers
 * read what the article itself shows: a word that follows an article ("der Zeitung", "mit den
 * folgenden Worten") is a common noun, a word the text also writes in lower case ("Weiter",
 * "Dazu") is not a name, and a compound ending in an office ("Verteidigungsminister",
 * "Gewerkschaftschef") is a role before the name. A noun lexicon would know more words, but the
 * packages that have one are large, unmaintained or English-only; the article's own usage
 * settles the cases attribution meets.
 */

// Words after which a capitalised word is a noun: articles, determiners, contracted prepositions.
const DETERMINERS = new Set(
  `der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines
  im am zum zur vom beim ins ans aufs jede jeder jedes jeden jedem diese dieser dieses diesen diesem
  jene jener jenes seine seiner seinen seinem seines ihre ihrer ihren ihrem ihres unser unsere
  unserer unseren unserem mein meine meiner meinen meinem dein deine euer eure welche welcher
  welches welchen welchem alle allen aller beide beiden viele vielen mehrere einige`.split(/\s+/),
);
// A preposition then an inflected adjective ("mit folgenden Worten", "nach eigenen Angaben").
const PREPOSITIONS = new Set(
  `mit nach von vor bei aus zu seit gegen ohne durch für um über unter auf an in neben zwischen
  wegen trotz laut gegenüber`.split(/\s+/),
);
const INFLECTED = /^\p{Ll}[\p{L}-]*(?:e|en|er|es|em)$/u;

// Sentence openers and function words that are never a name, capitalised or not.
const FUNCTION_WORDS = new Set(
  `so dazu weiter zudem auch da dabei damit daher deshalb jedoch nun jetzt hier dort dann doch
  noch schon bereits außerdem ebenfalls allerdings trotzdem gestern heute morgen wie was wer wo
  warum man wir ihr ich du sie er es mir uns nach gegenüber zuvor zuletzt später bisher demnach
  dagegen darauf darüber denn aber oder und sondern sowie zwar insbesondere vor allem ob als
  wenn weil dass nachdem während seit bis zum zur vom beim im am ins den dem des einer eines einem
  einen ein eine kein keine dies diese dieser dieses jeder jede jedes alle viele einige mehrere
  beide nicht nur erst selbst wörtlich gemeinsam dessen deren um mit bei aus gegen ohne durch
  für über unter auf an in neben zwischen wegen trotz laut angesichts`.split(/\s+/),
);

// Offices that end a German compound: "Verteidigungsminister", "Gewerkschaftschef",
// "Laborleiter", "FIFA-Schiedsrichter". Only a word before another one in a name is dropped, so
// a surname such as Richter or Meister at the end of a name stays.
const ROLE_HEAD =
  /(?:minister|präsident|kanzler|chef|sprecher|vorsitzende|vorsitzender|leiter|direktor|trainer|experte|expertin|politiker|abgeordnete|abgeordneter|anwalt|anwältin|richter|vorstand|sekretär|kommissar|beauftragte|beauftragter|botschafter|general|arzt|ärztin|professor|forscher|ökonom|funktionär|gouverneur|redakteur|korrespondent|manager|unternehmer|führer|berater|mitarbeiter|vertreter|schriftsteller|sänger|autor|journalist|analyst|wissenschaftler|obmann|stellvertreter|senator|bürgermeister|gewerkschafter|meister|pilot|spieler|fahrer|sprecherin|rat|rätin|bischof|kardinal|oberst|oberhaupt|chefin|leiterin|direktorin|trainerin|politikerin|richterin|sekretärin|kommissarin|botschafterin|professorin|forscherin|ökonomin|funktionärin|redakteurin|korrespondentin|managerin|unternehmerin|führerin|beraterin|mitarbeiterin|vertreterin|schriftstellerin|sängerin|autorin|journalistin|analystin|wissenschaftlerin|senatorin|bürgermeisterin|meisterin|spielerin|fahrerin|ministerin|präsidentin|kanzlerin)$/u;

/** True for a capitalised word that names an office: a German role compound. */
export function isGermanRole(word: string): boolean {
  const lower = word.toLowerCase();
  const head = lower.slice(lower.lastIndexOf('-') + 1);
  return ROLE_HEAD.test(head) || /^\p{Lu}{2,}-/u.test(word);
}

/** "Deutschlandchef", "Verteidigungsminister": an office compound, never a surname alone. */
export function isGermanRoleCompound(word: string): boolean {
  const match = ROLE_HEAD.exec(word.toLowerCase());
  return match !== null && word.length > match[0].length + 2;
}

/** The common nouns and lower-case words of one German article, read from the article. */
export class GermanNouns {
  private readonly nouns = new Set<string>();
  private readonly lowerWords = new Set<string>();
  private readonly words = new Set<string>();
  /** Words the text writes after a forename ("Swantje Hartmann"): surnames, whatever else. */
  private readonly surnames = new Set<string>();

  static fromText(text: string): GermanNouns {
    const evidence = new GermanNouns();
    const matches = [...text.matchAll(/[\p{L}][\p{L}\p{M}'’-]*/gu)];
    // A sentence or clause boundary between two words: "…zu werden. Putin sagte" is no phrase.
    const joined = matches.map((m, k) => {
      const previous = matches[k - 1];
      const gap =
        previous === undefined ? '' : text.slice(previous.index + previous[0].length, m.index);
      return /^\s*$/u.test(gap) ? m[0] : null;
    });
    matches.forEach((match, k) => {
      const token = match[0];
      evidence.words.add(token);
      if (/^\p{Ll}/u.test(token)) {
        evidence.lowerWords.add(token);
        return;
      }
      // Context words count only when nothing but spaces separates them from this one.
      const before = joined[k] === null ? undefined : matches[k - 1]?.[0].toLowerCase();
      const twoBefore =
        before === undefined || joined[k - 1] === null
          ? undefined
          : matches[k - 2]?.[0].toLowerCase();
      // "Swantje Hartmann": a word after a forename is a surname.
      if (before !== undefined && forenameGender(matches[k - 1]![0]) !== null) {
        evidence.surnames.add(stem(token));
      }
      // "von der Leyen": the article is part of the name.
      const particle = twoBefore === 'von' || twoBefore === 'van';
      const afterDeterminer = before !== undefined && DETERMINERS.has(before) && !particle;
      // Not after a capitalised opener: in "Diese hatte Hartmann", "Diese" stands alone.
      const afterAdjective =
        before !== undefined &&
        /^\p{Ll}/u.test(matches[k - 2]?.[0] ?? '') &&
        INFLECTED.test(matches[k - 1]![0]) &&
        twoBefore !== undefined &&
        (DETERMINERS.has(twoBefore) || PREPOSITIONS.has(twoBefore));
      if (afterDeterminer || afterAdjective) evidence.nouns.add(stem(token));
    });
    return evidence;
  }

  /** True when the article shows `word` is not part of a name. */
  notName(word: string): boolean {
    const lower = word.toLowerCase();
    if (FUNCTION_WORDS.has(lower)) return true;
    // "Relativierend fügt Gall hinzu": a participle that opens the sentence.
    if (/^\p{Lu}\p{Ll}{4,}end$/u.test(word)) return true;
    // "Jegliche Mitverantwortung": an inflected adjective opening a sentence (not "-er", which
    // would take Fischer and Schweinsteiger).
    if (/^\p{Lu}\p{Ll}+(?:lich|isch|ig)(?:e|en)$/u.test(word)) return true;
    if (/^\p{Lu}/u.test(word) && this.lowerWords.has(lower)) return true;
    // "Diese hatte Hartmann" reads like an article, adjective and noun; "Swantje Hartmann"
    // elsewhere shows the word is a surname.
    return this.nouns.has(stem(word)) && !this.surnames.has(stem(word));
  }

  /** "Armstrongs" -> "Armstrong" when the article also writes the name without the genitive. */
  withoutGenitive(word: string): string {
    if (/[^s]s$/u.test(word) && this.words.has(word.slice(0, -1))) return word.slice(0, -1);
    return word;
  }
}

// Inflected forms of one noun share a key: Worte, Worten; Schiedsrichter, Schiedsrichters.
function stem(word: string): string {
  return word.replace(/(?:es|en|s|n|e)$/u, '');
}
