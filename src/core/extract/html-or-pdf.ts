import type { ArticleDocument } from '../schemas.ts';
import { boundHtml } from './bounded-html.ts';
import { decodeBytes } from './decode.ts';
import { extractHtml } from './html.ts';
import type { ExtractTask } from './index.ts';
import { extractPdf } from './pdf.ts';

/**
 * The two costly kinds, with static imports: the extraction worker loads this file, and under
 * tsx on Node 20 a worker can only load TypeScript through require, not import().
 */
export async function extractHtmlOrPdf(task: ExtractTask): Promise<ArticleDocument> {
  if (task.kind === 'pdf') return extractPdf(task.bytes, task.url);
  const html = decodeBytes(task.bytes, { charset: task.charset, sniffMeta: true });
  return extractHtml(boundHtml(html).html, task.url);
}
