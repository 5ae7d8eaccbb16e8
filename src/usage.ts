import { parseArgs } from 'node:util';
import { openAppStore } from './app/open-store.ts';
import { ConfigError, loadConfig } from './config.ts';
import { OperatorError } from './shared/errors.ts';
import type { OperatorUsageReport, UsageTotals } from './store/index.ts';

/**
 * `npm run usage [-- --days 7] [-- --json]`: what the bot spent, read from its ledger, for the
 * operator. Every server, and the part no server's /usage shows: DMs and user installs.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { days: { type: 'string', default: '7' }, json: { type: 'boolean', default: false } },
  });
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 366) {
    throw new ConfigError(`--days ${values.days}: expected a whole number of days from 1 to 366`);
  }
  const config = loadConfig();
  // The store the bot writes, SQLITE_PATH included: opened as the composition root opens it.
  const store = await openAppStore(config);
  try {
    const report = await store.operatorReport({ days });
    const limits = {
      userDailyTokens: config.USER_DAILY_TOKENS,
      dailyTokenCap: config.DAILY_TOKEN_CAP,
    };
    const today = await store.tokensSpentToday();
    if (values.json) {
      console.log(JSON.stringify({ ...report, today: { tokens: today, ...limits } }, null, 2));
    } else {
      console.log(formatReport(report, days, today, limits));
    }
  } finally {
    await store.close();
  }
}

const tokens = (t: UsageTotals) => t.tokensIn + t.tokensOut;
const row = (name: string, t: UsageTotals) =>
  `  ${name.padEnd(24)} ${String(tokens(t)).padStart(10)} tokens  $${t.costUsd.toFixed(4).padStart(9)}  ${String(t.summaries).padStart(5)} summaries  ${String(t.cacheHits).padStart(5)} cache hits`;

function formatReport(
  report: OperatorUsageReport,
  days: number,
  today: number,
  limits: { userDailyTokens: number; dailyTokenCap: number },
): string {
  const cap =
    limits.dailyTokenCap > 0 ? ` of a daily cap of ${limits.dailyTokenCap}` : ' (no daily cap)';
  return [
    `Usage since ${report.from} (${days} day${days === 1 ? '' : 's'}, UTC)`,
    row('all', report.total),
    '',
    'By server',
    ...(report.byGuild.length === 0
      ? ['  (none)']
      : report.byGuild.map((g) => row(g.guildId ?? 'DMs and user installs', g))),
    '',
    'Top users',
    ...(report.byUser.length === 0
      ? ['  (none)']
      : report.byUser.slice(0, 10).map((u) => row(u.userId, u))),
    '',
    `Today: ${today} tokens${cap}; ${limits.userDailyTokens > 0 ? `${limits.userDailyTokens} per user` : 'no per-user limit'}.`,
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof OperatorError ? error.message : error);
  process.exitCode = 1;
});
