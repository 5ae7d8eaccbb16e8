/**
 * How the bot's Node process runs, in one place for `npm start` (package.json repeats it),
 * every shard of `npm run start:sharded`, and the benchmark's bot. A 2 MB young generation
 * instead of V8's 16 MB keeps an idle bot near 140 MB of RSS instead of 170, with no
 * measurable cost to acknowledgement latency or throughput (bench/RESULTS.md).
 */
export const BOT_EXEC_ARGV = ['--max-semi-space-size=2', '--import', 'tsx'];
