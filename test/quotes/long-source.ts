import { article } from './article.ts';

/** A deterministic pseudo-random generator, so a failing run can be replayed. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A source of `wordCount` words drawn from the article's vocabulary, with sentences,
 * paragraphs and curly quotations, so common words recur as often as in real prose.
 */
export function longSource(wordCount: number, seed = 1): string {
  const random = lcg(seed);
  const vocabulary = article.match(/[\p{L}\p{N}’]+/gu) ?? [];
  const parts: string[] = [];
  let quoted = false;
  for (let i = 0; i < wordCount; i++) {
    let word = vocabulary[Math.floor(random() * vocabulary.length)]!;
    const roll = random();
    if (!quoted && roll < 0.02) {
      word = `“${word}`;
      quoted = true;
    } else if (quoted && roll < 0.04) {
      word = `${word},”`;
      quoted = false;
    } else if (roll < 0.1) {
      word = `${word}.`;
    } else if (roll < 0.11) {
      word = `${word}.\n\n`;
    }
    parts.push(word);
  }
  return parts.join(' ').replace(/\n\n /g, '\n\n');
}

/** `count` passages of the source, each 6–30 words, at spread-out places. */
export function passagesOf(source: string, count: number, seed = 2): string[] {
  const random = lcg(seed);
  const words = source.split(' ');
  return Array.from({ length: count }, () => {
    const length = 6 + Math.floor(random() * 25);
    const at = Math.floor(random() * (words.length - length));
    return words.slice(at, at + length).join(' ');
  });
}
