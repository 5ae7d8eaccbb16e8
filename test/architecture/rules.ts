import type { ImportEdge } from './import-graph.ts';

/** Files that start a program; nothing in src/ may import them. */
const ENTRY_POINTS = [
  'src/main.ts',
  'src/cli.ts',
  'src/sharded.ts',
  'src/deploy-commands.ts',
  'src/usage.ts',
  'src/worker.ts',
];
const DISCORD_PACKAGES = /^(discord\.js|@discordjs\/|discord-api-types)/;

interface Rule {
  /** Which importing files the rule is about (a path prefix). */
  from: string;
  why: string;
  forbids(edge: ImportEdge): boolean;
}

const local = (prefixes: string[]) => (edge: ImportEdge) =>
  !edge.external && prefixes.some((prefix) => edge.to.startsWith(prefix));
/** Local imports must stay inside `allowed`; packages are not this rule's business. */
const onlyLocal = (allowed: string[]) => (edge: ImportEdge) =>
  !edge.external && !allowed.some((prefix) => edge.to.startsWith(prefix));
const discordPackage = (edge: ImportEdge) => edge.external && DISCORD_PACKAGES.test(edge.to);

export const RULES: Rule[] = [
  {
    from: 'src/shared/',
    why: 'the shared vocabulary depends on nothing else in src',
    forbids: onlyLocal(['src/shared/']),
  },
  {
    from: 'src/core/',
    why: 'the pipeline knows nothing of Discord, storage, commands or entry points',
    forbids: (edge) => onlyLocal(['src/core/', 'src/shared/'])(edge) || discordPackage(edge),
  },
  {
    from: 'src/store/',
    why: 'storage holds rows; it does not import pipeline code',
    forbids: onlyLocal(['src/store/', 'src/shared/']),
  },
  {
    from: 'src/queue/',
    why: "the job queue carries plain JSON; what a job means is the Discord layer's business",
    forbids: (edge) =>
      onlyLocal(['src/queue/', 'src/store/', 'src/shared/'])(edge) || discordPackage(edge),
  },
  {
    from: 'src/ops/',
    why: 'health and metrics are independent of the bot and the pipeline',
    forbids: onlyLocal(['src/ops/', 'src/shared/']),
  },
  {
    from: 'src/discord/',
    why: 'the Discord layer is used by commands and entry points, never the other way round',
    forbids: local(['commands/', 'src/app/', 'src/cli/', 'src/eval/', 'src/preview/']),
  },
  {
    from: 'src/discord/',
    why: 'the Discord layer is handed its settings by the composition root; it does not read the environment',
    forbids: local(['src/config.ts']),
  },
  {
    from: 'src/discord/runtime/router.ts',
    why: 'the router takes a handler list; it never imports what it routes to',
    forbids: local([
      'src/discord/jobs/',
      'src/discord/interactions/',
      'src/discord/auto/',
      'src/discord/moderation/',
      'commands/',
    ]),
  },
  {
    from: 'src/discord/render/',
    why: 'rendering turns a Result into what Discord shows; it does not run jobs or answer interactions',
    forbids: local([
      'src/discord/jobs/',
      'src/discord/interactions/',
      'src/discord/auto/',
      'src/discord/moderation/',
    ]),
  },
  {
    from: 'src/discord/jobs/',
    why: 'a job runs in a worker that never saw the interaction or the message; what started it is not its business',
    forbids: local([
      'src/discord/interactions/',
      'src/discord/auto/',
      'src/discord/job-runners.ts',
    ]),
  },
  {
    from: 'src/discord/interactions/',
    why: 'interactions start jobs through the lifecycle; they know nothing of auto-summaries',
    forbids: local(['src/discord/auto/', 'src/discord/job-runners.ts']),
  },
  {
    from: 'src/core/inputs/',
    why: 'an input provider reads one kind of input; it does not know the pipeline around it',
    forbids: local(['src/core/pipeline.ts', 'src/core/summarize/', 'src/core/llm/']),
  },
  {
    from: 'commands/',
    why: 'a command uses the Discord layer, the pipeline and the shared vocabulary; services come from the composition root',
    forbids: (edge) =>
      local(['commands/', 'src/app/', 'src/queue/', 'src/cli/', 'src/eval/', 'src/preview/'])(
        edge,
      ) || ENTRY_POINTS.includes(edge.to),
  },
  {
    from: 'src/',
    why: 'commands are found by the loader at start; no code imports one',
    forbids: local(['commands/']),
  },
  {
    from: 'src/cli/',
    why: 'the terminal needs no Discord code',
    forbids: (edge) => local(['src/discord/', 'commands/'])(edge) || discordPackage(edge),
  },
  {
    from: 'src/eval/',
    why: 'evals measure the pipeline, not the bot',
    forbids: (edge) => local(['src/discord/', 'commands/'])(edge) || discordPackage(edge),
  },
  {
    from: 'src/app/',
    why: 'the composition root builds services; the bot is started by main',
    forbids: local(['src/discord/', 'commands/']),
  },
  {
    from: 'src/preview/',
    why: 'the preview renders replies; it does not run commands',
    forbids: local(['commands/']),
  },
  {
    from: 'src/',
    why: 'entry points start programs; nothing imports them',
    forbids: (edge) => !edge.external && ENTRY_POINTS.includes(edge.to),
  },
  {
    from: 'src/',
    why: 'shipped code never depends on tests',
    forbids: local(['test/', 'testkit/']),
  },
  {
    from: 'bench/',
    why: 'benchmarks share fakes with tests through testkit/, not test/',
    forbids: local(['test/']),
  },
  {
    from: 'testkit/',
    why: 'the test kit sits below the tests',
    forbids: local(['test/']),
  },
];

/** Each import that breaks a rule, as one readable line. */
export function violations(edges: ImportEdge[]): string[] {
  return edges.flatMap((edge) =>
    RULES.filter((rule) => edge.from.startsWith(rule.from) && rule.forbids(edge)).map(
      (rule) => `${edge.from} imports ${edge.to}: ${rule.why}`,
    ),
  );
}
