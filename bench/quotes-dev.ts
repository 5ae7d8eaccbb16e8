import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../src/cli/run.ts';
import { findAllQuotes } from '../src/core/offline/index.ts';

/**
 * Quote and speaker accuracy of the offline engine per language: PolNeAR train and dev
 * (English) and German Wikinews `de-train` when present (../shared/dev-data/quotes, or the folder
 * given as the first argument), scored by the data's own score.mjs. Two columns: the key quotes
 * the CLI prints (`--offline --json --length medium`, `long` for German as the data's README
 * says; run in-process through runCli on a file, the same code path as the command line)
 * and every quote the offline engine finds. The data is read in place and never copied.
 */
export interface QuotesDevRow {
  split: string;
  column: 'key quotes (CLI)' | 'every quote found';
  articles: number;
  predicted: number;
  precision: number;
  speakerRight: number;
  scored: number;
  noSpeaker: number;
}

const DEFAULT_DIR = resolve(import.meta.dirname, '../../shared/dev-data/quotes');

interface GoldArticle {
  id: string;
  text: string;
}

export async function benchQuotesDev(
  dir = DEFAULT_DIR,
  splits = ['train', 'dev', 'de-train'],
): Promise<QuotesDevRow[] | null> {
  if (!existsSync(join(dir, 'score.mjs'))) return null;
  const work = mkdtempSync(join(tmpdir(), 'precis-quotes-dev-'));
  const rows: QuotesDevRow[] = [];
  try {
    for (const split of splits) {
      const goldPath = join(dir, `${split}.jsonl`);
      if (!existsSync(goldPath)) continue;
      const articles = readFileSync(goldPath, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as GoldArticle);
      const key: string[] = [];
      const every: string[] = [];
      const file = join(work, 'article.txt');
      for (const article of articles) {
        writeFileSync(file, article.text);
        let out = '';
        const code = await runCli(['--offline', '--json', '--length', lengthFor(split), file], {
          stdout: (chunk) => {
            out += chunk;
          },
          stderr: () => {},
          readStdin: async () => '',
          env: {},
        });
        const quotes = code === 0 ? (JSON.parse(out) as { quotes: unknown[] }).quotes : [];
        key.push(JSON.stringify({ id: article.id, quotes }));
        every.push(JSON.stringify({ id: article.id, quotes: findAllQuotes(article.text) }));
      }
      for (const [column, lines] of [
        ['key quotes (CLI)', key],
        ['every quote found', every],
      ] as const) {
        const predictions = join(
          work,
          `${split}-${column === 'every quote found' ? 'all' : 'key'}.jsonl`,
        );
        writeFileSync(predictions, `${lines.join('\n')}\n`);
        const report = execFileSync(
          process.execPath,
          [join(dir, 'score.mjs'), goldPath, predictions],
          {
            encoding: 'utf8',
          },
        );
        rows.push({ split, column, ...parseScore(report) });
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

/** The data's README scores German with `--length long`: its articles quote more people. */
function lengthFor(split: string): 'medium' | 'long' {
  return split.startsWith('de-') ? 'long' : 'medium';
}

function parseScore(report: string): Omit<QuotesDevRow, 'split' | 'column'> {
  const number = (pattern: RegExp) => Number(pattern.exec(report)?.[1] ?? Number.NaN);
  const scored = number(/speaker accuracy [\d.-]+% \(\d+\/(\d+)\)/);
  return {
    articles: number(/articles (\d+)/),
    predicted: number(/quotes predicted (\d+)/),
    precision: number(/quote precision ([\d.]+)%/),
    speakerRight: number(/speaker accuracy [\d.-]+% \((\d+)\//),
    scored,
    noSpeaker: Math.round((number(/no speaker given ([\d.]+)%/) * scored) / 100),
  };
}

export function renderQuotesDev(rows: readonly QuotesDevRow[]): string {
  const pct = (x: number, n: number) => (n > 0 ? `${((100 * x) / n).toFixed(1)}%` : '-');
  const lines = [
    '| split | column | articles | quote precision | speaker right | no speaker | right when named |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const named = r.scored - r.noSpeaker;
    lines.push(
      `| ${r.split} | ${r.column} | ${r.articles} | ${r.precision.toFixed(1)}% | ${pct(r.speakerRight, r.scored)} (${r.speakerRight}/${r.scored}) | ${pct(r.noSpeaker, r.scored)} | ${pct(r.speakerRight, named)} |`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] === import.meta.filename) {
  const dir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_DIR;
  const splits = process.argv[3] ? process.argv[3].split(',') : undefined;
  const rows = await benchQuotesDev(dir, splits);
  if (rows === null) process.stdout.write(`quote speakers: not run, no score.mjs in ${dir}\n`);
  else process.stdout.write(`${renderQuotesDev(rows)}\n`);
}
