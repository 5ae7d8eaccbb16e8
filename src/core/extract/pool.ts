import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import { UserError, type UserErrorCode } from '../../shared/errors.ts';
import type { ArticleDocument } from '../../shared/schemas.ts';
import { workerEntry } from '../worker-entry.ts';
import { EXTRACT_LIMITS, tooComplex } from './limits.ts';
import type { ExtractionRunner, ExtractTask } from './task.ts';
import type { WorkerReply, WorkerTask } from './worker.ts';

export interface ExtractionPoolOptions {
  /** Worker threads at most (default: the cores, up to 4). */
  threads?: number;
  timeLimitMs?: number;
  heapMb?: number;
  /** Tasks that may wait for a free worker; one more is refused as busy. */
  maxQueue?: number;
}

/** Up to four workers: extraction is CPU-bound, and the gateway's thread needs a core too. */
export function defaultExtractionThreads(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

export interface ExtractionPool extends ExtractionRunner {
  close(): Promise<void>;
  /** Workers alive now (started lazily, ended when idle). */
  readonly threads: number;
}

/**
 * HTML, PDF and Markdown extraction in worker threads (piscina), so a hostile page never
 * holds the thread that answers Discord. Each task has a wall-clock limit and each worker a
 * heap limit; piscina terminates a worker whose task is aborted or runs out of memory and
 * starts a fresh one for the next task.
 */
export function createExtractionPool(options: ExtractionPoolOptions = {}): ExtractionPool {
  const timeLimitMs = options.timeLimitMs ?? EXTRACT_LIMITS.timeLimitMs;
  const maxQueue = options.maxQueue ?? EXTRACT_LIMITS.maxQueue;
  const maxThreads = options.threads ?? defaultExtractionThreads();
  // Tasks accepted and not yet settled. Counted here rather than left to piscina alone, whose
  // count of free capacity moves while workers start, so "busy" means the same thing always:
  // every thread is reading and maxQueue more are waiting.
  let inFlight = 0;
  let piscina: Piscina | null = null;
  let starting: Promise<Piscina> | null = null;
  let closed = false;
  // Loaded and started on first use: a CLI reading a text file, or a bot that has not yet
  // read a page, neither starts a thread nor holds piscina in memory.
  const pool = async (): Promise<Piscina> => {
    if (closed) throw new Error('the extraction pool is closed');
    starting ??= import('piscina').then(({ Piscina }) => {
      piscina = new Piscina({
        ...workerEntry(import.meta.url),
        minThreads: 0,
        maxThreads,
        maxQueue,
        idleTimeout: 30_000,
        resourceLimits: {
          maxOldGenerationSizeMb: options.heapMb ?? EXTRACT_LIMITS.workerHeapMb,
          maxYoungGenerationSizeMb: 32,
        },
      });
      return piscina;
    });
    return starting;
  };

  const runTask = async (task: ExtractTask, signal?: AbortSignal): Promise<ArticleDocument> => {
    // The limit counts from when a worker starts the task, not from when it was queued or
    // while a fresh worker boots: ten pages at once must not time each other out.
    const timeLimit = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    port1.once('message', () => {
      // A late message must not start a timer that outlives the task (or the CLI).
      if (!settled) timer = setTimeout(() => timeLimit.abort(), timeLimitMs).unref();
    });
    port1.unref();
    let reply: WorkerReply;
    try {
      const message: WorkerTask = { ...task, started: port2 };
      reply = await (await pool()).run(message, {
        signal: signal ? AbortSignal.any([signal, timeLimit.signal]) : timeLimit.signal,
        transferList: [port2],
      });
    } catch (error) {
      // The job's own deadline or cancellation wins: the pipeline says why.
      if (signal?.aborted) throw signal.reason;
      if (timeLimit.signal.aborted) throw tooComplex('time_limit', what(task));
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw tooComplex('memory', what(task));
      }
      // piscina's error for a full queue has no code, only this message.
      if ((error as Error).message === PISCINA_QUEUE_FULL) throw busy(maxQueue);
      throw error;
    } finally {
      settled = true;
      clearTimeout(timer);
      port1.close();
    }
    if (reply.ok) return reply.document;
    throw new UserError(reply.code as UserErrorCode, reply.message, reply.details);
  };

  return {
    async run(task: ExtractTask, signal?: AbortSignal): Promise<ArticleDocument> {
      signal?.throwIfAborted();
      if (inFlight >= maxThreads + maxQueue) throw busy(maxQueue);
      inFlight++;
      try {
        return await runTask(task, signal);
      } finally {
        inFlight--;
      }
    },
    async close() {
      closed = true;
      await starting;
      await piscina?.close({ force: true });
      piscina = null;
    },
    get threads() {
      return piscina?.threads.length ?? 0;
    },
  };
}

const PISCINA_QUEUE_FULL = 'Task queue is at limit';

function busy(maxQueue: number): UserError {
  return new UserError('busy', 'Precis is busy reading other pages', {
    reason: 'extraction_queue_full',
    maxQueue,
  });
}

function what(task: ExtractTask): 'page' | 'PDF' {
  return task.kind === 'pdf' ? 'PDF' : 'page';
}
