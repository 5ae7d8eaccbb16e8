import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../shared/errors.ts';
import { isOutputSchemaName } from './output-schemas.ts';
import { type PromptFile, PromptFileError, parsePromptFile } from './prompt-file.ts';
import { stepMismatch } from './steps.ts';

/** prompts/ beside package.json, found the same way from the sources and from the build. */
export const DEFAULT_PROMPTS_DIR = join(packageRoot(fileURLToPath(import.meta.url)), 'prompts');

function packageRoot(file: string): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${file}`);
  }
}

export interface PromptRegistry {
  readonly all: readonly PromptFile[];
  /** `id@version` of every version of `id` not retired, oldest first: what evals compare. */
  candidates(id: string): string[];
  /** The pinned version (`id@version`), or the highest active version of `id`. */
  resolve(id: string, pin?: string | null): PromptFile;
}

/**
 * Loads every prompts/<id>/v<N>.md and fails loudly on the first inconsistency. Releasing is
 * adding a file: the highest active version of an id is the default, so a release never
 * edits (and so never changes the sha8 of) a version already out.
 */
export function loadPromptRegistry(dir: string = DEFAULT_PROMPTS_DIR): PromptRegistry {
  const files: PromptFile[] = [];
  for (const id of readdirSync(dir, { withFileTypes: true })) {
    if (!id.isDirectory()) continue;
    for (const entry of readdirSync(join(dir, id.name))) {
      if (!entry.endsWith('.md')) continue;
      const path = join(dir, id.name, entry);
      const prompt = parsePromptFile(path, readFileSync(path, 'utf8'));
      if (!isOutputSchemaName(prompt.output)) {
        throw new PromptFileError(path, `unknown output schema "${prompt.output}"`);
      }
      const mismatch = stepMismatch(prompt);
      if (mismatch) throw new PromptFileError(path, mismatch);
      files.push(prompt);
    }
  }
  return createPromptRegistry(files);
}

function createPromptRegistry(files: PromptFile[]): PromptRegistry {
  const active = new Map<string, PromptFile>();
  for (const prompt of files) {
    if (prompt.status !== 'active') continue;
    const other = active.get(prompt.id);
    if (!other || other.version < prompt.version) active.set(prompt.id, prompt);
  }

  return {
    all: files,
    candidates: (id) =>
      files
        .filter((prompt) => prompt.id === id && prompt.status !== 'retired')
        .sort((a, b) => a.version - b.version)
        .map((prompt) => `${prompt.id}@${prompt.version}`),
    resolve(id, pin) {
      if (pin) {
        const match = /^([a-z][a-z0-9-]*)@(\d+)$/.exec(pin.trim());
        if (!match) {
          throw new UserError(
            'unknown_prompt',
            `"${pin}" is not a prompt version (expected id@version, e.g. summarize@1).`,
          );
        }
        const [, pinId, version] = match;
        if (pinId !== id) {
          throw new UserError(
            'unknown_prompt',
            `"${pin}" is a ${pinId} prompt; this step needs a ${id} prompt.`,
          );
        }
        const found = files.find((p) => p.id === id && p.version === Number(version));
        if (!found) throw new UserError('unknown_prompt', `There is no prompt ${pin}.`);
        return found;
      }
      const found = active.get(id);
      if (!found) throw new UserError('unknown_prompt', `There is no active ${id} prompt.`);
      return found;
    },
  };
}
