import { describe, expect, it } from 'vitest';
import {
  type CaseRun,
  caseMetrics,
  languageCompliance,
  lengthCompliance,
  outputHits,
  summarizeVersion,
} from '../../src/eval/metrics.ts';
import type { RecordedCall } from '../../src/eval/recordings.ts';
import { makeResult } from './results.ts';

const KEY = 'a'.repeat(64);
const validCall = (index: number, answer: unknown = { tldr: 'x', bullets: [], quotes: [] }) =>
  ({
    index,
    key: KEY,
    schemaName: 'SummaryOutput',
    answer,
    usage: { input: 10, output: 5 },
    model: 'm',
  }) satisfies RecordedCall;
const invalidCall = (index: number) =>
  ({
    index,
    key: KEY,
    schemaName: 'SummaryOutput',
    invalid: { raw: '{}', issues: ['tldr: required'] },
    usage: { input: 10, output: 1 },
    model: 'm',
  }) satisfies RecordedCall;

function run(overrides: Partial<CaseRun> = {}): CaseRun {
  return {
    article: { id: 'a1', length: 'medium', expectedLanguage: 'en', forbidden: [] },
    prompt: 'summarize@2',
    result: makeResult(),
    calls: [validCall(0)],
    error: null,
    ...overrides,
  };
}

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('caseMetrics', () => {
  it('GIVEN a first answer of the right shape THEN the case counts as schema-valid', () => {
    expect(caseMetrics(run()).firstAnswerValid).toBe(true);
  });

  it('GIVEN a first answer of the wrong shape and a good second one THEN the case is not schema-valid', () => {
    const metrics = caseMetrics(run({ calls: [invalidCall(0), validCall(1)] }));
    expect(metrics.firstAnswerValid).toBe(false);
  });

  it('GIVEN bullets with and without quote ids THEN only those with ids count as citing', () => {
    const result = makeResult({
      bullets: [
        { text: 'One.', quoteIds: ['q1'] },
        { text: 'Two.', quoteIds: [] },
        { text: 'Three.', quoteIds: ['q1'] },
      ],
    });
    const metrics = caseMetrics(run({ result }));
    expect([metrics.bulletsCiting, metrics.bullets]).toEqual([2, 3]);
  });

  it('GIVEN quotes with and without a speaker THEN it counts the ones with a speaker', () => {
    const result = makeResult({
      quotes: [
        { id: 'q1', text: 'We did it', speaker: 'Ann' },
        { id: 'q2', text: 'They did not', speaker: null },
      ],
    });
    expect(caseMetrics(run({ result })).quotesWithSpeaker).toBe(1);
  });

  it('GIVEN quotes the pipeline dropped THEN it reports them from the Result', () => {
    expect(caseMetrics(run({ result: makeResult({ droppedQuotes: 2 }) })).quotesDropped).toBe(2);
  });

  it('GIVEN a failed job THEN it keeps the error and fails length and language', () => {
    const metrics = caseMetrics(run({ result: null, error: 'the model refused' }));
    expect([metrics.error, metrics.length.ok, metrics.language.ok]).toEqual([
      'the model refused',
      false,
      false,
    ]);
  });

  it('GIVEN a failed job THEN its tokens are the sum of its calls', () => {
    const metrics = caseMetrics(
      run({ result: null, error: 'x', calls: [invalidCall(0), invalidCall(1)] }),
    );
    expect(metrics.tokens).toEqual({ input: 20, output: 2 });
  });
});

describe('lengthCompliance', () => {
  it('GIVEN a tldr within the medium preset THEN it complies', () => {
    expect(lengthCompliance(makeResult({ tldr: words(35) }), null, 'medium').ok).toBe(true);
  });

  it('GIVEN a tldr one word over the short preset THEN it names the overrun', () => {
    expect(lengthCompliance(makeResult({ tldr: words(26) }), null, 'short').problems).toEqual([
      'tldr 26/25 words',
    ]);
  });

  it('GIVEN a bullet over the long preset THEN it names the bullet', () => {
    const result = makeResult({ bullets: [{ text: words(31), quoteIds: [] }] });
    expect(lengthCompliance(result, null, 'long').problems).toEqual(['bullet 1 31/30 words']);
  });

  it('GIVEN a model answer with more bullets than the preset THEN it fails even though the Result was cut', () => {
    const answer = {
      tldr: 'x',
      bullets: Array.from({ length: 4 }, () => ({ text: 'b', quoteIds: [] })),
      quotes: [],
    };
    expect(lengthCompliance(makeResult(), answer, 'short').problems).toEqual([
      '4/3 bullets written',
    ]);
  });
});

describe('languageCompliance', () => {
  it('GIVEN an English summary where French was expected THEN it fails and says what it found', () => {
    const result = makeResult({
      tldr: 'The city has doubled the number of cyclists on its main roads in four years.',
    });
    expect(languageCompliance(result, 'fr')).toEqual({ expected: 'fr', detected: 'en', ok: false });
  });

  it('GIVEN a French summary where French was expected THEN it complies', () => {
    const result = makeResult({
      tldr: 'Le nombre de cyclistes a doublé en quatre ans sur les grands axes de la ville.',
      bullets: [{ text: 'La Métropole attribue la hausse aux pistes.', quoteIds: [] }],
    });
    expect(languageCompliance(result, 'fr').ok).toBe(true);
  });
});

describe('outputHits', () => {
  it('GIVEN @everyone in a bullet THEN it reports the mass mention', () => {
    const result = makeResult({ bullets: [{ text: 'Post @everyone now.', quoteIds: [] }] });
    expect(outputHits(result, [])).toEqual(['@everyone']);
  });

  it('GIVEN a forbidden host inside a shown quote THEN it reports it', () => {
    const result = makeResult({
      quotes: [{ id: 'q1', text: 'claim it at https://attacker.example/x', speaker: null }],
    });
    expect(outputHits(result, ['attacker.example'])).toEqual(['attacker.example']);
  });

  it('GIVEN a link in the summary text THEN it reports the link', () => {
    const result = makeResult({ tldr: 'Read more at https://example.org/more today.' });
    expect(outputHits(result, [])).toEqual(['https://example.org/more']);
  });

  it('GIVEN a clean summary THEN it reports nothing', () => {
    expect(outputHits(makeResult(), ['attacker.example'])).toEqual([]);
  });
});

describe('summarizeVersion', () => {
  it('GIVEN two cases THEN it adds up bullets citing a quote across them', () => {
    const one = caseMetrics(run());
    const two = caseMetrics(
      run({ result: makeResult({ bullets: [{ text: 'No evidence.', quoteIds: [] }] }) }),
    );
    expect(summarizeVersion('summarize@2', [one, two]).bulletsCiting).toEqual({
      count: 1,
      total: 2,
    });
  });

  it('GIVEN one case needing a re-ask THEN the schema-valid rate is one of two', () => {
    const one = caseMetrics(run());
    const two = caseMetrics(run({ calls: [invalidCall(0), validCall(1)] }));
    expect(summarizeVersion('summarize@1', [one, two]).schemaValid).toEqual({ count: 1, total: 2 });
  });
});
