/**
 * Extraction on real pages: the dev set in ../shared/dev-data/extraction (trafilatura's
 * evaluation set, read in place, never copied into the repository), Precis against plain
 * Readability 0.6 + linkedom + textContent, in the same process, interleaved page by page so
 * load from other processes on the machine falls on both alike. Scored with the set's own
 * rule (see extract-score.ts); time is reported as a ratio to plain Readability.
 *
 *   npx tsx bench/extract.ts [DEV_SET_DIR] [--worst N] [--refusals] [--out DIR] [--only ID,ID]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractHtmlBytes } from '../src/core/extract/costly-kinds.ts';
import { decodeBytes } from '../src/core/extract/decode.ts';
import { UserError } from '../src/shared/errors.ts';
import {
  type GoldPage,
  type PageLoss,
  type Predictions,
  scorePredictions,
} from './extract-score.ts';

export const DEFAULT_DEV_SET = fileURLToPath(
  new URL('../../shared/dev-data/extraction', import.meta.url),
);
const WARMUP_PAGES = 20;

export type ExtractorFigures = {
  precision: number;
  recall: number;
  f1: number;
  /** Pages the extractor declined (Precis: a UserError saying why it is not an article). */
  refused: number;
  /** Pages with no text and no refusal (or a crash, for plain Readability). */
  empty: number;
  medianMs: number;
  p95Ms: number;
};

export type DevSetResult =
  | { present: false; dir: string }
  | {
      present: true;
      dir: string;
      pages: number;
      precis: ExtractorFigures;
      readability: ExtractorFigures;
      /** Precis time / plain Readability time, per page median and p95. */
      medianRatio: number;
      p95Ratio: number;
      refusals: Array<{ id: string; url: string; reason: string }>;
      predictions: { precis: Predictions; readability: Predictions };
      losses: PageLoss[];
    };

type Outcome = { text: string | null; refusal: string | null; ms: number };

function runPrecis(bytes: Uint8Array, url: string | null): Outcome {
  const start = performance.now();
  try {
    // What the extraction worker runs, nesting and size caps included.
    const text = extractHtmlBytes(bytes, null, url).text;
    return { text, refusal: null, ms: performance.now() - start };
  } catch (error) {
    const ms = performance.now() - start;
    if (!(error instanceof UserError)) throw error; // a crash is a bug, not a score
    const reason = String((error.details as { reason?: string } | undefined)?.reason ?? error.code);
    return { text: null, refusal: reason, ms };
  }
}

function runReadability(bytes: Uint8Array): Outcome {
  const start = performance.now();
  try {
    const { document } = parseHTML(decodeBytes(bytes, { sniffMeta: true }));
    const text = new Readability(document).parse()?.textContent ?? null;
    return { text, refusal: null, ms: performance.now() - start };
  } catch {
    return { text: null, refusal: null, ms: performance.now() - start };
  }
}

export async function benchExtractDevSet(
  dir: string = DEFAULT_DEV_SET,
  options: { only?: string[] } = {},
): Promise<DevSetResult> {
  const evalPath = join(dir, 'evaldata.json');
  if (!existsSync(evalPath)) return { present: false, dir };
  let gold = JSON.parse(readFileSync(evalPath, 'utf8')) as Record<string, GoldPage>;
  if (options.only) {
    const keep = new Set(options.only);
    gold = Object.fromEntries(Object.entries(gold).filter(([id]) => keep.has(id)));
  }
  const entries = Object.entries(gold);
  const pageBytes = (page: GoldPage) => gunzipSync(readFileSync(join(dir, page.file)));
  // The set's urls are labels ("hard::site-slug.html"), not addresses.
  const urlOf = (page: GoldPage) => (/^https?:\/\//.test(page.url) ? page.url : null);

  for (const [, page] of entries.slice(0, WARMUP_PAGES)) {
    const bytes = pageBytes(page);
    runPrecis(bytes, urlOf(page));
    runReadability(bytes);
  }

  const precis: Predictions = {};
  const readability: Predictions = {};
  const times = { precis: [] as number[], readability: [] as number[] };
  const refusals: Array<{ id: string; url: string; reason: string }> = [];
  let readabilityEmpty = 0;
  for (const [index, [id, page]] of entries.entries()) {
    const bytes = pageBytes(page);
    // Alternate who goes first, so neither always runs on a warm cache.
    const first = index % 2 === 0;
    const a = first ? runPrecis(bytes, urlOf(page)) : runReadability(bytes);
    const b = first ? runReadability(bytes) : runPrecis(bytes, urlOf(page));
    const [p, r] = first ? [a, b] : [b, a];
    precis[id] = p.text;
    readability[id] = r.text;
    times.precis.push(p.ms);
    times.readability.push(r.ms);
    if (p.refusal) refusals.push({ id, url: page.url, reason: p.refusal });
    if (!r.text?.trim()) readabilityEmpty++;
  }

  const precisScore = scorePredictions(gold, precis);
  const readabilityScore = scorePredictions(gold, readability);
  const figures = (
    score: { precision: number; recall: number; f1: number },
    ms: number[],
    refused: number,
    empty: number,
  ): ExtractorFigures => {
    const sorted = [...ms].sort((x, y) => x - y);
    return {
      precision: round3(score.precision),
      recall: round3(score.recall),
      f1: round3(score.f1),
      refused,
      empty,
      medianMs: round2(quantile(sorted, 0.5)),
      p95Ms: round2(quantile(sorted, 0.95)),
    };
  };
  const precisFigures = figures(
    precisScore,
    times.precis,
    refusals.length,
    precisScore.empty - refusals.length,
  );
  const readabilityFigures = figures(readabilityScore, times.readability, 0, readabilityEmpty);
  return {
    present: true,
    dir,
    pages: entries.length,
    precis: precisFigures,
    readability: readabilityFigures,
    medianRatio: round2(precisFigures.medianMs / readabilityFigures.medianMs),
    p95Ratio: round2(precisFigures.p95Ms / readabilityFigures.p95Ms),
    refusals,
    predictions: { precis, readability },
    losses: precisScore.losses,
  };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

export function formatDevSetTable(result: Extract<DevSetResult, { present: true }>): string {
  const row = (name: string, f: ExtractorFigures, ratio: string) =>
    `| ${name} | ${f.f1.toFixed(3)} | ${f.precision.toFixed(3)} | ${f.recall.toFixed(3)} | ${f.refused} | ${f.empty} | ${f.medianMs.toFixed(2)} / ${f.p95Ms.toFixed(2)} | ${ratio} |`;
  return [
    `${result.pages} pages of ${result.dir}`,
    '',
    '| extractor | F1 | precision | recall | refused | empty | ms/page median / p95 | time vs Readability (median / p95) |',
    '|---|---|---|---|---|---|---|---|',
    row(
      'Precis',
      result.precis,
      `${result.medianRatio.toFixed(2)} / ${result.p95Ratio.toFixed(2)}`,
    ),
    row('plain Readability 0.6 + linkedom', result.readability, '1.00 / 1.00'),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const worst = Number(flag('--worst') ?? 0);
  const out = flag('--out');
  const only = flag('--only')?.split(',');
  const showRefusals = args.includes('--refusals');
  const dir = resolve(args.find((arg) => !arg.startsWith('--')) ?? DEFAULT_DEV_SET);
  const result = await benchExtractDevSet(dir, { only });
  if (!result.present) {
    console.log(`extraction dev set not present at ${dir}: nothing to measure`);
  } else {
    console.log(formatDevSetTable(result));
    if (out) {
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'precis.json'), JSON.stringify(result.predictions.precis));
      writeFileSync(join(out, 'readability.json'), JSON.stringify(result.predictions.readability));
      console.log(`\npredictions written to ${out}/precis.json and readability.json`);
    }
    if (showRefusals || worst === 0) {
      console.log(`\nrefused by Precis (${result.refusals.length}):`);
      for (const r of result.refusals) console.log(`  ${r.id}  ${r.reason}  ${r.url}`);
    }
    if (worst > 0) {
      console.log(`\npages that lost most (missed "with" + leaked "without"):`);
      for (const p of [...result.losses].sort((a, b) => b.lost - a.lost).slice(0, worst)) {
        console.log(
          `  ${p.id}  missed ${p.missed}  leaked ${p.leaked}${p.empty ? '  (no output)' : ''}  ${p.url}`,
        );
      }
    }
  }
}
