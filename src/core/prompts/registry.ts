import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../shared/errors.ts';
import { isOutputSchemaName } from './output-schemas.ts';
import { type PromptFile, PromptFileError, parsePromptFile } from './prompt-file.ts';

export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../../prompts', import.meta.url));

export interface PromptRegistry {
  readonly all: readonly PromptFile[];
  /** The pinned version (`id@version`), or the highest active version of `id`. */
  resolve(id: string, pin?: string | null): PromptFile;
}

/** Loads every prompts/<id>/v<N>.md and fails loudly on the first inconsistency. */
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
    if (other) {
      throw new PromptFileError(
        prompt.path,
        `two active versions of "${prompt.id}": v${other.version} and v${prompt.version}`,
      );
    }
    active.set(prompt.id, prompt);
  }

  return {
    all: files,
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
