import type { JobStage } from '../../core/pipeline.ts';

/** How long a job runs before its reply shows where it is, and how often that may change. */
export const PROGRESS_AFTER_MS = 2_000;
export const PROGRESS_EVERY_MS = 1_000;

/** How every progress line starts, so it cannot be mistaken for an answer. */
export const PROGRESS_MARK = '⏳';

/** The words a deferred reply shows while the job is at `stage`. */
export function describeStage(stage: JobStage): string {
  if (stage.stage === 'reading') return `${PROGRESS_MARK} Reading the page…`;
  if (stage.stage === 'checking') return `${PROGRESS_MARK} Checking the quotes…`;
  if (stage.part !== undefined && stage.parts !== undefined) {
    return `${PROGRESS_MARK} Summarizing part ${stage.part} of ${stage.parts}…`;
  }
  return `${PROGRESS_MARK} Summarizing…`;
}

/** The longest a job waits for a progress edit before a step that holds the thread. */
const SHOW_BEFORE_BLOCKING_MS = 1_000;

/**
 * Turns stages into at most one edit a second, none before the job has run `afterMs`, and
 * none once the answer is on its way. Edits run one after another; `settle` waits for the last.
 * `report` resolves once an edit it could send at once has landed (at most a second): the
 * pipeline awaits it before work that holds the thread, which would otherwise hold the edit too.
 */
export function progressReporter(
  edit: (text: string) => Promise<void>,
  { afterMs = PROGRESS_AFTER_MS, everyMs = PROGRESS_EVERY_MS } = {},
) {
  const startedAt = performance.now();
  let lastEditAt = Number.NEGATIVE_INFINITY;
  let latest: JobStage | null = null;
  let shown: string | null = null;
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  let done = false;

  const flush = (): boolean => {
    timer = undefined;
    if (done || !latest) return false;
    const text = describeStage(latest);
    if (text === shown) return false;
    shown = text;
    lastEditAt = performance.now();
    chain = chain.then(() => edit(text)).catch(() => {});
    return true;
  };

  return {
    report(stage: JobStage): Promise<void> {
      if (done) return Promise.resolve();
      latest = stage;
      if (timer) return Promise.resolve();
      const now = performance.now();
      const wait = Math.max(startedAt + afterMs - now, lastEditAt + everyMs - now, 0);
      if (wait > 0) {
        timer = setTimeout(flush, wait);
        return Promise.resolve();
      }
      if (!flush()) return Promise.resolve();
      let bound: NodeJS.Timeout | undefined;
      return Promise.race([
        chain,
        new Promise<void>((resolve) => {
          bound = setTimeout(resolve, SHOW_BEFORE_BLOCKING_MS);
        }),
      ]).finally(() => clearTimeout(bound));
    },
    /** No more edits; resolves once one in flight has landed, so the answer comes after it. */
    async settle(): Promise<void> {
      done = true;
      clearTimeout(timer);
      await chain;
    },
  };
}
