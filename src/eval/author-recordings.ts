/**
 * Turns the hand-written answers in test/fixtures/eval/authored/ into recordings, through the
 * same record path as `--live --record` (the real pipeline, the real prompts, the same call
 * log), with a stand-in model that gives the written answers in order. The committed
 * recordings were made this way because no real endpoint was reachable when the eval was
 * built; recordings of a real model replace them file by file.
 *
 *   npx tsx src/eval/author-recordings.ts [article-id …]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createAuthoredClient } from './authored-client.ts';
import { DEFAULT_EVAL_DIR } from './eval-set.ts';
import { defaultEvalPrompts, runEval } from './run-eval.ts';
import { renderNotes, renderTable } from './table.ts';

/** The model the answers imitate; the name goes into the recordings. */
export const AUTHORED_MODEL = 'gpt-4o-mini-2024-07-18';

/** Per prompt version, the answers in call order: an object (sent as JSON) or raw text. */
const AuthoredFileSchema = z.object({ note: z.string().optional() }).catchall(z.unknown());

export function authoredAnswers(evalDir: string, article: string, prompt: string): string[] {
  const path = join(evalDir, 'authored', `${article}.json`);
  const file = AuthoredFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const answers = z.array(z.unknown()).parse(file[prompt]);
  return answers.map((answer) => (typeof answer === 'string' ? answer : JSON.stringify(answer)));
}

/** The articles that still have hand-written answers (a real recording replaces them). */
export function authoredArticles(evalDir: string = DEFAULT_EVAL_DIR): string[] {
  return readdirSync(join(evalDir, 'authored'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length));
}

/** Records the authored answers of `articles` (default: all authored) into `recordingsDir`. */
export function authorRecordings(
  options: { evalDir?: string; recordingsDir?: string; articles?: string[] } = {},
) {
  const evalDir = options.evalDir ?? DEFAULT_EVAL_DIR;
  const authored = authoredArticles(evalDir);
  const articles = options.articles?.length ? options.articles : authored;
  const missing = articles.filter((id) => !authored.includes(id));
  if (missing.length > 0) {
    throw new Error(`No authored answers for ${missing.join(', ')} (test/fixtures/eval/authored/)`);
  }
  return runEval({
    prompts: defaultEvalPrompts(),
    mode: 'live',
    record: true,
    origin: 'authored',
    articles,
    evalDir,
    recordingsDir: options.recordingsDir,
    // The pipeline's default, so the long article is summarized in one call.
    contextTokens: 128_000,
    llm: (article, prompt) =>
      createAuthoredClient(authoredAnswers(evalDir, article.id, prompt), AUTHORED_MODEL),
  });
}

async function main(articles: string[]) {
  const report = await authorRecordings({ articles });
  console.log(renderTable(report.versions));
  for (const note of renderNotes(report.cases)) console.log(`  ${note}`);
  console.log(`wrote ${report.written.length} recordings`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
