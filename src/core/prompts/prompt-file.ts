import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/**
 * One prompt version: `prompts/<id>/v<N>.md`, YAML front matter then a body split into
 * `system:` and `user:` parts. A released version is never edited; a change is a new file,
 * and the sha8 of the file makes an edit visible anyway.
 */
const PromptFrontMatterSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
  version: z.number().int().positive(),
  status: z.enum(['draft', 'active', 'retired']),
  description: z.string().min(1),
  model: z.strictObject({
    temperature: z.number().min(0).max(2),
    maxOutputTokens: z.number().int().positive(),
  }),
  /** The name of the Zod schema the answer must match (see output-schemas.ts). */
  output: z.string().min(1),
  /** Every variable the body uses. Untrusted ones are fenced by the renderer. */
  input: z.record(
    z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
    z.strictObject({ description: z.string().min(1), untrusted: z.boolean().default(false) }),
  ),
  changelog: z
    .array(z.strictObject({ version: z.number().int().positive(), note: z.string().min(1) }))
    .min(1),
});
export type PromptFrontMatter = z.infer<typeof PromptFrontMatterSchema>;

export interface PromptFile extends PromptFrontMatter {
  system: string;
  user: string;
  /** First 8 hex characters of the file's SHA-256. */
  sha8: string;
  /** `id@version+sha8`: what every Result, cache key and log line names. */
  ref: string;
  path: string;
}

export class PromptFileError extends Error {
  override readonly name = 'PromptFileError';
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/;
const SECTIONS = /^system:\s*\n([\s\S]*?)^user:\s*\n([\s\S]*)$/m;
export const VARIABLE = /\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g;

/** Parses and checks one prompt file's text. `path` is `…/<id>/v<N>.md`. */
export function parsePromptFile(path: string, source: string): PromptFile {
  const match = FRONT_MATTER.exec(source);
  if (!match) throw new PromptFileError(path, 'missing the --- front matter --- block');
  const [, yamlText = '', body = ''] = match;

  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    throw new PromptFileError(path, `front matter is not valid YAML: ${(error as Error).message}`);
  }
  const parsed = PromptFrontMatterSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join('.') || '(root)'}: ${i.message}`,
    );
    throw new PromptFileError(path, `invalid front matter: ${problems.join('; ')}`);
  }
  const front = parsed.data;

  const nameMatch = /(?:^|[\\/])([^\\/]+)[\\/]v(\d+)\.md$/.exec(path);
  if (!nameMatch) throw new PromptFileError(path, 'file must be named prompts/<id>/v<N>.md');
  if (nameMatch[1] !== front.id) {
    throw new PromptFileError(path, `folder "${nameMatch[1]}" disagrees with id "${front.id}"`);
  }
  if (Number(nameMatch[2]) !== front.version) {
    throw new PromptFileError(
      path,
      `file name v${nameMatch[2]} disagrees with version ${front.version}`,
    );
  }
  if (!front.changelog.some((entry) => entry.version === front.version)) {
    throw new PromptFileError(path, `changelog has no entry for version ${front.version}`);
  }

  const sections = SECTIONS.exec(body);
  if (!sections)
    throw new PromptFileError(path, 'body must have a "system:" part then a "user:" part');
  const system = (sections[1] ?? '').trim();
  const user = (sections[2] ?? '').trim();

  const used = new Set([...`${system}\n${user}`.matchAll(VARIABLE)].map((m) => m[1] ?? ''));
  const declared = new Set(Object.keys(front.input));
  const unknown = [...used].filter((name) => !declared.has(name));
  const unused = [...declared].filter((name) => !used.has(name));
  if (unknown.length > 0) {
    throw new PromptFileError(path, `uses undeclared variables: ${unknown.join(', ')}`);
  }
  if (unused.length > 0) {
    throw new PromptFileError(path, `declares variables it never uses: ${unused.join(', ')}`);
  }

  const sha8 = createHash('sha256').update(source).digest('hex').slice(0, 8);
  return { ...front, system, user, sha8, ref: `${front.id}@${front.version}+${sha8}`, path };
}
