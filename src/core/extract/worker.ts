import type { MessagePort } from 'node:worker_threads';
import { isUserError } from '../../shared/errors.ts';
import type { ArticleDocument } from '../../shared/schemas.ts';
import { extractCostly } from './costly-kinds.ts';
import { tooComplex } from './limits.ts';
import { safeDocument } from './safe-text.ts';
import type { ExtractTask } from './task.ts';

/** What crosses back to the main thread: a UserError loses its class in structured clone. */
export type WorkerReply =
  | { ok: true; document: ArticleDocument }
  | { ok: false; code: string; message: string; details: Record<string, unknown> };

/** A task and the port on which the worker says it has started (the time limit starts then). */
export type WorkerTask = ExtractTask & { started: MessagePort };

/** The extraction worker's entry (piscina calls the default export once per task). */
export default async function extractInWorker({
  started,
  ...task
}: WorkerTask): Promise<WorkerReply> {
  started.postMessage(null);
  started.close();
  try {
    // Controls, bidi overrides and zero-width characters never reach summaries or quotes.
    return { ok: true, document: safeDocument(await extractCostly(task)) };
  } catch (thrown) {
    // Bounding the DOM should make this impossible; if a page still overflows, it is the
    // page's fault, not a bug worth a crash.
    const error =
      thrown instanceof RangeError && /call stack/i.test(thrown.message)
        ? tooComplex('nesting', task.kind === 'pdf' ? 'PDF' : 'page')
        : thrown;
    if (!isUserError(error)) throw error;
    return { ok: false, code: error.code, message: error.message, details: error.details };
  }
}
