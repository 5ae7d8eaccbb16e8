import type { APIEmbed } from 'discord.js';
import type { UsageReport, UsageTotals } from '../../store/index.ts';
import { LIMITS, truncate } from '../render/limits.ts';

const number = (n: number) => n.toLocaleString('en-US');
const dollars = (n: number) => `$${n < 1 ? n.toFixed(4) : n.toFixed(2)}`;

function line(t: UsageTotals): string {
  return `${number(t.tokensIn + t.tokensOut)} tokens · ${dollars(t.costUsd)} · ${number(t.summaries)} summaries (${number(t.cacheHits)} from cache)`;
}

/** /usage: totals, then by day and by user (top 15), within an embed's limits. */
export function renderUsageEmbed(report: UsageReport, days: number): APIEmbed {
  const byDay = report.byDay.map((d) => `\`${d.day}\` ${line(d)}`);
  const byUser = report.byUser.slice(0, 15).map((u) => `<@${u.userId}> ${line(u)}`);
  const more = report.byUser.length > 15 ? [`…and ${report.byUser.length - 15} more`] : [];
  return {
    title: `Usage, last ${days} day${days === 1 ? '' : 's'} (since ${report.from})`,
    description: `**Total:** ${line(report.total)}\nTokens: ${number(report.total.tokensIn)} in, ${number(report.total.tokensOut)} out. Cost is an estimate from the operator's prices.`,
    fields: [
      {
        name: 'By day (UTC)',
        value: truncate(byDay.length > 0 ? byDay.join('\n') : 'no summaries', LIMITS.fieldValue),
      },
      {
        name: 'By user',
        value: truncate(
          byUser.length > 0 ? [...byUser, ...more].join('\n') : 'no summaries',
          LIMITS.fieldValue,
        ),
      },
    ],
  };
}
