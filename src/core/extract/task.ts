import { UserError } from '../../shared/errors.ts';
import type { ArticleDocument } from '../../shared/schemas.ts';
import { decodeBytes, looksBinary } from './decode.ts';

export type Kind = 'html' | 'pdf' | 'text' | 'markdown';

/** What a worker needs to extract one document: plain data, so it crosses threads. */
export interface ExtractTask {
  kind: Kind;
  bytes: Uint8Array;
  charset: string | null;
  url: string | null;
}

/** Runs HTML, PDF and Markdown extraction off the calling thread (see pool.ts). */
export interface ExtractionRunner {
  /** The document comes back already through safeDocument. */
  run(task: ExtractTask, signal?: AbortSignal): Promise<ArticleDocument>;
}

export function decodeText(bytes: Uint8Array, charset: string | null): string {
  const text = decodeBytes(bytes, { charset });
  if (looksBinary(text)) {
    throw new UserError('not_text', 'this is not a text file: it holds binary data', {
      reason: 'binary',
    });
  }
  return text;
}

export function nonEmpty(document: ArticleDocument): ArticleDocument {
  if (!document.text.trim()) {
    throw new UserError('could_not_read', 'could not read this file: it is empty', {
      reason: 'empty',
    });
  }
  return document;
}
