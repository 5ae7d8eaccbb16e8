import type { Piscina } from 'piscina';
import type { Bullet } from '../../shared/schemas.ts';
import {
  describeRejectedClaims,
  type GroundingReport,
  groundingFor,
  type RejectedClaim,
} from '../grounding/apply.ts';
import { QUOTE_LIMITS } from '../quotes/limits.ts';
import type { CandidateQuote, VerifiedQuotes } from '../quotes/verify-quotes.ts';
import { verifyQuotes } from '../quotes/verify-quotes.ts';
import { workerEntry } from '../worker-entry.ts';
import { shareText } from './shared-text.ts';
import type { CheckAnswer, CheckTask, GroundingDocument, TaskText } from './worker.ts';

/** The grounding of one job's summaries against its source (see groundingFor). */
export interface JobGrounder {
  /** The re-ask's lines about the answer's unsupported sentences; empty when all hold. */
  reaskLines(output: { tldr: string; bullets: Array<{ text: string }> }): Promise<string[]>;
  /** The summary with unsupported sentences removed and evidence on what is left. */
  apply(summary: { tldr: string; bullets: Bullet[] }): Promise<GroundingReport>;
}

/**
 * Checks a model's answer against the source — its quotes word for word, its sentences for
 * support — without holding the calling thread for long.
 */
export interface SourceChecker {
  check(
    sourceText: string,
    candidates: ReadonlyArray<CandidateQuote>,
    options: { url: string | null; signal?: AbortSignal },
  ): Promise<VerifiedQuotes>;
  grounder(
    document: GroundingDocument & { text: string },
    language: string | null,
    signal?: AbortSignal,
  ): JobGrounder;
  close(): Promise<void>;
}

export interface SourceCheckerOptions {
  /** Worker threads at most (default 1: checks are short, and extraction has its own pool). */
  threads?: number;
  /** Sources shorter than this are checked on the calling thread, where it takes milliseconds. */
  offThreadFromChars?: number;
}

/** Texts kept shared for the worker: a job's checks reuse its source's buffer. */
const SHARED_KEPT = 2;

/** A task before its text is shared: each kind of check with `text` in place of `source`. */
type TaskWithText<T = CheckTask> = T extends unknown ? Omit<T, 'source'> & { text: string } : never;

const pauseForEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Checking a long source costs about a second at the 1,000,000-character cap (indexing its
 * words for the quotes and its sentences for grounding, then attributing and matching), so
 * from QUOTE_LIMITS.offThreadFromChars on every check runs in a piscina worker, which gets the
 * text once in shared memory (see shareText). The job's signal ends the worker's task: a
 * deadline that passes during a check ends the check too. Threads start on first use and end
 * when idle, so a CLI run on a short text never starts one.
 */
export function createSourceChecker(options: SourceCheckerOptions = {}): SourceChecker {
  const offThreadFrom = options.offThreadFromChars ?? QUOTE_LIMITS.offThreadFromChars;
  let starting: Promise<Piscina> | null = null;
  let closed = false;
  const pool = (): Promise<Piscina> => {
    if (closed) throw new Error('the source checker is closed');
    starting ??= import('piscina').then(
      ({ Piscina }) =>
        new Piscina({
          ...workerEntry(import.meta.url),
          minThreads: 0,
          maxThreads: options.threads ?? 1,
          idleTimeout: 30_000,
        }),
    );
    return starting;
  };

  const shared = new Map<string, Promise<TaskText>>();
  const share = (text: string): Promise<TaskText> => {
    const found = shared.get(text);
    if (found) return found;
    const made = shareText(text, pauseForEvents);
    shared.set(text, made);
    while (shared.size > SHARED_KEPT) shared.delete(shared.keys().next().value as string);
    return made;
  };

  async function run<T extends CheckAnswer>(
    task: TaskWithText,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    signal?.throwIfAborted();
    const { text, ...rest } = task;
    const message = { ...rest, source: await share(text) } as CheckTask;
    try {
      return (await (await pool()).run(message, { signal })) as T;
    } catch (error) {
      // piscina's AbortError says nothing of why; the job's own reason does.
      if (signal?.aborted) throw signal.reason;
      throw error;
    }
  }

  return {
    async check(sourceText, candidates, { url, signal }) {
      signal?.throwIfAborted();
      if (sourceText.length < offThreadFrom) return verifyQuotes(sourceText, candidates, { url });
      return run<VerifiedQuotes>(
        {
          kind: 'quotes',
          text: sourceText,
          candidates: candidates.slice(0, QUOTE_LIMITS.maxQuotes).map(({ id, text, speaker }) => ({
            id,
            text,
            speaker,
          })),
          url,
        },
        signal,
      );
    },
    grounder(document, language, signal) {
      if (document.text.length < offThreadFrom) return groundingFor(document, language);
      const { text, url, lang } = document;
      return {
        async reaskLines(output) {
          const plain = {
            tldr: output.tldr,
            bullets: output.bullets.map((b) => ({ text: b.text })),
          };
          const rejected = await run<RejectedClaim[]>(
            { kind: 'claims', text, document: { url, lang }, language, output: plain },
            signal,
          );
          return describeRejectedClaims(rejected);
        },
        apply(summary) {
          return run<GroundingReport>(
            { kind: 'ground', text, document: { url, lang }, language, summary },
            signal,
          );
        },
      };
    },
    async close() {
      closed = true;
      shared.clear();
      const piscina = await starting;
      await piscina?.close({ force: true });
    },
  };
}
