import { readFileSync } from 'node:fs';
import { extractDocument } from '../src/core/extract/index.ts';
import { createPipeline, type JobContext, type Pipeline } from '../src/core/pipeline.ts';
import type {
  ArticleDocument,
  Result,
  SummarizeInput,
  SummarizeOptions,
} from '../src/shared/schemas.ts';

export const ARTICLE_URL = 'https://www.eurasiantimes.com/biden-putin-talks/';
export const ARTICLE_TEXT = readFileSync(
  new URL('./fixtures/biden-putin-talks.txt', import.meta.url),
  'utf8',
);

/**
 * The real pipeline on the offline engine; links resolve to the fixture article (or the text
 * `textFor` gives for the link), after `beforeLoad` resolves when given (a page that is slow
 * to arrive).
 */
export function createOfflinePipeline(
  options: { beforeLoad?: () => Promise<void>; textFor?: (url: string) => string } = {},
): Pipeline {
  return createPipeline({
    llm: null,
    loadUrl: async (url): Promise<ArticleDocument> => {
      await options.beforeLoad?.();
      const article = fixtureArticle(url);
      return options.textFor ? { ...article, text: options.textFor(url) } : article;
    },
    extractFile: (file) =>
      extractDocument({
        bytes: file.bytes,
        contentType: file.contentType,
        url: null,
        fileName: file.name,
      }),
  });
}

function fixtureArticle(url: string): ArticleDocument {
  return {
    url,
    title: 'Biden-Putin Talks Provide No Breakthrough in Ukraine Tensions',
    byline: null,
    siteName: 'EurAsian Times',
    lang: 'en',
    publishedAt: null,
    text: ARTICLE_TEXT,
  };
}

export interface PipelineCall {
  method: 'summarize' | 'resummarize';
  input: SummarizeInput | null;
  sha256: string | null;
  options: SummarizeOptions | undefined;
}

type Step =
  | { kind: 'fail'; error: unknown }
  | { kind: 'hold'; gate: Promise<void>; started: () => void }
  | { kind: 'transform'; transform: (result: Result) => Result };

/**
 * Wraps a pipeline so a test can script the next calls: fail with an error, wait until the
 * test releases it (a slow model, without sleeping), or rewrite the Result (huge, hostile).
 */
export class ScriptedPipeline implements Pipeline {
  readonly calls: PipelineCall[] = [];
  private readonly steps: Step[] = [];

  constructor(private readonly inner: Pipeline) {}

  failNext(error: unknown): void {
    this.steps.push({ kind: 'fail', error });
  }

  transformNext(transform: (result: Result) => Result): void {
    this.steps.push({ kind: 'transform', transform });
  }

  /** The next call waits for `release()`; `started` resolves when the call begins. */
  holdNext(): { release: () => void; started: Promise<void> } {
    let release = () => {};
    let started = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const startedPromise = new Promise<void>((resolve) => {
      started = resolve;
    });
    this.steps.push({ kind: 'hold', gate, started });
    return { release, started: startedPromise };
  }

  summarize(
    input: SummarizeInput,
    options?: SummarizeOptions,
    context?: JobContext,
  ): Promise<Result> {
    this.calls.push({ method: 'summarize', input, sha256: null, options });
    return this.run(() => this.inner.summarize(input, options, context));
  }

  resummarize(sha256: string, options?: SummarizeOptions, context?: JobContext): Promise<Result> {
    this.calls.push({ method: 'resummarize', input: null, sha256, options });
    return this.run(() => this.inner.resummarize(sha256, options, context));
  }

  private async run(call: () => Promise<Result>): Promise<Result> {
    const step = this.steps.shift();
    if (step?.kind === 'fail') throw step.error;
    if (step?.kind === 'hold') {
      step.started();
      await step.gate;
    }
    const result = await call();
    return step?.kind === 'transform' ? step.transform(result) : result;
  }
}
