import { type CaseMetrics, type Ratio, rate, type VersionSummary } from './metrics.ts';
import type { CaseProvenance, EvalReport } from './run-eval.ts';

const pct = (ratio: Ratio) =>
  ratio.total === 0 ? '—' : `${Math.round(rate(ratio) * 100)}% (${ratio.count}/${ratio.total})`;

const ROWS: Array<[string, (v: VersionSummary) => string]> = [
  ['articles (failed)', (v) => `${v.cases} (${v.failed})`],
  ['schema-valid first answer', (v) => pct(v.schemaValid)],
  ['re-asks', (v) => String(v.reasks)],
  ['quotes shown', (v) => String(v.quotesShown)],
  ['quotes dropped (not verbatim)', (v) => String(v.quotesDropped)],
  ['quotes with a speaker', (v) => pct(v.quotesWithSpeaker)],
  ['bullets citing a quote', (v) => pct(v.bulletsCiting)],
  // A prompt that invents more shows it here: fewer supported bullets, more claims dropped.
  ['bullets supported by the source', (v) => pct(v.bulletsSupported)],
  ['claims dropped (not in the source)', (v) => String(v.claimsDropped)],
  ['length within preset', (v) => pct(v.lengthOk)],
  ['language as expected', (v) => pct(v.languageOk)],
  ['no injected link / @everyone', (v) => pct(v.outputClean)],
  ['tokens in', (v) => v.tokens.input.toLocaleString('en-US')],
  ['tokens out', (v) => v.tokens.output.toLocaleString('en-US')],
];

/** One table, a column per prompt version, a row per metric. */
export function renderTable(versions: readonly VersionSummary[]): string {
  const header = ['metric', ...versions.map((v) => v.prompt)];
  const rows = [header, ...ROWS.map(([name, cell]) => [name, ...versions.map(cell)])];
  const widths = header.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(header), rule, ...rows.slice(1).map(line)].join('\n');
}

/** What went wrong per case, one line each: the detail behind the table's figures. */
export function renderNotes(cases: readonly CaseMetrics[]): string[] {
  const notes: string[] = [];
  for (const c of cases) {
    const problems: string[] = [];
    if (c.error) problems.push(`failed: ${c.error}`);
    if (!c.firstAnswerValid && !c.error) problems.push('first answer had the wrong shape');
    if (c.quotesDropped > 0) problems.push(`${c.quotesDropped} quote(s) dropped`);
    if (c.quotesShown > c.quotesWithSpeaker) {
      problems.push(`${c.quotesShown - c.quotesWithSpeaker} quote(s) without speaker`);
    }
    if (c.bullets > c.bulletsCiting) {
      problems.push(`${c.bullets - c.bulletsCiting} bullet(s) without evidence`);
    }
    if (!c.length.ok && !c.error) problems.push(`length: ${c.length.problems.join(', ')}`);
    if (!c.language.ok && !c.error) {
      problems.push(`language ${c.language.detected}, expected ${c.language.expected}`);
    }
    if (c.outputHits.length > 0) problems.push(`output holds ${c.outputHits.join(', ')}`);
    if (problems.length > 0) notes.push(`${c.prompt} ${c.article}: ${problems.join('; ')}`);
  }
  return notes;
}

/**
 * The table's title. While any answers were written by hand it says so: those figures show
 * what the pipeline does with such answers, not how well a model does.
 */
export function renderTitle(report: Pick<EvalReport, 'mode' | 'versions' | 'provenance'>): string {
  const count = report.versions[0]?.cases ?? 0;
  const articles = `${count} ${count === 1 ? 'article' : 'articles'}`;
  if (report.mode === 'live') return `Eval (live model), ${articles}`;
  const authored = report.provenance.filter((p) => p.origin === 'authored').length;
  if (authored === 0) return `Eval (replayed recordings of a real model), ${articles}`;
  const all = authored === report.provenance.length;
  return `Eval of authored answers (${all ? 'all' : `${authored} of ${report.provenance.length}`} cases written by hand, not by a model), ${articles}`;
}

/** Where the answers came from, one line per prompt version and source, for above the table. */
export function renderProvenance(provenance: readonly CaseProvenance[]): string[] {
  const groups = new Map<string, { prompt: string; text: string; count: number }>();
  for (const p of provenance) {
    const from = p.recordedFrom
      ? `from ${p.recordedFrom.model} at ${p.recordedFrom.endpoint} on ${p.recordedFrom.date}`
      : '';
    const text =
      p.origin === 'authored'
        ? 'authored answers: written by hand, replayed (see test/fixtures/eval/README.md)'
        : p.origin === 'recorded'
          ? `recorded ${from || '(source not noted)'}, replayed`
          : `answered live ${from}`.trimEnd();
    const key = `${p.prompt}\u0000${text}`;
    const group = groups.get(key) ?? { prompt: p.prompt, text, count: 0 };
    group.count++;
    groups.set(key, group);
  }
  return [...groups.values()].map(
    (g) => `${g.prompt}: ${g.count} ${g.count === 1 ? 'article' : 'articles'} ${g.text}`,
  );
}
