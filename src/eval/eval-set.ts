import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SummarizeOptionsSchema } from '../shared/schemas.ts';

export const DEFAULT_EVAL_DIR = fileURLToPath(new URL('../../test/fixtures/eval', import.meta.url));

export const EVAL_LANGUAGES = ['en', 'fr', 'de', 'es'] as const;
export type EvalLanguage = (typeof EVAL_LANGUAGES)[number];

const EvalArticleSchema = z.strictObject({
  /** Stable name: recordings are filed under it. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
  /** What sort of text this is (news, opinion, interview, …), for the reader of the table. */
  kind: z.string().min(1),
  /** Path relative to the eval folder. */
  file: z.string().min(1),
  title: z.string().min(1),
  /** The article's own language. */
  lang: z.enum(EVAL_LANGUAGES),
  /** The pipeline's own default when unset. */
  length: SummarizeOptionsSchema.shape.length,
  /** The summary language the case asks for; null = the article's own. */
  outputLanguage: z.enum(EVAL_LANGUAGES).nullable().default(null),
  /** Text that must not reach the output (an injected link, a mass mention). */
  forbidden: z.array(z.string().min(1)).default([]),
  note: z.string().optional(),
});
export type EvalArticleSpec = z.infer<typeof EvalArticleSchema>;

const EvalSetSchema = z.strictObject({
  description: z.string().optional(),
  articles: z.array(EvalArticleSchema).min(1),
});

export interface EvalArticle extends EvalArticleSpec {
  text: string;
  /** The language the summary should be written in. */
  expectedLanguage: EvalLanguage;
}

/** Reads set.json and every article it names; fails on the first bad entry. */
export function loadEvalSet(dir: string = DEFAULT_EVAL_DIR): EvalArticle[] {
  const path = join(dir, 'set.json');
  const parsed = EvalSetSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`${path}: invalid eval set: ${problems.join('; ')}`);
  }
  const seen = new Set<string>();
  return parsed.data.articles.map((spec) => {
    if (seen.has(spec.id)) throw new Error(`${path}: article id "${spec.id}" appears twice`);
    seen.add(spec.id);
    const text = readFileSync(join(dirname(path), spec.file), 'utf8');
    return { ...spec, text, expectedLanguage: spec.outputLanguage ?? spec.lang };
  });
}
