import { readFile } from 'node:fs/promises';
import { createAppPipeline } from '../../src/app/pipeline.ts';
import { loadConfig } from '../../src/config.ts';
import type { Result, SummarizeInput } from '../../src/shared/schemas.ts';

export const EXAMPLE_PATH = 'examples/biden-putin-talks.txt';
export const HOSTILE_PATH = 'test/preview/fixtures/hostile-article.txt';

/** The offline engine's result for a file, as `npm run preview -- <file> --offline` makes it. */
export async function offlineResult(path: string): Promise<Result> {
  const input: SummarizeInput = {
    kind: 'file',
    name: path.split('/').pop() ?? path,
    bytes: new Uint8Array(await readFile(path)),
    contentType: 'text/plain',
  };
  return createAppPipeline(loadConfig({}), { offline: true }).summarize(input, {});
}
