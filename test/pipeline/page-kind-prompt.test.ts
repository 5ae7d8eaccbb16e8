import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleDocument } from '../../src/shared/schemas.ts';
import { fakeSteps, startFakeOpenAi } from '../../testkit/fake-openai.ts';
import { pipelineAgainst } from '../../testkit/pipeline-helpers.ts';

const fake = await startFakeOpenAi();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

// A thread as extraction renders one: each post under its poster's name on a line of its own.
const THREAD: ArticleDocument = {
  url: 'https://forum.example.org/t/kettles/12',
  title: 'Is a temperature kettle worth it?',
  byline: null,
  siteName: null,
  lang: 'en',
  publishedAt: null,
  pageType: 'forum',
  posters: ['kettlebelle', 'greenleaf'],
  text: [
    'kettlebelle',
    'Is the variable temperature worth paying twice as much for if I mostly drink black tea?',
    'greenleaf',
    'Variable temperature matters a lot for green tea, which turns bitter when the water is boiling.',
  ].join('\n\n'),
};

const ANSWER = {
  tldr: 'A poster asks whether a temperature kettle is worth twice the price.',
  bullets: [{ text: 'greenleaf says green tea needs water below boiling.', quoteIds: ['q1'] }],
  quotes: [
    {
      id: 'q1',
      text: 'Variable temperature matters a lot for green tea',
      speaker: 'greenleaf',
    },
  ],
};

const systemPrompt = () =>
  fake.requests.at(-1)!.messages.find((m) => m.role === 'system')!.content ?? '';

describe('GIVEN a thread summarized by the model', () => {
  it('WHEN pinned to summarize@3 THEN the prompt says it is a discussion and the poster is the speaker', async () => {
    fake.setDefault(fakeSteps.json(ANSWER));
    const pipeline = pipelineAgainst(fake, { loadUrl: async () => THREAD });
    const result = await pipeline.summarize(
      { kind: 'url', url: THREAD.url! },
      { prompt: 'summarize@3' },
    );
    expect(systemPrompt()).toContain('The source is a discussion thread');
    expect(systemPrompt()).toContain('who argued what');
    expect(result.source.pageType).toBe('forum');
    expect(result.quotes[0]!.speaker).toBe('greenleaf');
  });

  it('WHEN the page is a product THEN summarize@3 asks for what it is and its specifications', async () => {
    fake.setDefault(fakeSteps.json({ tldr: 'A kettle.', bullets: [], quotes: [] }));
    const product = { ...THREAD, pageType: 'product' as const, posters: undefined };
    const pipeline = pipelineAgainst(fake, { loadUrl: async () => product });
    await pipeline.summarize({ kind: 'url', url: THREAD.url! }, { prompt: 'summarize@3' });
    expect(systemPrompt()).toContain('The source is a product page');
  });
});
