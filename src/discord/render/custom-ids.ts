import { z } from 'zod';
import { LENGTHS, type Length, STYLES, type Style } from '../../shared/schemas.ts';
import { LIMITS } from './limits.ts';

/**
 * Buttons keep all their state in the custom id (at most 100 characters), so they work after a
 * restart: the source's sha256 (base64url, 43 characters), the options of the reply they sit
 * under, and who asked. Layout: `p1|<action>|<sha>|<length><style><quotesOnly>|<lang>|<owner>`.
 * The presser's client sends the id back, so it is trusted only as
 * `interactions/button-owner.ts` says.
 */
export const ACTIONS = [
  'shorter',
  'longer',
  'translate',
  'quotes',
  'public',
  'summary',
  'delete',
] as const;
export type SummaryAction = (typeof ACTIONS)[number];

export interface SummaryState {
  sha256: string;
  length: Length;
  style: Style;
  quotesOnly: boolean;
  /** Output language tag; null = the source's language. */
  language: string | null;
  ownerId: string;
}

const PREFIX = 'p1';
const ACTION_CODES: Record<SummaryAction, string> = {
  shorter: 's',
  longer: 'l',
  translate: 't',
  quotes: 'q',
  public: 'p',
  summary: 'm',
  delete: 'd',
};

/** A language tag as a custom id may carry it. */
export const LanguageTag = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$/);

export function encodeSummaryId(action: SummaryAction, state: SummaryState): string {
  const sha = Buffer.from(state.sha256, 'hex').toString('base64url');
  const flags = `${state.length[0]}${state.style[0]}${state.quotesOnly ? 1 : 0}`;
  const language =
    state.language && LanguageTag.safeParse(state.language).success ? state.language : '-';
  const owner = BigInt(state.ownerId).toString(36);
  const id = [PREFIX, ACTION_CODES[action], sha, flags, language, owner].join('|');
  if (id.length > LIMITS.customId) throw new Error(`custom id too long (${id.length}): ${id}`);
  return id;
}

export function isSummaryId(customId: string): boolean {
  return customId.startsWith(`${PREFIX}|`);
}

/** Null for an id this version does not understand (an old message, a forged id). */
export function decodeSummaryId(
  customId: string,
): { action: SummaryAction; state: SummaryState } | null {
  const [prefix, code, sha, flags, language, owner, ...rest] = customId.split('|');
  if (prefix !== PREFIX || rest.length > 0 || !sha || !flags || !language || !owner) return null;
  const action = ACTIONS.find((a) => ACTION_CODES[a] === code);
  const length = LENGTHS.find((l) => l[0] === flags[0]);
  const style = STYLES.find((s) => s[0] === flags[1]);
  const bytes = Buffer.from(sha, 'base64url');
  if (!action || !length || !style || bytes.length !== 32 || !/^[0-9a-z]+$/.test(owner))
    return null;
  if (language !== '-' && !LanguageTag.safeParse(language).success) return null;
  return {
    action,
    state: {
      sha256: bytes.toString('hex'),
      length,
      style,
      quotesOnly: flags[2] === '1',
      language: language === '-' ? null : language,
      ownerId: parseBase36(owner).toString(),
    },
  };
}

function parseBase36(text: string): bigint {
  let value = 0n;
  for (const char of text) value = value * 36n + BigInt(Number.parseInt(char, 36));
  return value;
}
