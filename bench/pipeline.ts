import { readFileSync } from 'node:fs';
import type { LlmClient, LlmRequest } from '../src/core/llm/types.ts';
import { summarizeOffline } from '../src/core/offline/index.ts';
import { createPipeline } from '../src/core/pipeline.ts';
import type { PipelineCache } from '../src/core/summarize/cache.ts';
import { countTokens } from '../src/core/tokens.ts';
import type { SummaryOutput } from '../src/shared/schemas.ts';
import { summarizeTimings, time } from './stats.ts';

const EXAMPLE = readFileSync(new URL('../examples/biden-putin-talks.txt', import.meta.url), 'utf8');

/** About 20,000 words of article text (the example's paragraphs, repeated). */
export function twentyThousandWords(): string {
  const paragraphs = EXAMPLE.split('\n\n').slice(4);
  const out: string[] = [];
  let words = 0;
  for (let i = 0; words < 20_000; i++) {
    const paragraph = paragraphs[i % paragraphs.length] ?? '';
    out.push(paragraph);
    words += paragraph.split(/\s+/).length;
  }
  return out.join('\n\n');
}

/**
 * A model that answers at once with an answer prepared beforehand (quotes the offline engine
 * found), so the figures are the pipeline's own work: loading, prompt rendering, token
 * counting, quote verification and tidying.
 */
function instantModel(answer: SummaryOutput, sent: string[]): LlmClient {
  return {
    model: 'instant',
    async complete<T>(request: LlmRequest<T>) {
      sent.push(request.messages.map((m) => m.content).join('\n'));
      return { value: answer as T, usage: { input: 0, output: 0 }, model: 'instant' };
    },
  };
}

const noCache: PipelineCache = {
  getResult: async () => null,
  putResult: async () => {},
  getSource: async () => null,
  putSource: async () => {},
};

export interface PipelineBench {
  input: string;
  words: number;
  articleTokens: number;
  promptTokens: number;
  overheadMedianMs: number;
  overheadP95Ms: number;
  offlineMedianMs: number;
}

export async function benchPipeline(): Promise<PipelineBench[]> {
  const rows: PipelineBench[] = [];
  for (const [name, text, rounds] of [
    ['example article', EXAMPLE, 50],
    ['20,000 words', twentyThousandWords(), 10],
  ] as const) {
    const sent: string[] = [];
    const answer = summarizeOffline(text, { length: 'medium', style: 'bullets' });
    // A context large enough for one call: the overhead of a single summarize request.
    const pipeline = createPipeline({
      llm: instantModel(answer, sent),
      cache: noCache,
      contextTokens: 128_000,
    });
    const overhead = summarizeTimings(
      await time(() => pipeline.summarize({ kind: 'text', text }), rounds),
    );
    const offline = summarizeTimings(
      await time(() => summarizeOffline(text, { length: 'medium', style: 'bullets' }), rounds),
    );
    rows.push({
      input: name,
      words: text.split(/\s+/).length,
      articleTokens: countTokens(text),
      promptTokens: countTokens(sent.at(-1) ?? ''),
      overheadMedianMs: overhead.median,
      overheadP95Ms: overhead.p95,
      offlineMedianMs: offline.median,
    });
  }
  return rows;
}
