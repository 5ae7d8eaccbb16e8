import type { JobQueue, QueuedJob } from '../../src/queue/types.ts';

/**
 * The queue as a worker that dies after delivering, before marking the job done, leaves it:
 * each job runs, its mark is lost, `between` may undo more of what the run wrote, and the job
 * runs again, as the next worker takes it.
 */
export function losingTheMark(
  queue: JobQueue,
  between: (job: QueuedJob) => Promise<void> = async () => {},
): JobQueue {
  const lost = new Set<string>();
  return {
    ...queue,
    async markDelivered(id) {
      if (lost.has(id)) return queue.markDelivered(id);
      lost.add(id);
      return true;
    },
    work: (handler, options) =>
      queue.work(async (job) => {
        await handler(job);
        await between(job);
        await handler({ ...job, attempt: job.attempt + 1 });
      }, options),
  };
}

/** Jobs reach the worker as if accepted `ms` earlier: they waited that long in the queue. */
export function acceptedEarlier(queue: JobQueue, ms: number): JobQueue {
  return {
    ...queue,
    work: (handler, options) =>
      queue.work(
        (job) => handler({ ...job, acceptedAt: new Date(job.acceptedAt.getTime() - ms) }),
        options,
      ),
  };
}
