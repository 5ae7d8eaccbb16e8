import type { Result } from '../../src/shared/schemas.ts';

/** A small hand-made Result; override what a test is about. */
export function makeResult(
  overrides: {
    tldr?: string;
    bullets?: Result['summary']['bullets'];
    quotes?: Array<{ id: string; text: string; speaker: string | null }>;
    droppedQuotes?: number;
    reasks?: number;
  } = {},
): Result {
  const quotes = (overrides.quotes ?? [{ id: 'q1', text: 'We did it', speaker: 'Ann' }]).map(
    (quote, i) => ({ ...quote, start: i * 10, end: i * 10 + quote.text.length, link: null }),
  );
  return {
    source: {
      kind: 'text',
      url: null,
      title: 'A title',
      byline: null,
      siteName: null,
      lang: null,
      publishedAt: null,
      text: 'The source text.',
      sha256: '0'.repeat(64),
    },
    summary: {
      tldr: overrides.tldr ?? 'The council approved the plan after a long debate.',
      bullets: overrides.bullets ?? [{ text: 'The plan was approved.', quoteIds: ['q1'] }],
    },
    quotes,
    meta: {
      engine: 'llm',
      prompt: 'summarize@2+abcdef12',
      model: 'test-model',
      tokens: { input: 100, output: 20 },
      cached: false,
      droppedQuotes: overrides.droppedQuotes ?? 0,
      unverifiedSpeakers: 0,
      reasks: overrides.reasks ?? 0,
      language: null,
      length: 'medium',
      style: 'bullets',
      timingsMs: {},
    },
  };
}
