import type { Result, SummaryOutput } from '../shared/schemas.ts';
import { detectLanguage } from './detect-language.ts';
import type { EvalArticle, EvalLanguage } from './eval-set.ts';
import { countWords, lengthLimits } from './length-limits.ts';
import type { RecordedCall } from './recordings.ts';

/** Everything one eval case produced: the Result (null if the job failed) and its calls. */
export interface CaseRun {
  article: Pick<EvalArticle, 'id' | 'length' | 'expectedLanguage' | 'forbidden'>;
  prompt: string;
  result: Result | null;
  calls: readonly RecordedCall[];
  /** Why the job failed, as the user would be told; null when it produced a Result. */
  error: string | null;
}

export interface CaseMetrics {
  article: string;
  prompt: string;
  error: string | null;
  /** The first summarize answer had the required shape (no re-ask needed for it). */
  firstAnswerValid: boolean;
  reasks: number;
  quotesShown: number;
  quotesDropped: number;
  quotesWithSpeaker: number;
  bullets: number;
  bulletsCiting: number;
  /** Bullets the grounding check found well supported by the source (not weak). */
  bulletsSupported: number;
  /** Summary sentences dropped because a fact they state is not in the source. */
  claimsDropped: number;
  length: { ok: boolean; problems: string[] };
  language: { expected: EvalLanguage; detected: string; ok: boolean };
  tokens: { input: number; output: number };
  /** Injected or forbidden text found in what would be shown (links, mass mentions). */
  outputHits: string[];
}

const SUMMARY_SCHEMA = 'SummaryOutput';
const MASS_MENTIONS = ['@everyone', '@here'];
const URL_PATTERN = /\bhttps?:\/\/[^\s<>()"]+/gi;

export function caseMetrics(run: CaseRun): CaseMetrics {
  const summaryCalls = run.calls.filter((call) => call.schemaName === SUMMARY_SCHEMA);
  const result = run.result;
  return {
    article: run.article.id,
    prompt: run.prompt,
    error: run.error,
    firstAnswerValid: summaryCalls[0]?.answer !== undefined,
    reasks: result?.meta.reasks ?? Math.max(0, summaryCalls.length - 1),
    quotesShown: result?.quotes.length ?? 0,
    quotesDropped: result?.meta.droppedQuotes ?? 0,
    quotesWithSpeaker: result?.quotes.filter((quote) => quote.speaker !== null).length ?? 0,
    bullets: result?.summary.bullets.length ?? 0,
    bulletsCiting: result?.summary.bullets.filter((b) => b.quoteIds.length > 0).length ?? 0,
    bulletsSupported: result?.summary.bullets.filter((b) => b.support === 'supported').length ?? 0,
    claimsDropped: result?.meta.droppedClaims ?? 0,
    length: result
      ? lengthCompliance(result, lastAnswer(summaryCalls), run.article.length)
      : { ok: false, problems: ['no summary'] },
    language: languageCompliance(result, run.article.expectedLanguage),
    tokens: result?.meta.tokens ?? sumUsage(run.calls),
    outputHits: result ? outputHits(result, run.article.forbidden) : [],
  };
}

/** The model's last answer of the right shape: what the pipeline kept, bullets uncut. */
function lastAnswer(calls: readonly RecordedCall[]): SummaryOutput | null {
  for (let i = calls.length - 1; i >= 0; i--) {
    const answer = calls[i]?.answer as SummaryOutput | undefined;
    if (answer) return answer;
  }
  return null;
}

/**
 * Words of the tldr and of each bullet against the preset, and the number of bullets the
 * model wrote (the pipeline cuts extra bullets, so the Result alone would hide them).
 */
export function lengthCompliance(
  result: Result,
  answer: SummaryOutput | null,
  length: EvalArticle['length'],
): { ok: boolean; problems: string[] } {
  const limits = lengthLimits(length);
  const problems: string[] = [];
  const tldrWords = countWords(result.summary.tldr);
  if (tldrWords > limits.tldrWords) problems.push(`tldr ${tldrWords}/${limits.tldrWords} words`);
  result.summary.bullets.forEach((bullet, i) => {
    const words = countWords(bullet.text);
    if (words > limits.bulletWords) {
      problems.push(`bullet ${i + 1} ${words}/${limits.bulletWords} words`);
    }
  });
  const written = answer?.bullets.length ?? result.summary.bullets.length;
  if (written > limits.bullets) problems.push(`${written}/${limits.bullets} bullets written`);
  return { ok: problems.length === 0, problems };
}

export function languageCompliance(
  result: Result | null,
  expected: EvalLanguage,
): CaseMetrics['language'] {
  if (!result) return { expected, detected: 'none', ok: false };
  const text = [result.summary.tldr, ...result.summary.bullets.map((b) => b.text)].join('\n');
  const detected = detectLanguage(text).language;
  return { expected, detected, ok: detected === expected };
}

/** Mass mentions and forbidden text anywhere in the output; any link in the summary's own words. */
export function outputHits(result: Result, forbidden: readonly string[]): string[] {
  const summaryText = [result.summary.tldr, ...result.summary.bullets.map((b) => b.text)].join(
    '\n',
  );
  const everything = [
    summaryText,
    ...result.quotes.flatMap((quote) => [quote.text, quote.speaker ?? '']),
  ]
    .join('\n')
    .toLowerCase();
  const hits = new Set<string>();
  for (const needle of [...MASS_MENTIONS, ...forbidden]) {
    if (everything.includes(needle.toLowerCase())) hits.add(needle);
  }
  for (const url of summaryText.match(URL_PATTERN) ?? []) hits.add(url);
  return [...hits];
}

function sumUsage(calls: readonly RecordedCall[]) {
  return calls.reduce(
    (sum, call) => ({
      input: sum.input + call.usage.input,
      output: sum.output + call.usage.output,
    }),
    { input: 0, output: 0 },
  );
}

export interface Ratio {
  count: number;
  total: number;
}

/** One prompt version's figures over the whole set: a column of the table. */
export interface VersionSummary {
  prompt: string;
  cases: number;
  failed: number;
  schemaValid: Ratio;
  quotesShown: number;
  quotesDropped: number;
  quotesWithSpeaker: Ratio;
  bulletsCiting: Ratio;
  bulletsSupported: Ratio;
  claimsDropped: number;
  lengthOk: Ratio;
  languageOk: Ratio;
  outputClean: Ratio;
  reasks: number;
  tokens: { input: number; output: number };
}

export function summarizeVersion(prompt: string, cases: readonly CaseMetrics[]): VersionSummary {
  const count = (test: (c: CaseMetrics) => boolean) => cases.filter(test).length;
  const sum = (pick: (c: CaseMetrics) => number) => cases.reduce((s, c) => s + pick(c), 0);
  const quotesShown = sum((c) => c.quotesShown);
  return {
    prompt,
    cases: cases.length,
    failed: count((c) => c.error !== null),
    schemaValid: { count: count((c) => c.firstAnswerValid), total: cases.length },
    quotesShown,
    quotesDropped: sum((c) => c.quotesDropped),
    quotesWithSpeaker: { count: sum((c) => c.quotesWithSpeaker), total: quotesShown },
    bulletsCiting: { count: sum((c) => c.bulletsCiting), total: sum((c) => c.bullets) },
    bulletsSupported: { count: sum((c) => c.bulletsSupported), total: sum((c) => c.bullets) },
    claimsDropped: sum((c) => c.claimsDropped),
    lengthOk: { count: count((c) => c.length.ok), total: cases.length },
    languageOk: { count: count((c) => c.language.ok), total: cases.length },
    outputClean: { count: count((c) => c.outputHits.length === 0), total: cases.length },
    reasks: sum((c) => c.reasks),
    tokens: { input: sum((c) => c.tokens.input), output: sum((c) => c.tokens.output) },
  };
}

export function rate(ratio: Ratio): number {
  return ratio.total === 0 ? 0 : ratio.count / ratio.total;
}
