import 'dotenv/config';
import { isIP } from 'node:net';
import { z } from 'zod';
import { EXTRACT_LIMITS } from './core/extract/limits.ts';
import { allowHostProblem, parseAllowHosts } from './core/fetch/allow-list.ts';
import { OperatorError } from './shared/errors.ts';

/**
 * The whole environment, validated once at startup. A bad value stops the process with one
 * message that lists every problem, instead of failing later in the middle of a request.
 */
const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** 14 minutes: one below the 15-minute life of an interaction token. */
export const MAX_JOB_DEADLINE_MS = 14 * 60_000;

const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());

const ConfigSchema = z.object({
  OPENAI_API_KEY: optionalString,
  // The SDK speaks HTTP only; another scheme would fail every call as "try again later".
  OPENAI_BASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  LLM_MODEL: z.preprocess(emptyToUndefined, z.string().default('gpt-4o-mini')),
  LLM_STRUCTURED_OUTPUT: z.preprocess(
    emptyToUndefined,
    z.enum(['json_schema', 'json_object']).default('json_schema'),
  ),
  /** The model's context window in tokens; longer sources are summarized map-reduce. */
  LLM_CONTEXT_TOKENS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(2048).default(128000),
  ),
  LLM_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1000).default(30000)),
  /**
   * One deadline for a whole job: fetch, extraction, every model call and re-ask. Discord's
   * interaction token dies after 15 minutes; the cap leaves a minute to deliver or apologise.
   */
  JOB_DEADLINE_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1000).max(MAX_JOB_DEADLINE_MS).default(90000),
  ),
  /** Model calls in flight at once across all servers (shared fairly between servers). */
  LLM_CONCURRENCY: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(256).default(8),
  ),
  /** US dollars per million tokens, for cost estimates and budgets. */
  LLM_PRICE_INPUT_PER_MTOK: z.preprocess(emptyToUndefined, z.coerce.number().min(0).default(0.15)),
  LLM_PRICE_OUTPUT_PER_MTOK: z.preprocess(emptyToUndefined, z.coerce.number().min(0).default(0.6)),
  /** Tokens one Discord user may spend a day, everywhere together (servers, DMs); 0 = no limit. */
  USER_DAILY_TOKENS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).default(100_000),
  ),
  /** Tokens the whole bot may spend a day, every server and DM together; 0 = no cap. */
  DAILY_TOKEN_CAP: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).default(2_000_000),
  ),
  /** Serve GET /healthz and GET /metrics on this port; unset = no HTTP port. */
  HTTP_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).optional()),
  HTTP_HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  FETCH_ALLOW_HOSTS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('')
      .superRefine((value, context) => {
        for (const entry of parseAllowHosts(value)) {
          const problem = allowHostProblem(entry);
          if (problem) context.addIssue({ code: 'custom', message: problem });
        }
      }),
  ),
  /** Ports links may use; 80 and 443 unless an operator (or a test) allows more. */
  FETCH_ALLOW_PORTS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('80,443')
      .transform((value) =>
        value
          .split(',')
          .map((port) => port.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(
            z
              .string()
              .regex(/^\d{1,5}$/)
              .transform(Number)
              // A port past 65535 would not fail: WHATWG URLs drop it and every link reads as port 80.
              .pipe(z.number().int().min(1).max(65535)),
          )
          .min(1),
      ),
  ),
  /**
   * DNS servers links are looked up with (`1.1.1.1`, `10.0.0.2:5353`, `[::1]:53`); unset = the
   * system's, from /etc/resolv.conf. Tests point it at a loopback server.
   */
  DNS_SERVERS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((server) => server.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().refine(isDnsServer)).min(1))
      .optional(),
  ),
  // Checked here so a mistyped token ends with one line instead of a login attempt's stack.
  DISCORD_TOKEN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .regex(/^[\w-]{17,}\.[\w-]{5,}\.[\w-]{20,}$/)
      .optional(),
  ),
  DISCORD_API_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  DISCORD_GUILD_ID: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d{15,21}$/)
      .optional(),
  ),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .refine((value) => /^postgres(ql)?:\/\//i.test(value) && URL.canParse(value))
      .optional(),
  ),
  /** The SQLite file when DATABASE_URL is unset; the job queue lives in it too. */
  SQLITE_PATH: optionalString,
  /** Take jobs in this process (npm start); false on shards whose workers run apart. */
  RUN_WORKER: z.preprocess(
    emptyToUndefined,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .default('true')
      .transform((value) => ['true', '1', 'yes'].includes(value)),
  ),
  /** Jobs one process runs at once; model calls have their own limit, LLM_CONCURRENCY. */
  WORKER_CONCURRENCY: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(256).default(16),
  ),
  /** Threads that extract pages and PDFs; unset = one per core, up to 4. */
  EXTRACT_THREADS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(64).optional(),
  ),
  /** V8 heap of one extraction thread in MB; a page that needs more is refused. */
  EXTRACT_HEAP_MB: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(64).max(8192).default(EXTRACT_LIMITS.workerHeapMb),
  ),
  /** Time one extraction may take once a thread starts it; a page that takes longer is refused. */
  EXTRACT_TIME_LIMIT_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1000).max(MAX_JOB_DEADLINE_MS).default(EXTRACT_LIMITS.timeLimitMs),
  ),
  /** Pages that may wait for a free extraction thread; more are turned away as busy. */
  EXTRACT_MAX_QUEUE: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(100_000).default(EXTRACT_LIMITS.maxQueue),
  ),
  /** Seconds a worker may hold a job without renewing its lease before another takes it. */
  QUEUE_LEASE_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().min(1).default(30)),
  /** Read messages in the channels moderators set up (needs the Message Content intent). */
  AUTO_SUMMARIZE: z.preprocess(
    emptyToUndefined,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .default('false')
      .transform((value) => ['true', '1', 'yes'].includes(value)),
  ),
  /** How long article text (and anything holding it) is kept, in hours. */
  ARTICLE_TEXT_TTL_HOURS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .positive()
      .max(24 * 365)
      .default(24),
  ),
  /** Shards in total across every machine: a number, or auto (Discord's recommendation). */
  SHARD_COUNT: z.preprocess(
    emptyToUndefined,
    z.union([z.literal('auto'), z.coerce.number().int().min(1).max(4096)]).default('auto'),
  ),
  /** The shard ids this machine runs (e.g. 0,1); unset = all of them. */
  SHARD_LIST: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d+(,\d+)*$/)
      .transform((value) => value.split(',').map(Number))
      .optional(),
  ),
  /** Pause between spawning two shards (Discord allows one identify per 5 s per bucket). */
  SHARD_SPAWN_DELAY_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).default(5500),
  ),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Every variable the configuration reads; .env.example names each one. */
export const CONFIG_VARIABLES = Object.keys(ConfigSchema.shape) as (keyof Config)[];

export class ConfigError extends OperatorError {
  override readonly name = 'ConfigError';
}

const PORTAL = 'https://discord.com/developers/applications';

/** Variables whose value is a secret, or may hold one: an error names them, never shows them. */
const SECRETS = new Set<string>(['OPENAI_API_KEY', 'DISCORD_TOKEN']);

const EXPECTS: Partial<Record<keyof Config, string>> = {
  OPENAI_BASE_URL: 'an http:// or https:// URL such as https://api.openai.com/v1',
  DISCORD_TOKEN: `a bot token (three parts separated by dots): copy it from ${PORTAL} → your application → Bot → Reset Token`,
  DATABASE_URL: 'a URL such as postgres://user:password@host:5432/precis, or empty for SQLite',
  LLM_STRUCTURED_OUTPUT: 'json_schema or json_object',
  LLM_CONTEXT_TOKENS: 'a whole number of tokens, at least 2048',
  LLM_TIMEOUT_MS: 'milliseconds, at least 1000',
  JOB_DEADLINE_MS: `milliseconds from 1000 to ${MAX_JOB_DEADLINE_MS} (Discord's reply token lives 15 minutes)`,
  LLM_CONCURRENCY: 'a whole number from 1 to 256',
  LLM_PRICE_INPUT_PER_MTOK: 'US dollars per million input tokens, e.g. 0.15',
  LLM_PRICE_OUTPUT_PER_MTOK: 'US dollars per million output tokens, e.g. 0.6',
  HTTP_PORT: 'a port number',
  USER_DAILY_TOKENS: 'a whole number of tokens (0 = no limit)',
  DAILY_TOKEN_CAP: 'a whole number of tokens (0 = no cap)',
  DNS_SERVERS:
    'comma-separated IP addresses with an optional port, e.g. 1.1.1.1,10.0.0.2:5353,[::1]:53',
  FETCH_ALLOW_PORTS: 'comma-separated port numbers from 1 to 65535, e.g. 80,443,8080',
  LOG_LEVEL: 'one of fatal, error, warn, info, debug, trace, silent',
  ARTICLE_TEXT_TTL_HOURS: 'a number of hours, e.g. 24',
  AUTO_SUMMARIZE: 'true or false',
  RUN_WORKER: 'true or false',
  QUEUE_LEASE_SECONDS: 'seconds, at least 1',
  WORKER_CONCURRENCY: 'a whole number from 1 to 256',
  EXTRACT_THREADS: 'a whole number of threads from 1 to 64',
  EXTRACT_HEAP_MB: 'megabytes from 64 to 8192',
  EXTRACT_TIME_LIMIT_MS: `milliseconds from 1000 to ${MAX_JOB_DEADLINE_MS}`,
  EXTRACT_MAX_QUEUE: 'a whole number of pages from 1 to 100000',
  SHARD_COUNT: 'auto or a whole number of shards',
  SHARD_LIST: 'comma-separated shard ids, e.g. 0,1',
  SHARD_SPAWN_DELAY_MS: 'milliseconds',
  DISCORD_API_URL: 'a URL such as https://discord.com/api',
  DISCORD_GUILD_ID: 'a server id (a number of 15 to 21 digits)',
};

function shown(name: string, value: string): string {
  if (SECRETS.has(name)) return '(hidden)';
  return JSON.stringify(name === 'DATABASE_URL' ? withoutPassword(value) : value);
}

/** postgres://admin:hunter2@db/x -> postgres://admin:***@db/x, even in a URL that does not parse. */
export function withoutPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):[^@/?#]*@/i, '$1:***@');
}

/** `1.1.1.1`, `1.1.1.1:53`, `::1` or `[::1]:53`: what c-ares' setServers accepts. */
function isDnsServer(entry: string): boolean {
  if (isIP(entry) !== 0) return true;
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(entry);
  const host = match?.[1] ?? match?.[2];
  const port = Number(match?.[3]);
  return host !== undefined && isIP(host) !== 0 && port >= 1 && port <= 65535;
}

/** The extraction pool's limits, as the environment sets them. */
export function extractionPoolOptions(config: Config) {
  return {
    threads: config.EXTRACT_THREADS,
    heapMb: config.EXTRACT_HEAP_MB,
    timeLimitMs: config.EXTRACT_TIME_LIMIT_MS,
    maxQueue: config.EXTRACT_MAX_QUEUE,
  };
}

/** Reads the environment; throws one ConfigError that lists every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]) as keyof Config;
    const expects = EXPECTS[name];
    return `  ${name}=${shown(name, env[name] ?? '')}: ${expects ? `expected ${expects}` : issue.message}`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
