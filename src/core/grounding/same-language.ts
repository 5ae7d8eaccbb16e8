/**
 * Whether a summary asked for in `requested` (a BCP 47 tag or an English name, null = the
 * source's own) is in the source's language `sourceLang`. Unknown counts as different, so
 * wording is never compared across languages by mistake.
 */
export function sameLanguage(requested: string | null, sourceLang: string | null): boolean {
  if (requested === null) return true;
  const wanted = primary(requested);
  if (sourceLang === null) return wanted === 'en';
  return wanted === primary(sourceLang);
}

const NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

function primary(language: string): string {
  const text = language.trim().toLowerCase();
  if (/^[a-z]{2,3}(?:[-_][a-z0-9]+)*$/.test(text) && text.length <= 3) return text.slice(0, 3);
  const tag = /^([a-z]{2,3})[-_]/.exec(text);
  if (tag) return tag[1]!;
  // An English name ("German"): find the two-letter code it names.
  for (const code of COMMON) {
    if (NAMES.of(code)?.toLowerCase() === text) return code;
  }
  return text;
}

const COMMON =
  'en fr de es it pt nl sv da no nb fi pl cs ru uk tr ar he hi ja ko zh el ro hu'.split(' ');
