import type { ArticleDocument, Result } from '../../src/shared/schemas.ts';

export function sampleResult(tldr = 'Cats sleep a lot.'): Result {
  const text = 'Cats sleep up to sixteen hours a day, a vet said.';
  return {
    source: {
      kind: 'url',
      url: 'https://news.example/cats',
      title: 'Why cats sleep',
      byline: 'A. Writer',
      siteName: 'News',
      lang: 'en',
      publishedAt: '2026-03-01T00:00:00.000Z',
      text,
      sha256: 'a'.repeat(64),
    },
    summary: { tldr, bullets: [{ text: 'Cats sleep sixteen hours.', quoteIds: ['q1'] }] },
    quotes: [
      {
        id: 'q1',
        text: 'Cats sleep up to sixteen hours a day',
        speaker: 'a vet',
        start: 0,
        end: 36,
        link: 'https://news.example/cats#:~:text=Cats%20sleep',
      },
    ],
    meta: {
      engine: 'llm',
      prompt: 'summarize@1+0123abcd',
      model: 'gpt-test',
      tokens: { input: 120, output: 40 },
      cached: false,
      droppedQuotes: 0,
      unverifiedSpeakers: 0,
      reasks: 0,
      language: null,
      length: 'medium',
      style: 'bullets',
      timingsMs: { fetch: 12.5, llm: 300 },
    },
  };
}

export function sampleDocument(): ArticleDocument {
  return {
    url: 'https://news.example/cats',
    title: 'Why cats sleep',
    byline: null,
    siteName: 'News',
    lang: 'en',
    publishedAt: null,
    text: 'Cats sleep up to sixteen hours a day.\n\nDogs do not.',
  };
}
