import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { deployCommands } from './discord/runtime/deploy.ts';
import { loadCommands } from './discord/runtime/load-commands.ts';
import { describeLoginError } from './discord/runtime/startup-errors.ts';
import { OperatorError } from './shared/errors.ts';

/**
 * npm run deploy-commands: registers commands/ to DISCORD_GUILD_ID, or globally without it.
 * `-- --clear-guild` removes the set registered to DISCORD_GUILD_ID, which would otherwise
 * show every command twice in that server once the global set is registered too.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'clear-guild': { type: 'boolean', default: false } } });
  const config = loadConfig();
  if (!config.DISCORD_TOKEN)
    throw new ConfigError('DISCORD_TOKEN is not set; put the bot token in .env.');
  const clear = values['clear-guild'];
  if (clear && !config.DISCORD_GUILD_ID) {
    throw new ConfigError(
      '--clear-guild removes the commands registered to one server: set DISCORD_GUILD_ID to its id.',
    );
  }
  const commands = await loadCommands();
  const registered = await deployCommands({
    token: config.DISCORD_TOKEN,
    apiUrl: config.DISCORD_API_URL,
    guildId: config.DISCORD_GUILD_ID,
    commands,
    clear,
  }).catch((error: unknown) => {
    throw describeDeployError(error, config.DISCORD_GUILD_ID);
  });
  const names = registered.map((command) => command.name).join(', ');
  if (clear) {
    console.log(
      `Removed the commands registered to server ${config.DISCORD_GUILD_ID}; the global ones remain. Unset DISCORD_GUILD_ID to deploy globally from now on.`,
    );
  } else if (config.DISCORD_GUILD_ID) {
    console.log(
      `Registered ${registered.length} commands to server ${config.DISCORD_GUILD_ID}: ${names}. They are usable now. Once you deploy globally, run npm run deploy-commands -- --clear-guild so they do not show twice.`,
    );
  } else {
    console.log(
      `Registered ${registered.length} commands globally: ${names}. They are available at once; reload Discord (Ctrl+R) if they do not show.`,
    );
  }
}

/** Discord's answers an operator can act on, in words; anything else as it came. */
function describeDeployError(error: unknown, guildId: string | undefined): unknown {
  const { status, code } = error as { status?: number; code?: number };
  if (status === 401) return describeLoginError({ code: 'TokenInvalid' });
  if (status === undefined) return describeLoginError(error);
  if (code === 50001) {
    return new ConfigError(
      guildId
        ? `Discord answered Missing Access (50001) for server ${guildId}: invite the bot to that server with the applications.commands scope (docs/SETUP.md, step 4), or check DISCORD_GUILD_ID.`
        : 'Discord answered Missing Access (50001): check that DISCORD_TOKEN belongs to this application.',
    );
  }
  return error;
}

main().catch((error: unknown) => {
  // Operator mistakes get one clear sentence; anything else is a bug and keeps its stack.
  console.error(error instanceof OperatorError ? error.message : error);
  process.exitCode = 1;
});
