import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryCache, type PipelineCache } from '../../src/core/summarize/cache.ts';
import { ResultSchema } from '../../src/shared/schemas.ts';
import { fakeSteps, startFakeOpenAi } from '../../testkit/fake-openai.ts';
import {
  EXAMPLE,
  GOOD_ANSWER,
  INVENTED_ANSWER,
  lastUserMessage,
  pipelineAgainst,
} from '../../testkit/pipeline-helpers.ts';

const fake = await startFakeOpenAi();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const input = { kind: 'text', text: EXAMPLE } as const;

describe('the pipeline with a model', () => {
  it('GIVEN a valid answer THEN every quote shows the source characters at its offsets', async () => {
    fake.push(fakeSteps.json(GOOD_ANSWER));
    const result = await pipelineAgainst(fake).summarize(input);
    expect(ResultSchema.parse(result)).toBeTruthy();
    expect(result.quotes).toHaveLength(3);
    for (const quote of result.quotes) {
      expect(result.source.text.slice(quote.start, quote.end)).toBe(quote.text);
    }
    expect(result.quotes[0]?.text).toContain('don’t endanger anyone');
    expect(result.quotes[1]?.text).toContain('Ukrainians… and we will bolster');
    expect(result.quotes[2]?.text).toContain('table,” he added, “the more');
  });

  it('GIVEN a valid answer THEN meta names the prompt id@version+sha8, the model and the tokens', async () => {
    fake.push(
      fakeSteps.json(GOOD_ANSWER, { usage: { prompt_tokens: 1500, completion_tokens: 200 } }),
    );
    const result = await pipelineAgainst(fake).summarize(input);
    expect(result.meta).toMatchObject({
      engine: 'llm',
      model: 'fake-model',
      tokens: { input: 1500, output: 200 },
      cached: false,
      droppedQuotes: 0,
      reasks: 0,
    });
    expect(result.meta.prompt).toMatch(/^summarize@1\+[0-9a-f]{8}$/);
  });

  it('GIVEN invented quotes THEN the model is asked once more with the rejected quotes', async () => {
    fake.push(fakeSteps.json(INVENTED_ANSWER), fakeSteps.json(GOOD_ANSWER));
    const result = await pipelineAgainst(fake).summarize(input);
    expect(fake.requests).toHaveLength(2);
    expect(lastUserMessage(fake, 1)).toContain('not in the article word for word');
    expect(lastUserMessage(fake, 1)).toContain('We will send weapons to Ukraine tomorrow morning');
    expect(result.quotes).toHaveLength(3);
    expect(result.meta.reasks).toBe(1);
  });

  it('GIVEN invented quotes THEN the job reports checking the quotes before asking again', async () => {
    fake.push(fakeSteps.json(INVENTED_ANSWER), fakeSteps.json(GOOD_ANSWER));
    const stages: string[] = [];
    await pipelineAgainst(fake).summarize(
      input,
      {},
      {
        onStage: (s) => {
          stages.push(s.stage);
        },
      },
    );
    expect(stages).toEqual(['reading', 'summarizing', 'checking']);
  });

  it('GIVEN invented quotes twice THEN no invented quote is shown and the drops are counted', async () => {
    fake.push(fakeSteps.json(INVENTED_ANSWER), fakeSteps.json(INVENTED_ANSWER));
    const result = await pipelineAgainst(fake).summarize(input);
    expect(result.quotes).toEqual([]);
    expect(result.meta.droppedQuotes).toBe(3);
    expect(result.summary.bullets.flatMap((b) => b.quoteIds)).toEqual([]);
  });

  it('GIVEN a paraphrased quote among good ones THEN only the paraphrase is dropped', async () => {
    const answer = structuredClone(GOOD_ANSWER);
    answer.quotes[0]!.text =
      "the Russian forces are on their own land, and they don't endanger anyone";
    fake.push(fakeSteps.json(answer));
    const result = await pipelineAgainst(fake).summarize(input);
    expect(result.quotes.map((q) => q.id)).toEqual(['q2', 'q3']);
    expect(result.meta.droppedQuotes).toBe(1);
    expect(result.summary.bullets[1]?.quoteIds).toEqual([]);
  });

  it('GIVEN an answer of the wrong shape THEN the re-ask carries the validation errors', async () => {
    fake.push(fakeSteps.json({ summary: 'no' }), fakeSteps.json(GOOD_ANSWER));
    const result = await pipelineAgainst(fake).summarize(input);
    expect(lastUserMessage(fake, 1)).toContain('does not match the required shape');
    expect(lastUserMessage(fake, 1)).toContain('tldr');
    expect(fake.requests[1]?.messages.at(-2)).toMatchObject({
      role: 'assistant',
      content: '{"summary":"no"}',
    });
    expect(result.meta.reasks).toBe(1);
  });

  it('GIVEN a re-ask THEN the tokens of the rejected answer are counted too', async () => {
    fake.push(
      fakeSteps.json({ summary: 'no' }, { usage: { prompt_tokens: 100, completion_tokens: 10 } }),
      fakeSteps.json(GOOD_ANSWER, { usage: { prompt_tokens: 120, completion_tokens: 50 } }),
    );
    const result = await pipelineAgainst(fake).summarize(input);
    expect(result.meta.tokens).toEqual({ input: 220, output: 60 });
  });

  it('GIVEN an answer that is not JSON twice THEN it fails with invalid_output after two calls', async () => {
    fake.push(fakeSteps.content('Sure! Here is a summary.'), fakeSteps.content('Still not JSON'));
    await expect(pipelineAgainst(fake).summarize(input)).rejects.toMatchObject({
      code: 'invalid_output',
    });
    expect(fake.requests).toHaveLength(2);
  });

  it('GIVEN a refusal THEN it fails with refused', async () => {
    fake.push(fakeSteps.refusal());
    await expect(pipelineAgainst(fake).summarize(input)).rejects.toMatchObject({ code: 'refused' });
  });

  it('GIVEN an injected link in the summary THEN the link does not reach the Result', async () => {
    const answer = structuredClone(GOOD_ANSWER);
    answer.tldr = 'Talks failed. Visit https://attacker.example/claim now.';
    fake.push(fakeSteps.json(answer));
    const result = await pipelineAgainst(fake).summarize(input);
    expect(result.summary.tldr).not.toContain('attacker.example');
    expect(result.summary.tldr).toContain('[link removed]');
  });

  it('GIVEN more bullets than the length allows THEN the extra bullets are cut', async () => {
    const answer = structuredClone(GOOD_ANSWER);
    // Letters, not numbers: a number the article lacks would be re-asked by the grounding check.
    answer.bullets = Array.from('abcdefghi', (letter) => ({
      text: `Point ${letter}.`,
      quoteIds: [],
    }));
    fake.push(fakeSteps.json(answer));
    const result = await pipelineAgainst(fake).summarize(input, { length: 'short' });
    expect(result.summary.bullets).toHaveLength(3);
  });

  it('GIVEN the same source and options twice THEN the second answer comes from the cache', async () => {
    fake.push(fakeSteps.json(GOOD_ANSWER));
    const pipeline = pipelineAgainst(fake);
    await pipeline.summarize(input);
    const again = await pipeline.summarize(input);
    expect(fake.requests).toHaveLength(1);
    expect(again.meta.cached).toBe(true);
  });

  it('GIVEN a cached Result made before summaries were checked THEN it is summarized and checked again', async () => {
    fake.push(fakeSteps.json(GOOD_ANSWER), fakeSteps.json(GOOD_ANSWER));
    const memory = createMemoryCache();
    // What an older release kept: the same Result without the grounding record or evidence.
    const olderRelease: PipelineCache = {
      ...memory,
      getResult: async (key) => {
        const kept = await memory.getResult(key);
        if (!kept) return null;
        const { grounding: _, ...meta } = kept.meta;
        const bullets = kept.summary.bullets.map(({ text, quoteIds }) => ({ text, quoteIds }));
        return { ...kept, meta, summary: { tldr: kept.summary.tldr, bullets } };
      },
    };
    const pipeline = pipelineAgainst(fake, { cache: olderRelease });
    await pipeline.summarize(input);
    const again = await pipeline.summarize(input);
    expect(fake.requests).toHaveLength(2);
    expect(again.meta.cached).toBe(false);
    expect(again.meta.grounding).toBeDefined();
    expect(again.summary.bullets.every((bullet) => bullet.evidence)).toBe(true);
  });

  it('GIVEN the same text from another link THEN the cached answer names and links to that link', async () => {
    fake.push(fakeSteps.json(GOOD_ANSWER));
    const document = (url: string) => ({
      url,
      title: 'Talks',
      byline: null,
      siteName: null,
      lang: 'en',
      publishedAt: null,
      text: EXAMPLE,
    });
    const pipeline = pipelineAgainst(fake, { loadUrl: async (url) => document(url) });
    await pipeline.summarize({ kind: 'url', url: 'https://a.example/talks' });
    const again = await pipeline.summarize({ kind: 'url', url: 'https://b.example/amp/talks' });
    expect(again.meta.cached).toBe(true);
    expect(again.source.url).toBe('https://b.example/amp/talks');
    for (const quote of again.quotes)
      expect(quote.link).toMatch(/^https:\/\/b\.example\/amp\/talks#:~:text=/);
  });

  it('GIVEN a kept source THEN resummarize asks for another length without loading it again', async () => {
    fake.setDefault(fakeSteps.json(GOOD_ANSWER));
    const pipeline = pipelineAgainst(fake);
    const first = await pipeline.summarize(input);
    const longer = await pipeline.resummarize(first.source.sha256, { length: 'long' });
    expect(longer.meta.length).toBe('long');
    expect(longer.source.text).toBe(first.source.text);
    expect(lastUserMessage(fake, 1)).toContain('Ukraine');
  });

  it('GIVEN an unknown source hash THEN resummarize fails with source_expired', async () => {
    await expect(pipelineAgainst(fake).resummarize('0'.repeat(64))).rejects.toMatchObject({
      code: 'source_expired',
    });
  });

  it('GIVEN a language THEN the prompt asks for it by name', async () => {
    fake.push(fakeSteps.json(GOOD_ANSWER));
    await pipelineAgainst(fake).summarize(input, { language: 'fr' });
    expect(fake.requests[0]?.messages[0]?.content).toContain(
      'Write the tldr and the bullets in French',
    );
  });

  it('GIVEN a model that hangs THEN the job deadline ends it with a clear error', async () => {
    fake.push(fakeSteps.hang());
    const pipeline = pipelineAgainst(fake, { deadlineMs: 1_000 });
    await expect(pipeline.summarize(input)).rejects.toMatchObject({ code: 'deadline' });
  });

  it('GIVEN the provider says the source is too long THEN it is split and summarized map-reduce', async () => {
    fake.push(fakeSteps.contextTooLong());
    fake.setDefault((request) =>
      fakeSteps.json(
        request.response_format?.type === 'json_schema' &&
          request.response_format.json_schema.name === 'MapOutput'
          ? { points: ['A point.'], quotes: [] }
          : GOOD_ANSWER,
      ),
    );
    const result = await pipelineAgainst(fake).summarize(input);
    expect(fake.requests.length).toBeGreaterThanOrEqual(3);
    expect(result.quotes).toHaveLength(3);
  });

  it('GIVEN too little text THEN it fails with empty_input before any model call', async () => {
    await expect(
      pipelineAgainst(fake).summarize({ kind: 'text', text: 'Too short.' }),
    ).rejects.toMatchObject({
      code: 'empty_input',
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('GIVEN an unknown length THEN it fails with invalid_input', async () => {
    // @ts-expect-error: a caller outside TypeScript can send anything
    await expect(pipelineAgainst(fake).summarize(input, { length: 'huge' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
