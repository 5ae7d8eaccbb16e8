import type { Bullet } from '../../shared/schemas.ts';
import { type GroundingReport, groundingFor, type RejectedClaim } from '../grounding/apply.ts';
import type { CandidateQuote, VerifiedQuotes } from '../quotes/verify-quotes.ts';
import { verifyQuotes } from '../quotes/verify-quotes.ts';
import { readSharedText, type SharedText } from './shared-text.ts';

/** The source as a task carries it: shared memory, or a string when it cannot be shared. */
export type TaskText = SharedText | string;

export interface GroundingDocument {
  url: string | null;
  lang: string | null;
}

/** One check, as plain data so it crosses threads. */
export type CheckTask =
  | { kind: 'quotes'; source: TaskText; candidates: CandidateQuote[]; url: string | null }
  | {
      kind: 'claims';
      source: TaskText;
      document: GroundingDocument;
      language: string | null;
      output: { tldr: string; bullets: Array<{ text: string }> };
    }
  | {
      kind: 'ground';
      source: TaskText;
      document: GroundingDocument;
      language: string | null;
      summary: { tldr: string; bullets: Bullet[] };
    };

export type CheckAnswer = VerifiedQuotes | RejectedClaim[] | GroundingReport;

/**
 * The last texts and grounders this thread used: a job's checks come one after another
 * (quotes, claims, maybe both again after a re-ask, then the final grounding), and decoding
 * and indexing a long source once instead of each time is most of their cost.
 */
const KEPT = 2;
const texts = new Map<number, string>();
const grounders = new Map<string, ReturnType<typeof groundingFor>>();

function remember<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const found = map.get(key);
  if (found !== undefined) {
    map.delete(key);
    map.set(key, found);
    return found;
  }
  const value = make();
  map.set(key, value);
  while (map.size > KEPT) map.delete(map.keys().next().value as K);
  return value;
}

function textOf(source: TaskText): string {
  return typeof source === 'string'
    ? source
    : remember(texts, source.id, () => readSharedText(source));
}

function grounderOf(task: Exclude<CheckTask, { kind: 'quotes' }>) {
  const document = { ...task.document, text: textOf(task.source) };
  if (typeof task.source === 'string') return groundingFor(document, task.language);
  const key = JSON.stringify([
    task.source.id,
    task.document.url,
    task.document.lang,
    task.language,
  ]);
  return remember(grounders, key, () => groundingFor(document, task.language));
}

/** The check worker's entry (piscina calls the default export once per task). */
export default async function runCheck(task: CheckTask): Promise<CheckAnswer> {
  switch (task.kind) {
    case 'quotes':
      return verifyQuotes(textOf(task.source), task.candidates, { url: task.url });
    case 'claims':
      return grounderOf(task).rejected(task.output);
    case 'ground':
      return grounderOf(task).apply(task.summary);
  }
}
