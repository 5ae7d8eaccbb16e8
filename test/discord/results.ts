import { createHash } from 'node:crypto';
import type { Quote, Result } from '../../src/shared/schemas.ts';
import { ARTICLE_TEXT, ARTICLE_URL } from '../../testkit/scripted-pipeline.ts';

/** Quotes that really are at start..end of the text. */
export function quotesFrom(text: string, passages: string[], url: string | null): Quote[] {
  return passages.map((passage, index) => {
    const start = text.indexOf(passage);
    if (start < 0) throw new Error(`not in the text: ${passage}`);
    return {
      id: `q${index + 1}`,
      text: passage,
      speaker: index % 2 === 0 ? 'Jake Sullivan' : null,
      start,
      end: start + passage.length,
      link: url ? `${url}#:~:text=${encodeURIComponent(passage.slice(0, 40))}` : null,
    };
  });
}

/** A valid Result over the fixture article. */
export function makeResult(overrides: Partial<Result['summary']> = {}): Result {
  const quotes = quotesFrom(
    ARTICLE_TEXT,
    [
      'the Russian forces are on their own soil, and they don’t endanger anyone.',
      'Biden issued a straightforward message',
    ],
    ARTICLE_URL,
  );
  return {
    source: {
      kind: 'url',
      url: ARTICLE_URL,
      title: 'Biden-Putin Talks Provide No Breakthrough in Ukraine Tensions',
      byline: null,
      siteName: 'EurAsian Times',
      lang: 'en',
      publishedAt: null,
      text: ARTICLE_TEXT,
      sha256: createHash('sha256').update(ARTICLE_TEXT).digest('hex'),
    },
    summary: {
      tldr: 'Two hours of talks left Biden and Putin far apart on Ukraine.',
      bullets: [
        { text: 'Biden warned of severe economic penalties.', quoteIds: ['q2'] },
        { text: 'Russia said its troops threaten no one.', quoteIds: ['q1'] },
      ],
      ...overrides,
    },
    quotes,
    meta: {
      engine: 'llm',
      prompt: 'summarize@2+1a2b3c4d',
      model: 'gpt-4o-mini',
      tokens: { input: 1834, output: 212 },
      cached: false,
      droppedQuotes: 0,
      unverifiedSpeakers: 0,
      reasks: 0,
      language: 'en',
      length: 'medium',
      style: 'bullets',
      timingsMs: {},
    },
  };
}

/** 10,000-character tldr, 40 bullets and 40 long quotes: far over every Discord limit. */
export function hugeResult(base: Result = makeResult()): Result {
  const text = base.source.text;
  const words = text.split(' ');
  const passages = Array.from({ length: 40 }, (_, i) => words.slice(i * 5, i * 5 + 200).join(' '));
  const quotes = passages.map((passage, i) => {
    const start = text.indexOf(passage);
    return {
      id: `q${i + 1}`,
      text: passage,
      speaker: 'S'.repeat(300),
      start,
      end: start + passage.length,
      link: base.source.url
        ? `${base.source.url}#:~:text=${encodeURIComponent(passage.slice(0, 30))}`
        : null,
    };
  });
  return {
    ...base,
    source: { ...base.source, title: 'T'.repeat(400) },
    summary: {
      tldr: 'word '.repeat(2000),
      bullets: Array.from({ length: 40 }, (_, i) => ({
        text: `Bullet ${i} ${'x'.repeat(300)}`,
        quoteIds: [`q${i + 1}`],
      })),
    },
    quotes,
  };
}

/** Mentions, masked links and headings, as an article or a model might produce them. */
export const HOSTILE =
  '@everyone @here <@&123456789012345678> <@123456789012345678> [paypal.com](https://evil.example) # Heading -# small';

export function hostileResult(base: Result = makeResult()): Result {
  return {
    ...base,
    source: { ...base.source, title: `${HOSTILE} title`, siteName: '@everyone site' },
    summary: {
      tldr: `${HOSTILE}\n# Big heading\n-# small`,
      bullets: [{ text: HOSTILE, quoteIds: ['q1'] }],
    },
    quotes: base.quotes.map((quote) => ({ ...quote, speaker: '@everyone <@&123456789012345678>' })),
  };
}
