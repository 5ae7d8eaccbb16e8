import type { ArticleDocument } from '../../shared/schemas.ts';
import { boundHtml } from './bounded-html.ts';
import { decodeBytes } from './decode.ts';
import { extractHtml } from './html.ts';
import { extractPdf } from './pdf.ts';
import { decodeText, type ExtractTask, nonEmpty } from './task.ts';
import { extractMarkdown } from './text.ts';

/**
 * The kinds whose cost a hostile file can blow up — HTML, PDF and Markdown (its inline
 * syntax is matched by regular expressions) — so the extraction worker runs them. Static
 * imports: under tsx on Node 20 a worker can load TypeScript through require, not import().
 */
export async function extractCostly(task: ExtractTask): Promise<ArticleDocument> {
  switch (task.kind) {
    case 'pdf':
      return extractPdf(task.bytes, task.url);
    case 'markdown':
      return nonEmpty(extractMarkdown(decodeText(task.bytes, task.charset), task.url));
    default:
      return extractHtmlBytes(task.bytes, task.charset, task.url);
  }
}

/** A page's bytes as the worker reads them: decoded, capped in nesting and size, extracted. */
export function extractHtmlBytes(
  bytes: Uint8Array,
  charset: string | null,
  url: string | null,
): ArticleDocument {
  const html = decodeBytes(bytes, { charset, sniffMeta: true });
  return extractHtml(boundHtml(html, undefined, { cutInert: true }).html, url);
}
