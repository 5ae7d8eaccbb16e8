import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpenAiClient } from '../../src/core/llm/openai-client.ts';
import { authorRecordings } from '../../src/eval/author-recordings.ts';
import { readRecording } from '../../src/eval/recordings.ts';
import { runEval } from '../../src/eval/run-eval.ts';
import { renderProvenance, renderTitle } from '../../src/eval/table.ts';
import type { SummaryOutput } from '../../src/shared/schemas.ts';
import { type FakeOpenAi, fakeSteps, startFakeOpenAi } from '../../testkit/fake-openai.ts';

/** A valid answer for the sports article whose quotes are in it word for word. */
const SPORTS_ANSWER: SummaryOutput = {
  tldr: 'Ashford Rovers beat Carlow Town 2-1 after extra time to win their first cup since 1967.',
  bullets: [
    { text: 'Mensah set up both goals after coming on at half-time.', quoteIds: ['q1'] },
    { text: 'Ross scored the winner in the 112th minute.', quoteIds: ['q2'] },
  ],
  quotes: [
    {
      id: 'q1',
      text: 'We needed someone who would run at them',
      speaker: 'Ruth Callan',
    },
    { id: 'q2', text: 'I just had to hit the target', speaker: 'Jamie Ross' },
  ],
};

describe('the eval in record mode against an OpenAI-compatible endpoint', () => {
  let fake: FakeOpenAi;
  let dir: string;
  const llm = () =>
    createOpenAiClient({
      apiKey: 'sk-test',
      baseURL: fake.url,
      model: 'fake-model',
      structuredOutput: 'json_schema',
      timeoutMs: 5_000,
      maxRetries: 0,
    });
  const record = () =>
    runEval({
      prompts: ['summarize@2'],
      articles: ['sports-cup-final'],
      mode: 'live',
      record: true,
      llm: llm(),
      recordingsDir: dir,
      endpoint: fake.url,
      now: () => new Date('2026-12-02T05:00:00Z'),
    });

  beforeAll(async () => {
    fake = await startFakeOpenAi();
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
    dir = mkdtempSync(join(tmpdir(), 'precis-eval-record-'));
  });

  it('GIVEN --live --record THEN it writes the case recording under id@version', async () => {
    fake.push(fakeSteps.json(SPORTS_ANSWER));
    await record();
    expect(existsSync(join(dir, 'summarize@2', 'sports-cup-final.json'))).toBe(true);
  });

  it('GIVEN --live --record THEN the recording holds the answer, its usage and the model, marked as recorded', async () => {
    fake.push(
      fakeSteps.json(SPORTS_ANSWER, {
        usage: { prompt_tokens: 912, completion_tokens: 131 },
        model: 'fake-model-2025',
      }),
    );
    await record();
    const recording = readRecording(dir, 'summarize@2', 'sports-cup-final');
    expect(recording).toMatchObject({
      origin: 'recorded',
      prompt: 'summarize@2',
      calls: [
        {
          index: 0,
          answer: SPORTS_ANSWER,
          usage: { input: 912, output: 131 },
          model: 'fake-model-2025',
        },
      ],
    });
  });

  it('GIVEN --live --record THEN the recording says which model, at which endpoint, on which day', async () => {
    fake.push(fakeSteps.json(SPORTS_ANSWER, { model: 'fake-model-2025' }));
    await record();
    expect(readRecording(dir, 'summarize@2', 'sports-cup-final').recordedFrom).toEqual({
      model: 'fake-model-2025',
      endpoint: fake.url,
      date: '2026-12-02',
    });
  });

  it('GIVEN a replay of a real recording THEN the provenance names it and the title does not say authored', async () => {
    fake.push(fakeSteps.json(SPORTS_ANSWER, { model: 'fake-model-2025' }));
    await record();
    const replayed = await runEval({
      prompts: ['summarize@2'],
      articles: ['sports-cup-final'],
      recordingsDir: dir,
    });
    expect(renderProvenance(replayed.provenance)).toEqual([
      `summarize@2: 1 article recorded from fake-model-2025 at ${fake.url} on 2026-12-02, replayed`,
    ]);
    expect(renderTitle(replayed)).toBe('Eval (replayed recordings of a real model), 1 article');
  });

  it('GIVEN a recording marked recorded without recordedFrom THEN it is not a valid recording', () => {
    const path = join(dir, 'summarize@2', 'sports-cup-final.json');
    mkdirSync(join(dir, 'summarize@2'), { recursive: true });
    writeFileSync(
      path,
      JSON.stringify({
        format: 1,
        prompt: 'summarize@2',
        promptSha8: '00000000',
        article: 'sports-cup-final',
        contextTokens: 128000,
        origin: 'recorded',
        calls: [],
      }),
    );
    expect(() => readRecording(dir, 'summarize@2', 'sports-cup-final')).toThrow(
      'recordedFrom: a recorded recording must say recordedFrom',
    );
  });

  it('GIVEN a recording just made THEN replaying it reproduces the same figures', async () => {
    fake.push(fakeSteps.json(SPORTS_ANSWER));
    const live = await record();
    const replayed = await runEval({
      prompts: ['summarize@2'],
      articles: ['sports-cup-final'],
      recordingsDir: dir,
    });
    expect(replayed.versions).toEqual(live.versions);
  });

  it('GIVEN a first answer of the wrong shape THEN the recording keeps its raw text for the re-ask', async () => {
    fake.push(fakeSteps.content('{"summary": "no tldr here"}'), fakeSteps.json(SPORTS_ANSWER));
    await record();
    const [first] = readRecording(dir, 'summarize@2', 'sports-cup-final').calls;
    expect(first?.invalid?.raw).toBe('{"summary": "no tldr here"}');
  });

  it('GIVEN a recorded re-ask THEN replay asks again the same way and reports the same figures', async () => {
    fake.push(fakeSteps.content('{"summary": "no tldr here"}'), fakeSteps.json(SPORTS_ANSWER));
    const live = await record();
    const replayed = await runEval({
      prompts: ['summarize@2'],
      articles: ['sports-cup-final'],
      recordingsDir: dir,
    });
    expect([replayed.versions, replayed.cases[0]?.reasks]).toEqual([live.versions, 1]);
  });

  it('GIVEN a model that refuses THEN the case is reported as failed and the run goes on', async () => {
    fake.push(fakeSteps.refusal());
    const report = await record();
    expect(report.versions[0]?.failed).toBe(1);
  });

  it('GIVEN --record without --live THEN it refuses', async () => {
    await expect(runEval({ mode: 'replay', record: true })).rejects.toThrow(/--live with --record/);
  });
});

describe('the eval in live mode without a configured model', () => {
  beforeEach(() => {
    vi.stubEnv('OPENAI_API_KEY', '');
    return () => vi.unstubAllEnvs();
  });

  it('GIVEN no OPENAI_API_KEY THEN it says that --live needs one', async () => {
    await expect(runEval({ mode: 'live', articles: ['sports-cup-final'] })).rejects.toThrow(
      /--live needs a model endpoint: set OPENAI_API_KEY/,
    );
  });
});

describe('the committed recordings', () => {
  it('GIVEN the authored answers THEN recording them again gives exactly the committed files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precis-eval-authored-'));
    const { written } = await authorRecordings({ recordingsDir: dir });
    const committed = new URL('../fixtures/eval/recordings/', import.meta.url).pathname;
    const stale = written.filter((path) => {
      const name = relative(dir, path);
      return readFileSync(path, 'utf8') !== readFileSync(join(committed, name), 'utf8');
    });
    expect(stale, 'authored answers changed: run npx tsx src/eval/author-recordings.ts').toEqual(
      [],
    );
  });
});

describe('the eval over a source longer than the context window', () => {
  let fake: FakeOpenAi;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
    // Map steps get notes, the reduce step a summary whose quote is in the report verbatim.
    fake.setDefault((request) =>
      request.response_format?.type === 'json_schema' &&
      request.response_format.json_schema.name === 'MapOutput'
        ? fakeSteps.json({ points: ['Villages flooded.'], quotes: [] })
        : fakeSteps.json({
            tldr: 'Known weaknesses were left unfixed before the Fenmoor floods.',
            bullets: [{ text: 'The damage was not inevitable.', quoteIds: ['q1'] }],
            quotes: [
              {
                id: 'q1',
                text: 'The rain that fell in September 2023 was exceptional, but the damage it caused was not inevitable.',
                speaker: null,
              },
            ],
          }),
    );
  });
  afterAll(async () => {
    await fake.close();
  });

  it('GIVEN a map-reduce recording made with a small context THEN replay answers every part and matches', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precis-eval-long-'));
    const llm = createOpenAiClient({
      apiKey: 'sk-test',
      baseURL: fake.url,
      model: 'fake-model',
      structuredOutput: 'json_schema',
      maxRetries: 0,
    });
    const options = { prompts: ['summarize@2'], articles: ['long-flood-inquiry'] };
    const live = await runEval({
      ...options,
      mode: 'live',
      record: true,
      llm,
      recordingsDir: dir,
      contextTokens: 8_000,
    });
    const replayed = await runEval({ ...options, recordingsDir: dir });
    expect([replayed.versions, replayed.cases[0]?.quotesShown]).toEqual([live.versions, 1]);
  });
});

describe('the eval when the endpoint itself fails', () => {
  let fake: FakeOpenAi;
  beforeAll(async () => {
    fake = await startFakeOpenAi({ default: fakeSteps.badKey() });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('GIVEN a rejected key THEN the run stops instead of recording a failure per article', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precis-eval-badkey-'));
    const llm = createOpenAiClient({
      apiKey: 'sk-bad',
      baseURL: fake.url,
      model: 'fake-model',
      structuredOutput: 'json_schema',
      maxRetries: 0,
    });
    await expect(
      runEval({ prompts: ['summarize@2'], mode: 'live', record: true, llm, recordingsDir: dir }),
    ).rejects.toMatchObject({ code: 'bad_key' });
  });

  it('GIVEN a rejected key THEN no recording is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precis-eval-badkey-'));
    const llm = createOpenAiClient({
      apiKey: 'sk-bad',
      baseURL: fake.url,
      model: 'fake-model',
      structuredOutput: 'json_schema',
      maxRetries: 0,
    });
    await runEval({
      prompts: ['summarize@2'],
      mode: 'live',
      record: true,
      llm,
      recordingsDir: dir,
    }).catch(() => undefined);
    expect(existsSync(join(dir, 'summarize@2'))).toBe(false);
  });
});
