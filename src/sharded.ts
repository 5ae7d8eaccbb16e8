import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import { createProgramLogger } from './app/logger.ts';
import { ConfigError, loadConfig } from './config.ts';
import { entryPoint } from './runtime-flags.ts';
import { OperatorError } from './shared/errors.ts';

/**
 * `npm run start:sharded`: one process per shard, each running main (built or from source). All state lives
 * in the database, so shards on several machines share one PostgreSQL (DATABASE_URL); each
 * machine runs its own SHARD_LIST out of the same SHARD_COUNT.
 */
const { logger, closeLogs } = createProgramLogger({ level: process.env.LOG_LEVEL || 'info' });

try {
  const config = loadConfig();
  if (!config.DISCORD_TOKEN)
    throw new ConfigError('DISCORD_TOKEN is required to run the bot; put the bot token in .env.');
  const main = entryPoint('main', import.meta.url);
  const manager = new ShardingManager(fileURLToPath(main.url), {
    token: config.DISCORD_TOKEN,
    totalShards: config.SHARD_COUNT === 'auto' ? 'auto' : config.SHARD_COUNT,
    ...(config.SHARD_LIST ? { shardList: config.SHARD_LIST } : {}),
    execArgv: main.execArgv,
    respawn: true,
  });
  // SIGTERM/SIGINT reach every shard (each stops gracefully, see main.ts) before this exits.
  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping every shard');
    const exited = [...manager.shards.values()].map(
      (shard) =>
        new Promise<void>((resolve) => {
          const child = shard.process;
          if (!child || child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          // kill() also drops the respawn listener, so a stopped shard stays stopped.
          shard.kill();
        }),
    );
    Promise.all(exited).finally(() => closeLogs().finally(() => process.exit(0)));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id }, 'shard launched');
    shard.on('death', () => logger.warn({ shard: shard.id }, 'shard process exited; respawning'));
  });
  const amount =
    config.SHARD_COUNT === 'auto' ? await recommendedShards(config) : config.SHARD_COUNT;
  await manager.spawn({ amount, delay: config.SHARD_SPAWN_DELAY_MS });
  logger.info({ shards: manager.totalShards }, 'all shards spawned');
} catch (error) {
  // Operator mistakes get one clear sentence; anything else is a bug and keeps its stack.
  if (error instanceof OperatorError) console.error(error.message);
  else logger.fatal({ err: error }, 'could not start the shards');
  process.exitCode = 1;
}

/** Discord's recommendation, asked of DISCORD_API_URL when set (discord.js would ask discord.com). */
async function recommendedShards(config: ReturnType<typeof loadConfig>): Promise<number> {
  const base = (config.DISCORD_API_URL ?? 'https://discord.com/api').replace(/\/$/, '');
  const response = await fetch(`${base}/v10/gateway/bot`, {
    headers: { authorization: `Bot ${config.DISCORD_TOKEN}` },
  });
  if (response.status === 401) throw new ConfigError('Discord rejected DISCORD_TOKEN.');
  if (!response.ok) throw new Error(`GET /gateway/bot answered ${response.status}`);
  const { shards } = (await response.json()) as { shards: number };
  return Math.max(1, shards);
}
