import { forenameGender } from './forenames.ts';
import { GermanNouns, isGermanRole, isGermanRoleCompound } from './german-nouns.ts';
import { type TextLanguage, textLanguage } from './text-language.ts';

/**
 * Proper names in running text: runs of capitalized words ("Senate Minority Leader Mitch
 * McConnell"), cleaned of titles, and a book of the full names an article introduces so that a
 * later "Sullivan" or "the Russian president" can be mapped back to "Jake Sullivan" or
 * "Vladimir Putin".
 */

// An initial or dotted acronym (F., U.S.), an abbreviated title (Dr.), or a word. A word's own
// period ends the sentence, so it is not part of the name ("Ukraine. However").
const CAP_WORD = String.raw`(?:\p{Lu}\.(?:\p{Lu}\.)*|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof)\.|\p{Lu}[\p{L}\p{M}'’-]*)`;
// "der" only after von/van: alone it is the German article ("Fraktion der SPD").
const PARTICLE = `(?:(?:von|van)[ \\t]+der|de|da|del|della|di|du|van|von|bin|al|la|le|dos|das)`;
/** One run of capitalized words, allowing name particles (Ursula von der Leyen). */
export const NAME_RUN = `${CAP_WORD}(?:[ \\t]+(?:${PARTICLE}[ \\t]+)*${CAP_WORD})*`;

const NAME_RUN_GLOBAL = new RegExp(NAME_RUN, 'gu');

// Offices and honorifics that precede a name; stripped to leave the name itself.
const TITLE_WORDS = new Set(
  `president vice prime minister secretary foreign defense defence state national security
  adviser advisor senate senator sen sen. house speaker minority majority leader whip rep rep.
  representative congressman congresswoman gov gov. governor mayor chief executive officer ceo
  cfo coo cto chair chairman chairwoman chairperson director general gen gen. attorney
  ambassador spokesman spokeswoman spokesperson press deputy assistant commissioner judge justice
  pope king queen prince princess sheikh dr dr. mr mr. mrs mrs. ms ms. mx prof prof. professor
  lt lt. col col. colonel capt capt. captain sgt sgt. sergeant major maj maj. admiral adm adm.
  commander lord lady sir dame chancellor premier emperor president-elect former then-president
  interior finance treasury trade commerce health education energy justice homeland intelligence
  staff joint general's first lady envoy special minister's counsel officer head founder
  co-founder economist analyst professor reverend rev rev. bishop cardinal ministre ministra
  ministro président présidente presidente presidenta porte-parole portavoz sprecher sprecherin
  kanzler kanzlerin bundeskanzler bundeskanzlerin ministerin alcalde alcaldesa maire
  bürgermeister bürgermeisterin député députée diputado diputada abgeordneter abgeordnete
  sénateur sénatrice senador senadora secrétaire secretario secretaria général générale
  directeur directrice directora jefe jefa chef chefin doktor docteur professeur profesor
  profesora señor señora monsieur madame mme herr frau don doña sra sr miss`.split(/\s+/),
);

// Capitalized words that start sentences or name things, never people.
const NOT_NAMES = new Set(
  `a an the this that these those it its he she they we i you his her their our my your there
  here when while after before during according however but and or if as at in on of for to by
  with from since although though officials official experts critics analysts residents sources
  some many others most several both all police meanwhile yesterday today tomorrow monday
  tuesday wednesday thursday friday saturday sunday le la les il elle ils elles el los las der
  die das er sie es selon según laut pour mais et y pero und aber auch nous wir je ich yo son sa
  ses sein seine ihr ihre su sus ce cette dieser diese este esta du des del al au aux en dans
  sur im am nach bei con por para sobre desde tras une un ein eine una uno lors après avant
  chez depuis quand comme si dass wenn als weil cuando como si que qui quoi où así ainsi
  dessen deren`.split(/\s+/),
);

// Words that make a name an institution, which a later "he" or "she" cannot refer to.
const INSTITUTION_WORDS = new Set(
  `kremlin house ministry department committee council office agency government commission
  court parliament congress senate pentagon police army navy union party bank company
  corporation inc ltd group association organization organisation university times post news
  reuters press network nations coalition foundation institute center centre caucus campaign
  administration alliance federation fund trust society club league movement project pac
  committee's association's usa today journal magazine tribune herald review daily weekly
  channel radio tv television show gmbh ag verband partei regierung ministerium zeitung bundestag
  landtag gericht gerichtshof kommission agentur stiftung verein gewerkschaft fraktion konzern
  institut bundesregierung polizei`.split(/\s+/),
);

export interface NameParts {
  /** The name without titles, e.g. "Jake Sullivan". */
  name: string;
  /** The titles that were stripped, lower-cased, e.g. "us national security adviser". */
  role: string;
}

/**
 * Every capitalized run in `text`, with its offset. A possessive ends a run: "China’s Xi
 * Jinping" is two runs, "China’s" and "Xi Jinping".
 */
export function nameRuns(text: string): Array<{ run: string; index: number }> {
  const runs: Array<{ run: string; index: number }> = [];
  for (const match of text.matchAll(NAME_RUN_GLOBAL)) {
    const whole = match[0];
    let from = 0;
    for (const possessive of whole.matchAll(/(?:['’]s|s['’])\s+/gu)) {
      runs.push({ run: whole.slice(from, possessive.index + 2), index: match.index + from });
      from = possessive.index + possessive[0].length;
    }
    runs.push({ run: whole.slice(from), index: match.index + from });
  }
  return runs;
}

/** True for a run that ends in a possessive ("Putin’s"): it qualifies a name that follows. */
export function isPossessive(run: string): boolean {
  return /(?:['’]s|s['’])$/u.test(run);
}

/**
 * Strips titles and a possessive from a capitalized run. Returns null when nothing name-like is
 * left ("Officials", "Russian", "US").
 */
export function cleanName(run: string): NameParts | null {
  const words = run
    .replace(/['’]s?$/u, '')
    .split(/\s+/)
    .filter((w) => w !== '');
  let i = 0;
  while (i < words.length - 1 && isTitleLike(words, i)) i++;
  let rest = words.slice(i);
  if (rest.length === 0) return null;
  // "Finanzministerin Katrin Albers", "Bauer Georg Lindner": a German role is a capitalized
  // noun, so the name starts at the forename when the run has one after its first word.
  if (rest.length >= 3 && forenameGender(rest[0]!) === null) {
    const at = rest.findIndex((w, j) => j > 0 && j < rest.length - 1 && forenameGender(w) !== null);
    if (at > 0) {
      i += at;
      rest = rest.slice(at);
    }
  }
  const first = rest[0]!.toLowerCase();
  if (rest.length === 1 && (NOT_NAMES.has(first) || TITLE_WORDS.has(first))) return null;
  if (rest.length === 1 && (isNationality(rest[0]!) || isGroupNoun(rest[0]!))) return null;
  // "After President Donald Trump": the role is "president", not "after president".
  let roleStart = 0;
  while (roleStart < i && NOT_NAMES.has(words[roleStart]!.toLowerCase())) roleStart++;
  return {
    name: rest.join(' '),
    role: words.slice(roleStart, i).join(' ').toLowerCase(),
  };
}

// Words that open a sentence before a name ("What Mr. Obama has seen", "Only Trump").
const LEADING_NOT_NAMES = new Set(
  `what who why how where which whom whose only even just also still yet so now then once
  presidential federal national political democratic republican conservative liberal`.split(/\s+/),
);

function isTitleLike(words: readonly string[], i: number): boolean {
  const word = words[i]!;
  const lower = word.toLowerCase();
  if (TITLE_WORDS.has(lower) || NOT_NAMES.has(lower) || LEADING_NOT_NAMES.has(lower)) return true;
  // "Unfortunately Smith", "Clearly Trump": a sentence adverb, not a forename.
  if (
    /^\p{Lu}\p{Ll}+(?:ally|ately|ously|ntly|edly|ly)$/u.test(word) &&
    forenameGender(word) === null
  )
    return true;
  // "US", "Russian", "Ukrainian" count as part of a title only when one follows.
  const next = words[i + 1]?.toLowerCase() ?? '';
  return (isAcronym(word) || isNationality(word)) && TITLE_WORDS.has(next);
}

// "Republicans", "Democrats", "Conservatives": a group, not a speaker's name.
function isGroupNoun(word: string): boolean {
  return /^\p{Lu}\p{Ll}+(?:ans|ists|ites|ats)$/u.test(word);
}

function isAcronym(word: string): boolean {
  return /^(?:\p{Lu}\.?){2,}$/u.test(word);
}

// Endings of most demonyms (Russian, Korean, American, Chinese, British, Dutch); "Sullivan"
// must not match.
function isNationality(word: string): boolean {
  return /^\p{Lu}\p{Ll}+(?:ian|ean|ican|ese|ish)$/u.test(word) || DEMONYMS.has(word);
}

const DEMONYMS = new Set(
  'French Dutch German Thai Swiss Greek Israeli Iraqi Pakistani Saudi Yemeni Kuwaiti Qatari Emirati Somali Nepali Bangladeshi Afghan Czech Slovak Filipino Turkish Arab'.split(
    ' ',
  ),
);

// Last words of place names that look like a person's ("South Carolina", "New Hampshire").
const PLACES = new Set(
  `America Carolina Dakota Hampshire Jersey York Mexico Virginia Island Islands City County States
  Kingdom Republic Valley Beach Street Avenue Square Park Iowa Ohio Texas Florida California
  Nevada Arizona Colorado Michigan Wisconsin Pennsylvania Georgia Alabama Kentucky Tennessee
  Mississippi Louisiana Arkansas Missouri Kansas Nebraska Oklahoma Minnesota Illinois Indiana
  Maryland Delaware Connecticut Massachusetts Vermont Maine Oregon Utah Idaho Montana Wyoming
  Alaska Hawaii Europe Asia Africa Russia China Syria Iraq Iran Israel Ukraine Germany France
  Spain Britain England Canada Japan Korea India Pakistan Afghanistan Libya Egypt Turkey Cuba
  Brazil Venezuela Beijing Moscow London Paris Berlin Madrid Brussels Chicago Boston Philadelphia
  Baltimore Cleveland Detroit Denver Houston Dallas Miami Atlanta Orlando Vegas Angeles Francisco
  Diego Seattle Portland Phoenix Tampa Charlotte Richmond Manhattan Brooklyn Queens Bronx Ridge
  Springs Falls Harbor Bay Lake River Mountain Mountains Coast Gulf Sea Ocean Strait Hills`.split(
    /\s+/,
  ),
);

/** True when the name can be the "he" or "she" of a later sentence. */
export function isPersonLike(name: string): boolean {
  const words = name.split(' ');
  if (words.some((w) => INSTITUTION_WORDS.has(w.toLowerCase()))) return false;
  // "Anthony Lake": a forename makes a person of a surname that is also a place word.
  const forename = words.length > 1 && forenameGender(words[0]!) !== null;
  if (!forename && PLACES.has(words[words.length - 1]!)) return false;
  return !words.every(isAcronym);
}

// Role words that tell a woman or a man ("spokeswoman", "Ministerin", "la ministra", "Mrs.").
const FEMININE_ROLE =
  /(?:^|\s)(?:mrs|ms|miss|madame|mme|frau|señora|sra|doña|lady|queen|princess|dame|\S*woman|\S+in|ministra|présidente|presidenta|directrice|directora|alcaldesa|sénatrice|senadora|diputada|députée|secretaria|jefa|profesora|wife|mother|daughter|sister|grandmother)\.?(?:\s|$)/u;
const MASCULINE_ROLE =
  /(?:^|\s)(?:mr|monsieur|herr|señor|sr|don|king|prince|sir|lord|\S*man|ministro|husband|father|son|brother|grandfather)\.?(?:\s|$)/u;
const ROLE_ALIASES: Record<string, string> = {
  sen: 'senator',
  rep: 'representative',
  gov: 'governor',
  gen: 'general',
  pres: 'president',
  congressman: 'representative',
  congresswoman: 'representative',
};
const ROLE_FILLER = new Set(
  'the a an of de la le les el los las del des du der die das den dem des von vom und and for at in'.split(
    ' ',
  ),
);

function roleWords(role: string): string[] {
  return role
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length > 1 && !ROLE_FILLER.has(w))
    .map((w) => ROLE_ALIASES[w] ?? w);
}

interface RoleEntry {
  name: string;
  at: number;
  words: Set<string>;
}

/**
 * The full names and roles an article introduces. The first full name seen wins: journalists
 * introduce the principal person first ("Joe Biden" before "Jill Biden"). Roles come from titles
 * before a name ("Russian President Vladimir Putin"), a described name ("the CDU-Abgeordnete
 * Markus Brenner") and appositives ("Antonio Sánchez, alcalde de Alzira,").
 */
export class NameBook {
  private readonly bySurname = new Map<string, string>();
  private readonly byRole = new Map<string, string | null>();
  private readonly roles: RoleEntry[] = [];
  private readonly genders = new Map<string, 'm' | 'f'>();
  /** Words the article writes in lower case somewhere: common words, not names. */
  private readonly lowerWords = new Set<string>();
  /** In a German article, what the text shows is a noun rather than a name. */
  private german: GermanNouns | null = null;
  language: TextLanguage | null = null;

  static fromText(text: string): NameBook {
    const book = new NameBook();
    book.language = textLanguage(text);
    if (book.language === 'de') book.german = GermanNouns.fromText(text);
    for (const [word] of text.matchAll(/(?<![\p{L}\p{M}'’-])\p{Ll}[\p{L}\p{M}]*/gu)) {
      book.lowerWords.add(word);
    }
    for (const { run, index } of nameRuns(text)) {
      const parts = book.clean(run, text.slice(Math.max(0, index - 12), index));
      if (parts === null) continue;
      const several = /\s/.test(parts.name);
      // Only a run of several words can introduce a full name; most runs are one word.
      if (several) book.add(parts);
      const name = book.fullName(parts.name);
      if (!several && name === parts.name) continue;
      const before = roleBefore(text, index);
      const after = roleAfter(text, index + run.length);
      const role = [parts.role, before, after].filter((r) => r !== '').join(' ');
      if (role !== '') book.addRole(name, role, index);
    }
    return book;
  }

  /** True when the article is German: a name must be shown to be one. */
  get isGerman(): boolean {
    return this.language === 'de';
  }

  /**
   * A capitalised run reduced to the person or organisation it names, or null. In German the
   * words the article shows to be nouns, roles and a genitive after a role are dropped from the
   * front ("Verteidigungsminister Österreichs Günther Platter" -> "Günther Platter"), and a run
   * left with a noun alone ("Zeitung", "Worten", "Weiter") names no one.
   */
  clean(run: string, before = ''): NameParts | null {
    const parts = this.introduced(withoutComplement(withoutAffiliation(cleanName(run)), before));
    const german = this.german;
    if (parts === null || german === null) return parts;
    const words = parts.name.split(' ');
    let i = 0;
    let afterRole = false;
    while (i < words.length) {
      const word = words[i]!;
      const more = i < words.length - 1;
      if (/^\p{Ll}/u.test(word) && more) {
        // "Deutschlandchef von EY", "Trainer der Frankfurter": after a role, "von" or "der"
        // introduces what the role belongs to, not a name.
        const capitalisedAfter = words.slice(i + 1).filter((w) => /^\p{Lu}/u.test(w)).length;
        if (afterRole && capitalisedAfter < 2) return null;
        i++;
        continue;
      }
      if (forenameGender(word) !== null) break;
      // "Leitung von Irmela Hartwig": a word, then "von" and a full name, is a noun before it.
      // "Zitat von Schröder": a word that is no forename, then "von" and one name, likewise.
      const beforeParticle =
        i === 0 &&
        /^\p{Ll}/u.test(words[1] ?? '') &&
        (words.slice(2).filter((w) => /^\p{Lu}/u.test(w)).length >= 2 ||
          (words.length === 3 && /^vo[nm]$/u.test(words[1]!)));
      const noun = german.notName(word) || (more && isGermanRole(word)) || beforeParticle;
      // "Minister Österreichs Günther Platter": a genitive after the role qualifies it.
      const genitive = afterRole && more && /\p{Ll}s$/u.test(word);
      if ((noun && (more || german.notName(word))) || genitive) {
        afterRole = true;
        i++;
        continue;
      }
      break;
    }
    const rest = words.slice(i);
    if (rest.length === 0) return null;
    if (rest.length === 1 && isGermanRoleCompound(rest[0]!)) return null;
    if (rest.length === 1) rest[0] = german.withoutGenitive(rest[0]!);
    const dropped = words.slice(0, i).join(' ').toLowerCase();
    return {
      name: rest.join(' '),
      role: [parts.role, dropped].filter((r) => r !== '').join(' '),
    };
  }

  /** "Mimizan Jean-Baptiste Lafitte" -> "Jean-Baptiste Lafitte" once the article gave that name. */
  private introduced(parts: NameParts | null): NameParts | null {
    if (parts === null) return null;
    const words = parts.name.split(' ');
    if (words.length < 3) return parts;
    const known = this.bySurname.get(words[words.length - 1]!);
    if (known === undefined || !parts.name.endsWith(` ${known}`)) return parts;
    const dropped = parts.name.slice(0, -known.length).trim().toLowerCase();
    return { name: known, role: `${parts.role} ${dropped}`.trim() };
  }

  add({ name, role }: NameParts): void {
    const words = name.split(' ');
    if (words.length < 2 || words.length > 4 || !isPersonLike(name)) return;
    const surname = words[words.length - 1]!;
    const known = this.bySurname.get(surname);
    // "Understated Perez" at the start of a sentence gives way to a real forename later.
    const better =
      known !== undefined &&
      forenameGender(known.split(' ')[0]!) === null &&
      forenameGender(words[0]!) !== null;
    if (known === undefined || better) this.bySurname.set(surname, name);
    if (role === '') return;
    const roles = [role, role.replace(/^\S+\s+/, '')].filter((r) => r.includes(' '));
    for (const key of roles) {
      // Two people with the same role make the role ambiguous: remember that, not a guess.
      const known = this.byRole.get(key);
      if (known === undefined) this.byRole.set(key, name);
      else if (known !== name) this.byRole.set(key, null);
    }
  }

  private addRole(name: string, role: string, at: number): void {
    if (!isPersonLike(name)) return;
    this.roles.push({ name, at, words: new Set(roleWords(role)) });
    if (!this.genders.has(name)) {
      const lower = role.toLowerCase();
      if (FEMININE_ROLE.test(lower)) this.genders.set(name, 'f');
      else if (MASCULINE_ROLE.test(lower)) this.genders.set(name, 'm');
    }
  }

  /** "Sullivan" -> "Jake Sullivan"; a name the book does not know comes back unchanged. */
  fullName(name: string): string {
    if (name.includes(' ')) return name;
    return this.bySurname.get(name) ?? name;
  }

  /** True when the article introduced someone by this name or surname. */
  knows(name: string): boolean {
    return name.includes(' ') || this.bySurname.has(name);
  }

  /**
   * True for a single capitalised word the article also writes in lower case: "Delegates"
   * opening a sentence after "angry delegates" is a common noun, not someone's name.
   */
  writtenLowercase(word: string): boolean {
    return !word.includes(' ') && this.lowerWords.has(word.toLowerCase());
  }

  /** What the article tells of a person's gender: a forename, else a role or honorific. */
  gender(name: string): 'm' | 'f' | null {
    const words = name.split(' ');
    if (words.length > 1) {
      const byForename = forenameGender(words[0]!);
      if (byForename !== null) return byForename;
    }
    return this.genders.get(name) ?? null;
  }

  /**
   * "Russian president" -> "Vladimir Putin" when the article said "Russian President Vladimir
   * Putin"; "la ministra" -> "Lucía Fernández". With `at`, the latest person introduced with
   * that role before it; a role two people share with no position to tell is no one.
   */
  byRoleName(role: string, at = Number.POSITIVE_INFINITY): string | null {
    const exact = this.byRole.get(role.toLowerCase());
    if (exact !== undefined && at === Number.POSITIVE_INFINITY) return exact;
    const wanted = roleWords(role);
    if (wanted.length === 0) return null;
    let found: RoleEntry | null = null;
    for (const entry of this.roles) {
      if (entry.at >= at) break;
      if (wanted.every((w) => entry.words.has(w))) found = entry;
    }
    if (found !== null) return found.name;
    return exact ?? null;
  }
}

/**
 * "le ministre du Travail Olivier Reynaud", "el alcalde de Écija Fermín Cabello": after "de",
 * "du" or "of" the run opens with the place or office the role belongs to, then the name.
 */
function withoutComplement(parts: NameParts | null, before: string): NameParts | null {
  if (parts === null || !/(?:^|\s)(?:de|du|del|of|d['’])\s*$/u.test(before)) return parts;
  const words = parts.name.split(' ');
  if (words.length < 3 || forenameGender(words[0]!) !== null) return parts;
  return { name: words.slice(1).join(' '), role: `${parts.role} ${words[0]!}`.trim() };
}

/**
 * "John Sifton von Human Rights Watch" -> "John Sifton": a particle followed by several
 * capitalised words introduces an affiliation; a name's particle precedes only its surname
 * ("Ursula von der Leyen", "Charles de Gaulle").
 */
function withoutAffiliation(parts: NameParts | null): NameParts | null {
  if (parts === null) return null;
  const words = parts.name.split(' ');
  const at = words.findIndex((w, i) => i > 0 && /^\p{Ll}/u.test(w));
  // "Leitung von Irmela Hartwig": one word before the particle is no name of its own.
  if (at < 2) return parts;
  const capitalisedAfter = words.slice(at + 1).filter((w) => /^\p{Lu}/u.test(w)).length;
  if (capitalisedAfter < 2) return parts;
  return { name: words.slice(0, at).join(' '), role: parts.role };
}

// "the CDU-Abgeordnete", "la ministra de Trabajo,": the description just before a name.
const ROLE_BEFORE =
  /(?:^|\s)(?:the|The|a|an|le|Le|la|La|l['’]|el|El|un|une|una|der|Der|die|Die|den|dem|des|son|sa|su|his|her)\s+([^.;:!?“”"«»„()]{2,60}?)[,\s]*$/u;
// ", alcalde de Alzira," / ", a University of Washington professor,"
const ROLE_AFTER = /^\s*,\s*([^,.;:!?“”"«»„()]{2,80}?)\s*(?:,|\.|;|$)/u;

function roleBefore(text: string, index: number): string {
  const match = ROLE_BEFORE.exec(text.slice(Math.max(0, index - 80), index));
  return match?.[1] ?? '';
}

function roleAfter(text: string, end: number): string {
  const match = ROLE_AFTER.exec(text.slice(end, end + 100));
  const role = match?.[1] ?? '';
  // An appositive is a description in lower case ("a retired teacher"), not the next clause.
  return /^(?:the |a |an |le |la |el |un |une |una |der |die |\p{Ll})/u.test(role) ? role : '';
}
