import type { OptionName } from '../../shared/options.ts';
import { LENGTHS, type Length, STYLES, type Style } from '../../shared/schemas.ts';
import { LanguageTag } from '../render/custom-ids.ts';

/**
 * The modal that /summarize and /quotes open with no input carries the command's options and
 * which of them the user chose, so the server's defaults still fill the others:
 * `p1m|<summarize|quotes>|<length><style><private>|<lang>|<chosen>`, chosen being letters
 * l(ength) s(tyle) g (language) p(rivate), or `-` for none. Forms opened before that segment
 * existed count every option as chosen.
 */
export interface ModalState {
  quotesOnly: boolean;
  length: Length;
  style: Style;
  ephemeral: boolean;
  language: string | null;
  given?: OptionName[];
}

const OPTION_CODES: Record<OptionName, string> = {
  length: 'l',
  style: 's',
  language: 'g',
  private: 'p',
};

export function encodeModalId(state: ModalState): string {
  const flags = `${state.length[0]}${state.style[0]}${state.ephemeral ? 1 : 0}`;
  const language =
    state.language && LanguageTag.safeParse(state.language).success ? state.language : '-';
  const segments = ['p1m', state.quotesOnly ? 'q' : 's', flags, language];
  if (state.given) segments.push(state.given.map((name) => OPTION_CODES[name]).join('') || '-');
  return segments.join('|');
}

export function decodeModalId(customId: string): ModalState | null {
  const [prefix, kind, flags, language, chosen, ...rest] = customId.split('|');
  if (prefix !== 'p1m' || rest.length > 0 || !flags || !language) return null;
  const names = Object.keys(OPTION_CODES) as OptionName[];
  const given =
    chosen === undefined ? undefined : names.filter((name) => chosen.includes(OPTION_CODES[name]));
  if (chosen !== undefined && !/^(-|[lsgp]{1,4})$/.test(chosen)) return null;
  const length = LENGTHS.find((l) => l[0] === flags[0]);
  const style = STYLES.find((s) => s[0] === flags[1]);
  if (!length || !style || (kind !== 'q' && kind !== 's')) return null;
  if (language !== '-' && !LanguageTag.safeParse(language).success) return null;
  return {
    quotesOnly: kind === 'q',
    length,
    style,
    ephemeral: flags[2] === '1',
    language: language === '-' ? null : language,
    ...(given ? { given } : {}),
  };
}

export function isModalId(customId: string): boolean {
  return customId.startsWith('p1m|');
}
