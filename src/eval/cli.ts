import { parseArgs } from 'node:util';
import { defaultEvalPrompts, runEval } from './run-eval.ts';
import { renderNotes, renderProvenance, renderTable, renderTitle } from './table.ts';

const USAGE = `Usage: npm run eval -- [options]

Runs summarize prompt versions over the eval set in test/fixtures/eval and prints one table
with a column per version.

Options:
  --prompt <id@N>   a prompt version to evaluate; repeat to compare (default: ${defaultEvalPrompts().join(', ')})
  --article <id>    only this article of the set; repeatable
  --live            call the configured endpoint (OPENAI_API_KEY, OPENAI_BASE_URL, LLM_MODEL)
                    instead of replaying the recorded answers
  --record          with --live: save the answers as the recordings replay uses
  --json            print the figures as JSON
  -h, --help        show this help`;

async function main(argv: string[]): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.record && !values.live) {
    process.stderr.write('--record saves answers from a real model: add --live.\n');
    return 2;
  }
  const report = await runEval({
    prompts: values.prompt,
    articles: values.article,
    mode: values.live ? 'live' : 'replay',
    record: values.record,
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const lines = [
    renderTitle(report),
    '',
    'Where the answers come from:',
    ...renderProvenance(report.provenance).map((line) => `  ${line}`),
    '',
    renderTable(report.versions),
  ];
  const notes = renderNotes(report.cases);
  if (notes.length > 0) lines.push('', 'Per article:', ...notes.map((note) => `  ${note}`));
  if (report.warnings.length > 0) {
    lines.push('', 'Warnings:', ...report.warnings.map((w) => `  ${w}`));
  }
  if (report.written.length > 0) lines.push('', `Recorded ${report.written.length} files.`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      prompt: { type: 'string', multiple: true },
      article: { type: 'string', multiple: true },
      live: { type: 'boolean', default: false },
      record: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
