import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { QUOTE_LIMITS } from '../../src/core/quotes/limits.ts';
import { fakeSteps, startFakeOpenAi } from '../../testkit/fake-openai.ts';
import { EXAMPLE, GOOD_ANSWER, pipelineAgainst } from '../../testkit/pipeline-helpers.ts';
import { rejectedWithUserError } from '../../testkit/user-error.ts';

const fake = await startFakeOpenAi();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

// A source that fits the context whole, so the model sees it in one call.
const wholeSource = { contextTokens: 10_000_000 };

/** 800 KB of one word, and an answer of 30 quotes of that word 500 times but the last. */
function hostileCase() {
  const page = 'a '.repeat(400_000);
  const quote = `${'a '.repeat(499)}b`;
  const quotes = Array.from({ length: 30 }, (_, i) => ({
    id: `q${i + 1}`,
    text: quote,
    speaker: null,
  }));
  return { page, answer: { ...GOOD_ANSWER, bullets: [], quotes } };
}

describe('a hostile answer against a repetitive page', () => {
  it('GIVEN 30 quotes of 500 repeated words THEN the check never holds the event loop', async () => {
    const { page, answer } = hostileCase();
    fake.setDefault(fakeSteps.json(answer));
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const result = await pipelineAgainst(fake, wholeSource).summarize({ kind: 'text', text: page });
    delay.disable();
    // Reading and tokenizing 800 KB on this thread is allowed; 28 s of matching is not.
    expect(delay.max / 1e6).toBeLessThan(1000);
    expect(result.quotes.length).toBeLessThanOrEqual(QUOTE_LIMITS.maxQuotes);
  }, 60_000);
});

describe('a long quote', () => {
  it('GIVEN a quote over 1,000 characters THEN it is cut and the summary kept', async () => {
    // 1,500 characters of the source, from the start of a sentence.
    const start = EXAMPLE.indexOf('. ', EXAMPLE.length - 1700) + 2;
    const long = EXAMPLE.slice(start, start + 1500);
    fake.setDefault(
      fakeSteps.json({
        ...GOOD_ANSWER,
        quotes: [{ id: 'q4', text: long, speaker: null }, ...GOOD_ANSWER.quotes],
      }),
    );
    const result = await pipelineAgainst(fake).summarize({ kind: 'text', text: EXAMPLE });
    const cut = result.quotes.find((quote) => quote.id === 'q4');
    expect(cut?.text.length).toBeGreaterThan(900);
    expect(cut?.text.length).toBeLessThanOrEqual(QUOTE_LIMITS.maxQuoteChars);
    expect(long.startsWith(cut?.text ?? '-')).toBe(true);
  });
});

describe('a job ended while its quotes are checked', () => {
  it('GIVEN the job is cancelled during the check THEN no summary is returned', async () => {
    const page = longPage(400_000);
    fake.setDefault(fakeSteps.json(GOOD_ANSWER));
    const cancel = new AbortController();
    const job = pipelineAgainst(fake, wholeSource).summarize(
      { kind: 'text', text: page },
      {},
      {
        signal: cancel.signal,
        onStage: (stage) => {
          if (stage.stage === 'checking') cancel.abort(new Error('the user went away'));
        },
      },
    );
    await expect(job).rejects.toThrow('the user went away');
  }, 60_000);

  it('GIVEN the deadline passes before the check THEN the job fails with the deadline', async () => {
    fake.setDefault(fakeSteps.json(GOOD_ANSWER));
    const job = pipelineAgainst(fake, { ...wholeSource, deadlineMs: 1_000 }).summarize(
      { kind: 'text', text: longPage(400_000) },
      {},
      {
        // The checking stage is awaited before the check; the deadline passes while it waits.
        onStage: (stage) =>
          stage.stage === 'checking'
            ? new Promise((resolve) => setTimeout(resolve, 1_500))
            : undefined,
      },
    );
    const error = await rejectedWithUserError(job);
    expect(error.code).toBe('deadline');
  }, 60_000);
});

/** The example article repeated (numbered, so no two parts are the same) to `chars`. */
function longPage(chars: number): string {
  let page = '';
  for (let n = 0; page.length < chars; n++) page += `Part ${n}. ${EXAMPLE}\n\n`;
  return page;
}
