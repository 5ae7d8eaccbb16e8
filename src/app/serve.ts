import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { startHealthServer } from '../ops/health-server.ts';
import type { BotServices } from './bot-services.ts';

/**
 * GET /health and /metrics when HTTP_PORT is set: the database is always checked, and
 * `checks` adds what only this program knows (the bot's gateway). A shard serves its own port.
 */
export async function serveHealth(
  config: Config,
  services: BotServices,
  options: { portOffset?: number; checks?: () => Record<string, boolean> } = {},
): Promise<{ port: number; close(): Promise<void> } | null> {
  if (config.HTTP_PORT === undefined) return null;
  return startHealthServer({
    port: config.HTTP_PORT + (options.portOffset ?? 0),
    host: config.HTTP_HOST,
    metrics: services.metrics,
    health: {
      checks: async () => ({
        ...options.checks?.(),
        database: await services.store.ping().then(
          () => true,
          () => false,
        ),
      }),
    },
  });
}

/**
 * On SIGINT or SIGTERM: stop the program's own work, then what the root opened, then the log,
 * then exit.
 */
export function stopOnSignal(
  logger: Logger,
  stops: {
    work(): Promise<void>;
    health: { close(): Promise<void> } | null;
    services: BotServices;
    /** The log's last lines, written within a bound (see createProgramLogger). */
    closeLogs(): Promise<unknown>;
  },
): void {
  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    stops
      .work()
      .then(() => stops.health?.close())
      .then(() => stops.services.close())
      .finally(() => stops.closeLogs().finally(() => process.exit(0)));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
