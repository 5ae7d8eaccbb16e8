import { ConfigError, loadConfig } from './config.ts';
import { deployCommands } from './discord/runtime/deploy.ts';
import { loadCommands } from './discord/runtime/load-commands.ts';
import { describeLoginError } from './discord/runtime/startup-errors.ts';

/** npm run deploy-commands: registers commands/ to DISCORD_GUILD_ID, or globally without it. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DISCORD_TOKEN)
    throw new ConfigError('DISCORD_TOKEN is not set; put the bot token in .env.');
  const commands = await loadCommands();
  const registered = await deployCommands({
    token: config.DISCORD_TOKEN,
    apiUrl: config.DISCORD_API_URL,
    guildId: config.DISCORD_GUILD_ID,
    commands,
  }).catch((error: unknown) => {
    throw (error as { status?: number }).status === 401
      ? describeLoginError({ code: 'TokenInvalid' })
      : error;
  });
  const names = registered.map((command) => command.name).join(', ');
  console.log(
    config.DISCORD_GUILD_ID
      ? `Registered ${registered.length} commands to server ${config.DISCORD_GUILD_ID}: ${names}. They are usable now.`
      : `Registered ${registered.length} commands globally: ${names}. New global commands can take up to an hour to appear.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
