/**
 * A durable job queue: what the accepting process writes and what a worker takes. Payloads are
 * plain JSON, so any worker process on any machine can run a job written by any shard.
 */

/** What is written when a job is accepted. */
export interface NewJob {
  /** Unique per request (the interaction id): writing the same job twice queues it once. */
  id: string;
  /** Whom the job is fair to: jobs are taken so that a busy key cannot starve a quiet one. */
  key: string;
  payload: unknown;
}

/** A job as a worker receives it. */
export interface QueuedJob extends NewJob {
  acceptedAt: Date;
  startedAt: Date;
  /** 1 on the first run; more after a worker died holding it. */
  attempt: number;
}

export type JobHandler = (job: QueuedJob) => Promise<void>;

export interface JobWorker {
  /** Takes no new jobs and waits (up to graceMs) for the ones running here. */
  stop(options?: { graceMs?: number }): Promise<void>;
}

/** Queueing: what the accepting process writes and what a worker takes. */
export interface JobQueueing {
  readonly engine: 'sqlite' | 'pg-boss';
  enqueue(job: NewJob): Promise<void>;
  /** Runs jobs with `handler`, at most `concurrency` at once in this process. */
  work(handler: JobHandler, options: { concurrency: number }): Promise<JobWorker>;
  /** Resolves once no job is waiting and none runs in this process (tests and benches). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The delivery ledger kept with each job, so a job run again after a crash neither posts twice
 * nor asks the model again.
 */
export interface DeliveryLedger {
  /**
   * Records that a job's answer reached Discord. False when it already had, so a job retried
   * after a crash between delivering and finishing does not post twice.
   */
  markDelivered(id: string): Promise<boolean>;
  wasDelivered(id: string): Promise<boolean>;
  /**
   * Keeps a finished answer with its job (`part`: which answer, for a job with several) until
   * the job is done, so a run after a crash delivers it instead of making it again.
   */
  keepResult(id: string, part: number, result: unknown): Promise<void>;
  /** The answer kept by an earlier run of the job, or null. */
  keptResult(id: string, part: number): Promise<unknown | null>;
}

/** Both halves, as each engine implements them in its own database. */
export interface JobQueue extends JobQueueing, DeliveryLedger {}

/** Who holds a job: enough to tell, on the same machine, that its holder has died. */
export function workerIdentity(hostname: string, pid: number): string {
  return `${hostname}:${pid}`;
}
