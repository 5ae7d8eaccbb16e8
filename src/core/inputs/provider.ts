import type { z } from 'zod';
import type { ArticleDocument, SummarizeInput } from '../../shared/schemas.ts';

/** How links and files become Documents; the composition root wires fetch and extraction in. */
export interface SourceLoaders {
  /** Fetches and extracts a link (guarded fetch -> extraction). */
  loadUrl?: (url: string, signal?: AbortSignal) => Promise<ArticleDocument>;
  /** Extracts an uploaded file (HTML, PDF, text, Markdown). */
  extractFile?: (
    file: { name: string; bytes: Uint8Array; contentType: string | null },
    signal?: AbortSignal,
  ) => Promise<ArticleDocument>;
}

/**
 * One kind of input: which inputs it reads, how it turns one into a Document, and how a quote
 * links back into the source it came from. A new kind is one file and a line in PROVIDERS.
 */
export interface InputProvider<K extends SummarizeInput['kind'] = SummarizeInput['kind']> {
  id: K;
  canHandle(input: SummarizeInput): input is Extract<SummarizeInput, { kind: K }>;
  load(
    input: Extract<SummarizeInput, { kind: K }>,
    loaders: SourceLoaders,
    signal?: AbortSignal,
  ): Promise<ArticleDocument>;
  /** A link to the passage in the source, or null where the source has no address. */
  link(url: string | null, passage: string): string | null;
  /**
   * The input as plain JSON, as a job queue carries it to a worker elsewhere; absent where the
   * input is not JSON (a file's bytes), and whoever queues such an input says how it travels.
   */
  wire?: z.ZodType<Extract<SummarizeInput, { kind: K }>>;
}

/** A Document of text that needs no extraction. */
export function textDocument(
  text: string,
  title: string | null,
  url: string | null,
): ArticleDocument {
  return { url, title, byline: null, siteName: null, lang: null, publishedAt: null, text };
}
