import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Piscina } from 'piscina';
import { QUOTE_LIMITS } from './limits.ts';
import type { CandidateQuote, VerifiedQuotes } from './verify-quotes.ts';
import { verifyQuotes } from './verify-quotes.ts';
import type { QuoteCheckTask } from './worker.ts';

/** Checks a model's quotes against the source without holding the calling thread for long. */
export interface QuoteChecker {
  check(
    sourceText: string,
    candidates: ReadonlyArray<CandidateQuote>,
    options: { url: string | null; signal?: AbortSignal },
  ): Promise<VerifiedQuotes>;
  close(): Promise<void>;
}

export interface QuoteCheckerOptions {
  /** Worker threads at most (default 1: checks are short, and extraction has its own pool). */
  threads?: number;
  /** Sources shorter than this are checked on the calling thread, where it takes milliseconds. */
  offThreadFromChars?: number;
}

/**
 * Checking a long source costs about a second at the 1,000,000-character cap (indexing its
 * words and attributing its quotes), so from QUOTE_LIMITS.offThreadFromChars on the check runs
 * in a piscina worker. The job's signal ends the worker's task: a deadline that passes during
 * a check ends the check too. Threads start on first use and end when idle, so a CLI run on a
 * short text never starts one.
 */
export function createQuoteChecker(options: QuoteCheckerOptions = {}): QuoteChecker {
  const offThreadFrom = options.offThreadFromChars ?? QUOTE_LIMITS.offThreadFromChars;
  let starting: Promise<Piscina> | null = null;
  let closed = false;
  const pool = (): Promise<Piscina> => {
    if (closed) throw new Error('the quote checker is closed');
    starting ??= import('piscina').then(
      ({ Piscina }) =>
        new Piscina({
          ...workerEntry(),
          minThreads: 0,
          maxThreads: options.threads ?? 1,
          idleTimeout: 30_000,
        }),
    );
    return starting;
  };
  return {
    async check(sourceText, candidates, { url, signal }) {
      signal?.throwIfAborted();
      if (sourceText.length < offThreadFrom) return verifyQuotes(sourceText, candidates, { url });
      const task: QuoteCheckTask = {
        sourceText,
        candidates: candidates.slice(0, QUOTE_LIMITS.maxQuotes).map(({ id, text, speaker }) => ({
          id,
          text,
          speaker,
        })),
        url,
      };
      try {
        return (await (await pool()).run(task, { signal })) as VerifiedQuotes;
      } catch (error) {
        // piscina's AbortError says nothing of why; the job's own reason does.
        if (signal?.aborted) throw signal.reason;
        throw error;
      }
    },
    async close() {
      closed = true;
      const piscina = await starting;
      await piscina?.close({ force: true });
    },
  };
}

/** worker.ts under tsx and vitest (with tsx's loader), worker.js once compiled. */
function workerEntry(): { filename: string; execArgv?: string[] } {
  const typescript = import.meta.url.endsWith('.ts');
  const filename = new URL(`./worker.${typescript ? 'ts' : 'js'}`, import.meta.url).href;
  if (!typescript) return { filename };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { filename, execArgv: ['--import', tsx] };
}
