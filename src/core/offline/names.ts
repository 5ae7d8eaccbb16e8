/**
 * Proper names in running text: runs of capitalized words ("Senate Minority Leader Mitch
 * McConnell"), cleaned of titles, and a book of the full names an article introduces so that a
 * later "Sullivan" or "the Russian president" can be mapped back to "Jake Sullivan" or
 * "Vladimir Putin".
 */

// An initial or dotted acronym (F., U.S.), an abbreviated title (Dr.), or a word. A word's own
// period ends the sentence, so it is not part of the name ("Ukraine. However").
const CAP_WORD = String.raw`(?:\p{Lu}\.(?:\p{Lu}\.)*|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof)\.|\p{Lu}[\p{L}\p{M}'’-]*)`;
const PARTICLE = `(?:de|da|del|della|di|du|van|von|der|bin|al|la|le|dos|das)`;
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
  co-founder economist analyst professor reverend rev rev. bishop cardinal`.split(/\s+/),
);

// Capitalized words that start sentences or name things, never people.
const NOT_NAMES = new Set(
  `a an the this that these those it its he she they we i you his her their our my your there
  here when while after before during according however but and or if as at in on of for to by
  with from since although though officials official experts critics analysts residents sources
  some many others most several both all police meanwhile yesterday today tomorrow monday
  tuesday wednesday thursday friday saturday sunday`.split(/\s+/),
);

// Words that make a name an institution, which a later "he" or "she" cannot refer to.
const INSTITUTION_WORDS = new Set(
  `kremlin house ministry department committee council office agency government commission
  court parliament congress senate pentagon police army navy union party bank company
  corporation inc ltd group association organization organisation university times post news
  reuters press network nations`.split(/\s+/),
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
    for (const possessive of whole.matchAll(/['’]s\s+/gu)) {
      runs.push({ run: whole.slice(from, possessive.index + 2), index: match.index + from });
      from = possessive.index + possessive[0].length;
    }
    runs.push({ run: whole.slice(from), index: match.index + from });
  }
  return runs;
}

/** True for a run that ends in a possessive ("Putin’s"): it qualifies a name that follows. */
export function isPossessive(run: string): boolean {
  return /['’]s$/u.test(run);
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
  const rest = words.slice(i);
  if (rest.length === 0) return null;
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

function isTitleLike(words: readonly string[], i: number): boolean {
  const word = words[i]!;
  const lower = word.toLowerCase();
  if (TITLE_WORDS.has(lower) || NOT_NAMES.has(lower)) return true;
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
  return /^\p{Lu}\p{Ll}+(?:ian|ean|ican|ese|ish|ch)$/u.test(word) || DEMONYMS.has(word);
}

const DEMONYMS = new Set(
  'German Thai Swiss Greek Israeli Iraqi Pakistani Saudi Yemeni Kuwaiti Qatari Emirati Somali Nepali Bangladeshi Afghan Czech Slovak Filipino Turkish Arab'.split(
    ' ',
  ),
);

/** True when the name can be the "he" or "she" of a later sentence. */
export function isPersonLike(name: string): boolean {
  const words = name.split(' ');
  if (words.some((w) => INSTITUTION_WORDS.has(w.toLowerCase()))) return false;
  return !words.every(isAcronym);
}

/**
 * The full names and roles an article introduces. The first full name seen wins: journalists
 * introduce the principal person first ("Joe Biden" before "Jill Biden").
 */
export class NameBook {
  private readonly bySurname = new Map<string, string>();
  private readonly byRole = new Map<string, string | null>();

  static fromText(text: string): NameBook {
    const book = new NameBook();
    for (const { run } of nameRuns(text)) {
      // Only a run of several words can introduce a full name; most runs are one word.
      if (!/\s/.test(run)) continue;
      const parts = cleanName(run);
      if (parts === null) continue;
      book.add(parts);
    }
    return book;
  }

  add({ name, role }: NameParts): void {
    const words = name.split(' ');
    if (words.length < 2 || words.length > 4 || !isPersonLike(name)) return;
    const surname = words[words.length - 1]!;
    if (!this.bySurname.has(surname)) this.bySurname.set(surname, name);
    if (role === '') return;
    const roles = [role, role.replace(/^\S+\s+/, '')].filter((r) => r.includes(' '));
    for (const key of roles) {
      // Two people with the same role make the role ambiguous: remember that, not a guess.
      const known = this.byRole.get(key);
      if (known === undefined) this.byRole.set(key, name);
      else if (known !== name) this.byRole.set(key, null);
    }
  }

  /** "Sullivan" -> "Jake Sullivan"; a name the book does not know comes back unchanged. */
  fullName(name: string): string {
    if (name.includes(' ')) return name;
    return this.bySurname.get(name) ?? name;
  }

  /** "Russian president" -> "Vladimir Putin" when the article said "Russian President Vladimir Putin". */
  byRoleName(role: string): string | null {
    return this.byRole.get(role.toLowerCase()) ?? null;
  }
}
