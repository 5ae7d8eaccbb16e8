/**
 * How the bot's Node process runs, in one place for `npm start` (package.json repeats it),
 * every shard of `npm run start:sharded`, and the benchmark's bot. A 2 MB young generation
 * instead of V8's 16 MB keeps an idle bot's RSS down with no measurable cost to
 * acknowledgement latency or throughput (bench/RESULTS.md). One V8 helper thread instead of
 * Node's four: on the 2-core machines the bot runs on, four only compete with the main thread,
 * and each keeps its own malloc arena from start-up compilation, which made idle RSS vary by
 * 15 MB between otherwise identical starts.
 */
export const BOT_EXEC_ARGV = ['--max-semi-space-size=2', '--v8-pool-size=1'];

/** True when this code runs from the TypeScript sources (tsx), false from the build in dist/. */
export const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');

/**
 * The sibling module `name` (without extension) in whichever layout this file runs from, and
 * the flags a child process needs to run it: the sources need tsx, the build plain node.
 */
export function entryPoint(name: string, from: string): { url: URL; execArgv: string[] } {
  return {
    url: new URL(`./${name}${RUNNING_FROM_SOURCE ? '.ts' : '.js'}`, from),
    execArgv: RUNNING_FROM_SOURCE ? [...BOT_EXEC_ARGV, '--import', 'tsx'] : BOT_EXEC_ARGV,
  };
}
