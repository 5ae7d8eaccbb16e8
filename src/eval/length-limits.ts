import { LENGTH_PRESETS } from '../core/summarize/presets.ts';
import type { Length } from '../shared/schemas.ts';

export interface LengthLimits {
  tldrWords: number;
  bullets: number;
  bulletWords: number;
}

const PRESET_TEXT = /tldr of at most (\d+) words and at most (\d+) bullets of at most (\d+) words/;

/** The limits the prompt was given, read from the preset's own words so the two cannot drift. */
export function lengthLimits(length: Length): LengthLimits {
  const preset = LENGTH_PRESETS[length];
  const match = PRESET_TEXT.exec(preset.words);
  if (!match) throw new Error(`the ${length} preset no longer reads "${PRESET_TEXT.source}"`);
  return { tldrWords: Number(match[1]), bullets: Number(match[2]), bulletWords: Number(match[3]) };
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
