import { REST, type RESTPutAPIApplicationCommandsResult, Routes } from 'discord.js';
import type { Command } from '../command.ts';

export interface DeployOptions {
  token: string;
  apiUrl?: string;
  /** A server to register to (for development); global otherwise (every server and user). */
  guildId?: string;
  commands: Map<string, Command>;
  /** Register none: removes the set registered to `guildId` once the global set is in use. */
  clear?: boolean;
}

/** Replaces the application's commands with those in commands/ (a PUT, so removed ones go). */
export async function deployCommands(
  options: DeployOptions,
): Promise<RESTPutAPIApplicationCommandsResult> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  const body = options.clear
    ? []
    : [...options.commands.values()].map((command) => command.data.toJSON());
  const route = options.guildId
    ? Routes.applicationGuildCommands(application.id, options.guildId)
    : Routes.applicationCommands(application.id);
  return (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
}
