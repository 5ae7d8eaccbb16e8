import { join } from 'node:path';
import type { LlmClient } from '../core/llm/types.ts';
import { createPipeline } from '../core/pipeline.ts';
import type { PromptFile } from '../core/prompts/prompt-file.ts';
import { loadPromptRegistry, type PromptRegistry } from '../core/prompts/registry.ts';
import { UserError } from '../shared/errors.ts';
import type { Result } from '../shared/schemas.ts';
import { observeCalls } from './call-log.ts';
import { DEFAULT_EVAL_DIR, type EvalArticle, loadEvalSet } from './eval-set.ts';
import { type CaseMetrics, caseMetrics, summarizeVersion, type VersionSummary } from './metrics.ts';
import { type RecordedFrom, type Recording, readRecording, writeRecording } from './recordings.ts';
import { createReplayClient } from './replay-client.ts';

/** By default, evals compare every summarize version the registry lists (not retired). */
export function defaultEvalPrompts(promptsDir?: string): string[] {
  return loadPromptRegistry(promptsDir).candidates('summarize');
}
/** The pipeline's own default context window. */
const DEFAULT_CONTEXT_TOKENS = 128_000;

export interface RunEvalOptions {
  /** Prompt versions to compare, `summarize@N`. Default: summarize@1 and summarize@2. */
  prompts?: readonly string[];
  /** replay (default): answers come from recordings. live: a real model is called. */
  mode?: 'replay' | 'live';
  /** live only: save every case's calls as a recording. */
  record?: boolean;
  /** live only: the model; default the configured endpoint (OPENAI_API_KEY, OPENAI_BASE_URL…). */
  llm?: LlmClient | ((article: EvalArticle, prompt: string) => LlmClient);
  /** What a written recording says it is; only the hand-authoring script says 'authored'. */
  origin?: Recording['origin'];
  /** Only these article ids (default: the whole set). */
  articles?: readonly string[];
  evalDir?: string;
  recordingsDir?: string;
  promptsDir?: string;
  /**
   * live only: the model's context window (default LLM_CONTEXT_TOKENS); it decides when
   * map-reduce starts. Replay uses the one stored in each recording.
   */
  contextTokens?: number;
  /** Keep every case's Result in the report (for tests and --json readers; large). */
  keepResults?: boolean;
  /** live only: the endpoint recordings name; default OPENAI_BASE_URL, else OpenAI's. */
  endpoint?: string;
  /** The day recordings are dated with; default now. */
  now?: () => Date;
}

/** Where one case's answers came from, as printed above the table. */
export interface CaseProvenance {
  prompt: string;
  article: string;
  /** live: answered by the model just now; recorded/authored: replayed from a recording. */
  origin: 'live' | Recording['origin'];
  recordedFrom?: RecordedFrom;
}

export interface EvalReport {
  mode: 'replay' | 'live';
  versions: VersionSummary[];
  cases: CaseMetrics[];
  /** Things worth knowing that do not stop the run (a prompt edited since it was recorded). */
  warnings: string[];
  /** Recording files written (record mode). */
  written: string[];
  /** Per case, where its answers came from. */
  provenance: CaseProvenance[];
  /** With keepResults: what each case produced, null when the job failed. */
  results: Array<{ article: string; prompt: string; result: Result | null }>;
}

export async function runEval(options: RunEvalOptions = {}): Promise<EvalReport> {
  const mode = options.mode ?? 'replay';
  if (options.record && mode !== 'live') {
    throw new Error('Recording needs a real model: use --live with --record.');
  }
  const evalDir = options.evalDir ?? DEFAULT_EVAL_DIR;
  const recordingsDir = options.recordingsDir ?? join(evalDir, 'recordings');
  const registry = loadPromptRegistry(options.promptsDir);
  const prompts = options.prompts?.length ? options.prompts : registry.candidates('summarize');
  const files = prompts.map((pin) => registry.resolve('summarize', pin));
  const articles = selectArticles(loadEvalSet(evalDir), options.articles);
  const live = mode === 'live' ? await liveClient(options.llm) : null;
  const liveContextTokens = options.contextTokens ?? live?.contextTokens ?? DEFAULT_CONTEXT_TOKENS;

  const report: EvalReport = {
    mode,
    versions: [],
    cases: [],
    warnings: [],
    written: [],
    provenance: [],
    results: [],
  };
  const endpoint = options.endpoint ?? live?.endpoint ?? 'unknown endpoint';
  const date = (options.now?.() ?? new Date()).toISOString().slice(0, 10);
  for (const [i, prompt] of prompts.entries()) {
    const file = files[i]!;
    const cases: CaseMetrics[] = [];
    for (const article of articles) {
      const run = await runCase({
        article,
        prompt,
        file,
        live,
        liveContextTokens,
        recordingsDir,
        registry,
        report,
      });
      const origin = options.origin ?? 'recorded';
      const recordedFrom =
        origin === 'recorded' && run.live
          ? { model: run.calls.at(-1)?.model ?? run.live.model, endpoint, date }
          : undefined;
      if (options.record) {
        report.written.push(
          writeRecording(recordingsDir, {
            format: 1,
            prompt,
            promptSha8: file.sha8,
            article: article.id,
            contextTokens: run.contextTokens,
            origin,
            ...(recordedFrom ? { recordedFrom } : {}),
            calls: run.calls,
          }),
        );
      }
      report.provenance.push(
        run.recording
          ? {
              prompt,
              article: article.id,
              origin: run.recording.origin,
              ...(run.recording.recordedFrom ? { recordedFrom: run.recording.recordedFrom } : {}),
            }
          : {
              prompt,
              article: article.id,
              origin: 'live',
              ...(recordedFrom ? { recordedFrom } : {}),
            },
      );
      cases.push(caseMetrics({ article, prompt, ...run }));
      if (options.keepResults)
        report.results.push({ article: article.id, prompt, result: run.result });
    }
    report.cases.push(...cases);
    report.versions.push(summarizeVersion(prompt, cases));
  }
  return report;
}

/**
 * Failures that are the model's doing, and so a figure of the prompt. Anything else (a bad
 * key, a quota, a server down) says nothing about the prompt: it stops the run, before a
 * whole set of useless recordings is written.
 */
const MODEL_FAILURES = new Set<string>(['invalid_output', 'refused', 'output_truncated']);

/** One article through one prompt version, answered live or from its recording. */
async function runCase(input: {
  article: EvalArticle;
  prompt: string;
  file: PromptFile;
  live: LiveModel | null;
  liveContextTokens: number;
  recordingsDir: string;
  registry: PromptRegistry;
  report: EvalReport;
}) {
  const { article, prompt, file } = input;
  const caseOptions = `length=${article.length};language=${article.outputLanguage ?? '-'}`;
  let inner: LlmClient;
  let contextTokens = input.liveContextTokens;
  let recording: Recording | null = null;
  if (input.live) {
    inner = input.live.llmFor(article, prompt);
  } else {
    recording = readRecording(input.recordingsDir, prompt, article.id);
    if (recording.promptSha8 !== file.sha8) {
      input.report.warnings.push(
        `${prompt} changed since "${article.id}" was recorded (sha8 ${recording.promptSha8} then, ${file.sha8} now): replaying the old answers; record again to measure the edit.`,
      );
    }
    inner = createReplayClient(recording, caseOptions);
    contextTokens = recording.contextTokens;
  }
  const observed = observeCalls(inner, caseOptions);
  const pipeline = createPipeline({ llm: observed.llm, prompts: input.registry, contextTokens });
  let result: Result | null = null;
  let error: string | null = null;
  try {
    result = await pipeline.summarize(
      { kind: 'text', text: article.text, title: article.title },
      { prompt, length: article.length, language: article.outputLanguage, engine: 'llm' },
    );
  } catch (caught) {
    if (!(caught instanceof UserError) || !MODEL_FAILURES.has(caught.code)) throw caught;
    error = caught.message;
  }
  return {
    result,
    error,
    calls: observed.calls,
    contextTokens,
    recording,
    live: input.live ? { model: inner.model } : null,
  };
}

function selectArticles(all: EvalArticle[], ids: readonly string[] | undefined): EvalArticle[] {
  if (!ids?.length) return all;
  const unknown = ids.filter((id) => !all.some((article) => article.id === id));
  if (unknown.length > 0) throw new Error(`Not in the eval set: ${unknown.join(', ')}`);
  return all.filter((article) => ids.includes(article.id));
}

interface LiveModel {
  llmFor: (article: EvalArticle, prompt: string) => LlmClient;
  contextTokens?: number;
  endpoint?: string;
}

/** The base URL as recordings show it: no credentials, no query. */
export function describeEndpoint(baseUrl: string | undefined): string {
  if (!baseUrl) return 'https://api.openai.com/v1';
  try {
    const url = new URL(baseUrl);
    url.username = '';
    url.password = '';
    url.search = '';
    url.hash = '';
    return url.href.replace(/\/$/, '');
  } catch {
    return 'unknown endpoint';
  }
}

async function liveClient(llm: RunEvalOptions['llm']): Promise<LiveModel> {
  if (typeof llm === 'function') return { llmFor: llm };
  if (llm) return { llmFor: () => llm };
  // Loaded only here: the config reads .env, which replay (what CI runs) must not need.
  const [{ loadConfig }, { createLlmFromConfig }] = await Promise.all([
    import('../config.ts'),
    import('../app/pipeline.ts'),
  ]);
  const config = loadConfig();
  const configured = createLlmFromConfig(config);
  if (!configured) {
    throw new Error(
      '--live needs a model endpoint: set OPENAI_API_KEY (and OPENAI_BASE_URL and LLM_MODEL for an endpoint other than OpenAI).',
    );
  }
  return {
    llmFor: () => configured,
    contextTokens: config.LLM_CONTEXT_TOKENS,
    endpoint: describeEndpoint(config.OPENAI_BASE_URL),
  };
}
