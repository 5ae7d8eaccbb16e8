import { createHash } from 'node:crypto';
import { UserError } from '../shared/errors.ts';
import { type DecidedOptions, isResolved, resolveSummarizeOptions } from '../shared/options.ts';
import type {
  ArticleDocument,
  KeptSource,
  Result,
  SummarizeInput,
  SummarizeOptions,
  SummaryOutput,
} from '../shared/schemas.ts';
import { createSourceChecker, type SourceChecker } from './checks/checker.ts';
import { type Deadline, startDeadline } from './deadline.ts';
import { relinkEvidence } from './grounding/apply.ts';
import { GROUNDING_VERSION } from './grounding/index.ts';
import { loadSource, providerOf, type SourceLoaders } from './inputs/index.ts';
import type { LlmClient } from './llm/types.ts';
import { OFFLINE_ENGINE_VERSION, summarizeOffline } from './offline/index.ts';
import { loadPromptRegistry, type PromptRegistry } from './prompts/registry.ts';
import { createMemoryCache, type PipelineCache } from './summarize/cache.ts';
import { summarizeWithLlm, type VerifiedSummary } from './summarize/llm-summary.ts';
import { mapParts } from './summarize/map-reduce.ts';
import {
  describeLanguage,
  describePageKind,
  LENGTH_PRESETS,
  STYLE_TEXT,
} from './summarize/presets.ts';
import { tidySummary } from './summarize/tidy.ts';

export interface JobContext {
  /** Aborts the whole job (the user went away, the process is stopping). */
  signal?: AbortSignal;
  /** Who the job is for (a server id), so model calls are shared fairly between servers. */
  queueKey?: string;
  /** The job's one deadline, started by whoever runs the job; without it the pipeline starts its own. */
  deadline?: Deadline;
  /**
   * Told as the job moves on, so a slow job can show where it is. A returned promise is
   * awaited before a step that holds the thread (checking the quotes of a long source), so the
   * stage can be shown while that step runs.
   */
  onStage?: (stage: JobStage) => void | Promise<void>;
}

/**
 * Where a job is: reading, summarizing (part k of n), checking quotes (against a long source,
 * or asking the model again for quotes it got wrong).
 */
export type JobStage =
  | { stage: 'reading' }
  | { stage: 'summarizing'; part?: number; parts?: number }
  | { stage: 'checking' };

/** The one entry the bot and the CLI call. */
export interface Pipeline {
  summarize(
    input: SummarizeInput,
    options?: SummarizeOptions,
    context?: JobContext,
  ): Promise<Result>;
  /**
   * Summarizes a source seen before (by `Result.source.sha256`) with other options, without
   * fetching again — the bot's Shorter / Longer / Translate / Key quotes buttons.
   * Throws UserError 'source_expired' when the source is no longer kept.
   */
  resummarize(sha256: string, options?: SummarizeOptions, context?: JobContext): Promise<Result>;
}

/** What every model call of one job carries. */
interface Job {
  signal: AbortSignal;
  queueKey?: string;
  onStage: (stage: JobStage) => void | Promise<void>;
}

/**
 * From this many characters of source on, checking the quotes is a stage of its own: the check
 * (in a worker thread, see createSourceChecker) takes about 0.2-0.4 s at this size on the 2-core
 * development machine and about a second at the 1,000,000-character cap. Below it the check is
 * over before any edit could show it.
 */
export const CHECKING_STAGE_FROM_CHARS = 200_000;

/** Called before quotes are checked against `text`; shows the stage when the check is long. */
function announceCheck(text: string, job: Job): () => Promise<void> {
  return async () => {
    if (text.length >= CHECKING_STAGE_FROM_CHARS) await job.onStage({ stage: 'checking' });
  };
}

export interface PipelineDeps extends SourceLoaders {
  /** null: no model configured, the offline engine answers. */
  llm: LlmClient | null;
  prompts?: PromptRegistry;
  cache?: PipelineCache;
  /** The model's context window; a source beyond what fits is summarized map-reduce. */
  contextTokens?: number;
  /** Checks quotes and claims against the source; long sources off the thread (see createSourceChecker). */
  checker?: SourceChecker;
  /** One deadline for the whole job, fetch and every model call included. */
  deadlineMs?: number;
  /** A source needing more parts than this is refused as too long. */
  maxParts?: number;
  now?: () => number;
}

const OFFLINE_REF = `offline@${OFFLINE_ENGINE_VERSION}+${sha256(`offline-engine-${OFFLINE_ENGINE_VERSION}`).slice(0, 8)}`;
/** Room for the prompt's own instructions and the title around the article. */
const PROMPT_OVERHEAD_TOKENS = 800;

export function createPipeline(deps: PipelineDeps): Pipeline {
  const prompts = deps.prompts ?? loadPromptRegistry();
  const cache = deps.cache ?? createMemoryCache();
  const now = deps.now ?? (() => performance.now());
  const deadlineMs = deps.deadlineMs ?? 90_000;
  const checker = deps.checker ?? createSourceChecker();

  async function run(
    source: KeptSource,
    sha: string,
    options: DecidedOptions,
    job: Job,
    timingsMs: Record<string, number>,
    started: number,
  ): Promise<Result> {
    const engine = options.engine ?? (deps.llm ? 'llm' : 'offline');
    const llm = engine === 'llm' ? deps.llm : null;
    if (engine === 'llm' && !llm) {
      throw new UserError(
        'invalid_input',
        'No model is configured (OPENAI_API_KEY is not set); use the offline engine.',
      );
    }
    const promptRef = llm ? prompts.resolve('summarize', options.prompt).ref : OFFLINE_REF;
    const model = llm ? llm.model : 'offline-extractive';
    const key = [
      sha,
      promptRef,
      model,
      options.length,
      // The offline engine cannot translate: every language asked of it gives the same summary.
      (llm && options.language) || '-',
      options.style,
      options.quotesOnly,
      `grounding${GROUNDING_VERSION}`,
    ].join('|');

    const cached = await cache.getResult(key);
    // A Result kept from before summaries were checked has sentences nobody checked.
    const hit = cached?.meta.grounding ? cached : null;
    if (hit) {
      // The same text may have come from another link (an AMP copy, another server's post):
      // the answer is reused, but it must name and link to the source this user gave.
      const url = source.document.url;
      const provider = providerOf(source.kind);
      return {
        ...hit,
        source: { ...source.document, kind: source.kind, sha256: sha },
        summary: relinkEvidence(hit.summary, url, source.document.text),
        quotes: hit.quotes.map((quote) => ({ ...quote, link: provider.link(url, quote.text) })),
        meta: { ...hit.meta, cached: true, timingsMs: { ...timingsMs, totalMs: now() - started } },
      };
    }

    const shape = summaryShape(options);
    const summarizeStarted = now();
    job.onStage({ stage: 'summarizing' });
    // Every summary sentence is checked against the source; unsupported ones are re-asked, then dropped.
    const grounder = checker.grounder(source.document, options.language, job.signal);
    const verified = llm
      ? await summarizeDocument(llm, source.document, options, shape, job, grounder.reaskLines)
      : await offlineSummary(source.document, options, job, checker);
    timingsMs.summarizeMs = now() - summarizeStarted;

    const grounded = await grounder.apply(
      tidySummary(verified.output, verified.quotes, source.document.text, shape.bullets),
    );
    const result: Result = {
      source: { ...source.document, kind: source.kind, sha256: sha },
      summary: grounded.summary,
      quotes: verified.quotes,
      meta: {
        engine: llm ? 'llm' : 'offline',
        prompt: promptRef,
        model: verified.model,
        tokens: verified.tokens,
        cached: false,
        droppedQuotes: verified.dropped,
        unverifiedSpeakers: verified.unverifiedSpeakers,
        reasks: verified.reasks,
        droppedClaims: grounded.droppedClaims,
        grounding: grounded.grounding,
        // Null is the source's language, which is all the offline engine writes in.
        language: llm ? options.language : null,
        length: options.length,
        style: options.style,
        timingsMs: { ...timingsMs, totalMs: now() - started },
      },
    };
    await cache.putResult(key, result);
    return result;
  }

  async function summarizeDocument(
    llm: LlmClient,
    document: ArticleDocument,
    options: DecidedOptions,
    shape: SummaryShape,
    job: Job,
    checkClaims: (output: SummaryOutput) => Promise<string[]>,
  ): Promise<VerifiedSummary> {
    const prompt = prompts.resolve('summarize', options.prompt);
    const title = document.title ?? 'unknown';
    const budget =
      (deps.contextTokens ?? 128_000) - prompt.model.maxOutputTokens - PROMPT_OVERHEAD_TOKENS;
    const call = (article: string, tokensSoFar = { input: 0, output: 0 }) =>
      summarizeWithLlm({
        llm,
        prompt,
        values: {
          article,
          title,
          length: shape.words,
          language: describeLanguage(options.language),
          style: STYLE_TEXT[options.style],
          quoteCount: String(shape.quotes),
          pageKind: describePageKind(document.pageType),
        },
        sourceText: document.text,
        url: document.url,
        checker,
        minQuotes: Math.min(2, shape.quotes),
        ...job,
        onCheck: announceCheck(document.text, job),
        onRecheck: () => job.onStage({ stage: 'checking' }),
        checkClaims,
      }).then((summary) => ({
        ...summary,
        // The prompt asks for at most this many; an answer with hundreds keeps the first ones.
        quotes: summary.quotes.slice(0, shape.quotes),
        tokens: {
          input: summary.tokens.input + tokensSoFar.input,
          output: summary.tokens.output + tokensSoFar.output,
        },
      }));

    // A token is at least one byte, so a text of fewer bytes than the budget fits without
    // counting; the tokenizer (tens of MB) is loaded only for texts that might not fit.
    const tokenizer = () => import('./tokens.ts');
    const articleTokens = async () => (await tokenizer()).countTokens(document.text);
    if (Buffer.byteLength(document.text) <= budget || (await articleTokens()) <= budget) {
      try {
        return await call(document.text);
      } catch (error) {
        // Our count and the provider's disagree (another tokenizer): split and try again.
        if (!(error instanceof UserError && error.code === 'source_too_long')) throw error;
        return mapReduce(Math.max(1024, Math.floor((await articleTokens()) / 2)));
      }
    }
    return mapReduce(budget);

    async function mapReduce(partTokens: number) {
      const parts = (await tokenizer()).splitByTokens(document.text, partTokens);
      const maxParts = deps.maxParts ?? 12;
      if (parts.length > maxParts) {
        throw new UserError(
          'source_too_long',
          `The text is too long to summarize (about ${await articleTokens()} tokens; the most is about ${maxParts * partTokens}).`,
        );
      }
      const mapped = await mapParts({
        llm,
        prompt: prompts.resolve('map'),
        parts,
        title,
        ...job,
        onPart: (part) => job.onStage({ stage: 'summarizing', part, parts: parts.length }),
      });
      return call(mapped.notes, mapped.tokens);
    }
  }

  /** The one deadline of a job: fetch, extraction and every model call run under it. */
  async function withDeadline<T>(context: JobContext | undefined, work: (job: Job) => Promise<T>) {
    const deadline = context?.deadline ?? startDeadline(deadlineMs, context?.signal);
    try {
      const onStage = context?.onStage ?? (() => {});
      const result = await work({ signal: deadline.signal, queueKey: context?.queueKey, onStage });
      // The deadline ends the job: a step that finished after it passed does not count.
      deadline.signal.throwIfAborted();
      return result;
    } catch (error) {
      throw deadline.explain(error);
    }
  }

  return {
    async summarize(input, options, context) {
      const resolved = resolvedOptions(options);
      return withDeadline(context, async (job) => {
        const started = now();
        job.onStage({ stage: 'reading' });
        const source = await loadSource(input, deps, job.signal);
        const timingsMs: Record<string, number> = { loadMs: now() - started };
        const sha = sha256(source.document.text);
        await cache.putSource(sha, source);
        return run(source, sha, resolved, job, timingsMs, started);
      });
    },
    async resummarize(sha, options, context) {
      const resolved = resolvedOptions(options);
      return withDeadline(context, async (job) => {
        const started = now();
        const source = await cache.getSource(sha);
        if (!source) throw new UserError('source_expired', 'That article is no longer kept.');
        return run(source, sha, resolved, job, { loadMs: 0 }, started);
      });
    },
  };
}

/**
 * Options resolved once upstream (the bot resolves a job's with resolveJobOptions) travel on
 * unchanged; a caller that gives some or none (the CLI, evals, tests) has the rest filled here
 * by the same schema.
 */
function resolvedOptions(options: SummarizeOptions | undefined): DecidedOptions {
  return options && isResolved(options) ? options : resolveSummarizeOptions(options ?? {});
}

/** What the length asks of a summary, read once: /quotes asks for a short summary and many quotes. */
interface SummaryShape {
  /** The length the prompt asks for, in words. */
  words: string;
  quotes: number;
  bullets: number;
}

function summaryShape(options: Pick<DecidedOptions, 'length' | 'quotesOnly'>): SummaryShape {
  const preset = LENGTH_PRESETS[options.length];
  return options.quotesOnly
    ? {
        words: LENGTH_PRESETS.short.words,
        quotes: LENGTH_PRESETS.long.quotes,
        bullets: preset.bullets,
      }
    : { words: preset.words, quotes: preset.quotes, bullets: preset.bullets };
}

async function offlineSummary(
  document: ArticleDocument,
  options: DecidedOptions,
  job: Job,
  checker: SourceChecker,
): Promise<VerifiedSummary> {
  const output = summarizeOffline(document.text, {
    length: options.length,
    style: options.style,
    quotesOnly: options.quotesOnly,
    title: document.title,
    pageType: document.pageType,
    posters: document.posters,
  });
  await announceCheck(document.text, job)();
  const verified = await checker.check(document.text, output.quotes, {
    url: document.url,
    signal: job.signal,
  });
  return {
    output,
    quotes: verified.quotes,
    dropped: verified.rejected.length,
    unverifiedSpeakers: verified.unverifiedSpeakers,
    reasks: 0,
    tokens: { input: 0, output: 0 },
    model: 'offline-extractive',
  };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
