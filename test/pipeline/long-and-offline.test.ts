import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/core/pipeline.ts';
import { fakeSteps, startFakeOpenAi } from '../../testkit/fake-openai.ts';
import { EXAMPLE, pipelineAgainst } from '../../testkit/pipeline-helpers.ts';

const fake = await startFakeOpenAi();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

/** About 20,000 words: filler paragraphs with the example article's last paragraph at the end. */
function longSource(): string {
  const filler = EXAMPLE.split('\n\n').slice(3, 20).join('\n\n');
  const parts: string[] = [];
  while (parts.join(' ').split(/\s+/).length < 20_000) parts.push(filler);
  parts.push('“The last words of the long article are right here in quotes,” the archivist said.');
  return parts.join('\n\n');
}

describe('a source beyond the model budget', () => {
  it('GIVEN 20,000 words and a small context THEN it is mapped in parts and reduced once', async () => {
    fake.setDefault((request) => {
      const name =
        request.response_format?.type === 'json_schema'
          ? request.response_format.json_schema.name
          : '';
      return name === 'MapOutput'
        ? fakeSteps.json({ points: ['Talks continued.'], quotes: [] })
        : fakeSteps.json({
            tldr: 'A long article.',
            bullets: [{ text: 'It ends with a quote.', quoteIds: ['q1'] }],
            quotes: [
              {
                id: 'q1',
                text: 'The last words of the long article are right here in quotes',
                speaker: 'the archivist',
              },
            ],
          });
    });
    const pipeline = pipelineAgainst(fake, { contextTokens: 8_000, maxParts: 20 });
    const result = await pipeline.summarize({ kind: 'text', text: longSource() });
    const names = fake.requests.map((r) =>
      r.response_format?.type === 'json_schema' ? r.response_format.json_schema.name : '',
    );
    expect(names.filter((n) => n === 'MapOutput').length).toBeGreaterThan(2);
    expect(names.at(-1)).toBe('SummaryOutput');
    // The quote comes from the last part and is verified against the whole source.
    expect(result.quotes).toHaveLength(1);
    expect(result.source.text.slice(result.quotes[0]!.start, result.quotes[0]!.end)).toBe(
      result.quotes[0]!.text,
    );
    expect(result.quotes[0]!.start).toBeGreaterThan(result.source.text.length - 200);
  });

  it('GIVEN a long source THEN the job reports reading, then summarizing part k of n for every part', async () => {
    fake.setDefault((request) =>
      request.response_format?.type === 'json_schema' &&
      request.response_format.json_schema.name === 'MapOutput'
        ? fakeSteps.json({ points: ['x'], quotes: [] })
        : fakeSteps.json({ tldr: 't', bullets: [], quotes: [] }),
    );
    const stages: string[] = [];
    await pipelineAgainst(fake, { contextTokens: 8_000, maxParts: 20 }).summarize(
      { kind: 'text', text: longSource() },
      {},
      {
        onStage: (s) => {
          stages.push(s.stage === 'summarizing' && s.part ? `part ${s.part}/${s.parts}` : s.stage);
        },
      },
    );
    const parts = stages.filter((s) => s.startsWith('part '));
    expect(stages.slice(0, 2)).toEqual(['reading', 'summarizing']);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.sort()).toEqual(
      Array.from({ length: parts.length }, (_, i) => `part ${i + 1}/${parts.length}`).sort(),
    );
  });

  it('GIVEN every part fits in the prompt THEN no request carries more than the context budget', async () => {
    fake.setDefault((request) =>
      request.response_format?.type === 'json_schema' &&
      request.response_format.json_schema.name === 'MapOutput'
        ? fakeSteps.json({ points: ['x'], quotes: [] })
        : fakeSteps.json({ tldr: 't', bullets: [], quotes: [] }),
    );
    await pipelineAgainst(fake, { contextTokens: 8_000, maxParts: 20 }).summarize({
      kind: 'text',
      text: longSource(),
    });
    const { countTokens } = await import('../../src/core/tokens.ts');
    for (const request of fake.requests) {
      const prompt = request.messages.map((m) => m.content ?? '').join('\n');
      expect(countTokens(prompt)).toBeLessThan(8_000);
    }
  });

  it('GIVEN more parts than allowed THEN it fails with source_too_long before any model call', async () => {
    const pipeline = pipelineAgainst(fake, { contextTokens: 4_000, maxParts: 3 });
    await expect(pipeline.summarize({ kind: 'text', text: longSource() })).rejects.toMatchObject({
      code: 'source_too_long',
    });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('the pipeline without a model', () => {
  const pipeline = createPipeline({ llm: null });

  it('GIVEN the example article THEN the offline engine gives at least 3 verified quotes with speakers', async () => {
    const result = await pipeline.summarize({ kind: 'text', text: EXAMPLE });
    expect(result.meta.engine).toBe('offline');
    expect(result.meta.prompt).toMatch(/^offline@5\+[0-9a-f]{8}$/);
    const withSpeakers = result.quotes.filter((q) => q.speaker);
    expect(withSpeakers.length).toBeGreaterThanOrEqual(3);
    for (const quote of result.quotes)
      expect(result.source.text.slice(quote.start, quote.end)).toBe(quote.text);
  });

  it('GIVEN engine llm is asked for without a key THEN it says the model is not configured', async () => {
    await expect(
      pipeline.summarize({ kind: 'text', text: EXAMPLE }, { engine: 'llm' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('OPENAI_API_KEY'),
    });
  });
});
