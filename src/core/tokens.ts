import { countTokens as countWithTokenizer } from 'gpt-tokenizer';

/**
 * Token counts come from a real BPE tokenizer (o200k_base, the GPT-4o family). Other models'
 * tokenizers differ by a few percent, which the budget's safety margin absorbs.
 */
export function countTokens(text: string): number {
  return countWithTokenizer(text);
}

/**
 * Splits text into parts of at most `maxTokens`, cutting at paragraph breaks, then at
 * sentence ends, and only as a last resort inside a sentence.
 */
export function splitByTokens(text: string, maxTokens: number): string[] {
  const parts: string[] = [];
  let current: string[] = [];
  let currentTokens = 0;
  const flush = () => {
    if (current.length > 0) parts.push(current.join('\n\n'));
    current = [];
    currentTokens = 0;
  };
  for (const paragraph of text.split(/\n\s*\n/)) {
    const trimmed = paragraph.trim();
    if (!trimmed) continue;
    const tokens = countTokens(trimmed);
    if (tokens > maxTokens) {
      flush();
      parts.push(...splitLongParagraph(trimmed, maxTokens));
      continue;
    }
    if (currentTokens + tokens > maxTokens) flush();
    current.push(trimmed);
    currentTokens += tokens + 1;
  }
  flush();
  return parts;
}

function splitLongParagraph(paragraph: string, maxTokens: number): string[] {
  const pieces = paragraph.match(/[^.!?]+(?:[.!?]+["”’)]*\s*|$)/g) ?? [paragraph];
  const parts: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (countTokens(current + piece) > maxTokens && current) {
      parts.push(current.trim());
      current = '';
    }
    if (countTokens(piece) > maxTokens) {
      // A "sentence" longer than a whole part: cut by words.
      const words = piece.split(/\s+/);
      const chunk = Math.max(1, Math.floor(maxTokens / 2));
      for (let i = 0; i < words.length; i += chunk) parts.push(words.slice(i, i + chunk).join(' '));
      continue;
    }
    current += piece;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}
