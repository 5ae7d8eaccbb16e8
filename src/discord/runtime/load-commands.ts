import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { type Command, CommandModuleSchema } from '../command.ts';

const COMMANDS_DIR = new URL('../../../commands/', import.meta.url);

/**
 * Imports every commands/*.ts and checks its shape. A module that does not match is a startup
 * error naming the file, never a command that silently goes missing.
 */
export async function loadCommands(dir: URL = COMMANDS_DIR): Promise<Map<string, Command>> {
  const files = (await readdir(dir))
    .filter(
      (file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts') && !file.includes('.test.'),
    )
    .sort();
  const commands = new Map<string, Command>();
  for (const file of files) {
    const url = pathToFileURL(join(dir.pathname, file)).href;
    const module: unknown = await import(url);
    const parsed = CommandModuleSchema.safeParse(module);
    if (!parsed.success) {
      throw new Error(
        `commands/${file} is not a command module (expected a default export of { data, execute }):\n${z.prettifyError(parsed.error)}`,
      );
    }
    // The module itself, not Zod's copy: a copy of a builder loses its prototype.
    const command = (module as { default: Command }).default;
    if (commands.has(command.data.name)) {
      throw new Error(
        `commands/${file}: a command named "${command.data.name}" is already defined`,
      );
    }
    commands.set(command.data.name, command);
  }
  if (commands.size === 0) throw new Error(`no commands found in ${dir.pathname}`);
  return commands;
}
