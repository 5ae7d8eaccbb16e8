/**
 * Extraction on every kind of page: the WCXB dev split in ../shared/dev-data/extraction-broad
 * (read in place, never copied into the repository), Precis against plain Readability 0.6 +
 * linkedom + textContent in the same process, interleaved page by page. Scored per page type
 * with the set's own metric (word F1 averaged over pages, see extract-broad-score.ts); time
 * is a ratio to plain Readability.
 *
 *   npx tsx bench/extract-broad.ts [DEV_SET_DIR] [--type TYPE] [--only ID,ID] [--out DIR]
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
import { type BroadGold, PAGE_TYPES, scoreByType, type TypeScore } from './extract-broad-score.ts';

export const DEFAULT_BROAD_SET = fileURLToPath(
  new URL('../../shared/dev-data/extraction-broad', import.meta.url),
);
const WARMUP_PAGES = 20;

export type BroadResult =
  | { present: false; dir: string }
  | {
      present: true;
      dir: string;
      pages: number;
      precis: TypeScore[];
      readability: TypeScore[];
      precisMedianMs: number;
      readabilityMedianMs: number;
      /** Precis time / plain Readability time, per page median. */
      medianRatio: number;
      predictions: { precis: Record<string, string>; readability: Record<string, string> };
    };

function timed(run: () => string | null): { text: string; ms: number } {
  const start = performance.now();
  let text: string | null = null;
  try {
    text = run();
  } catch (error) {
    // A refusal is an empty output; a crash in Precis is a bug, not a score (plain
    // Readability's crashes count as no output, as in bench/extract.ts).
    if (!(error instanceof UserError) && run === precis) throw error;
  }
  return { text: text ?? '', ms: performance.now() - start };
}

let current: Uint8Array = new Uint8Array();
let currentUrl: string | null = null;
const precis = () => extractHtmlBytes(current, null, currentUrl).text;
const readability = () => {
  const { document } = parseHTML(decodeBytes(current, { sniffMeta: true }));
  return new Readability(document).parse()?.textContent ?? null;
};

export async function benchExtractBroad(
  dir: string = DEFAULT_BROAD_SET,
  options: { only?: string[]; type?: string } = {},
): Promise<BroadResult> {
  const goldPath = join(dir, 'ground-truth.json');
  if (!existsSync(goldPath)) return { present: false, dir };
  let gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Record<string, BroadGold>;
  const keep = options.only ? new Set(options.only) : null;
  gold = Object.fromEntries(
    Object.entries(gold).filter(
      ([id, page]) => (!keep || keep.has(id)) && (!options.type || page.page_type === options.type),
    ),
  );
  const entries = Object.entries(gold);
  const load = (id: string, page: BroadGold) => {
    current = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`)));
    currentUrl = page.url;
  };

  for (const [id, page] of entries.slice(0, WARMUP_PAGES)) {
    load(id, page);
    timed(precis);
    timed(readability);
  }

  const out = { precis: {} as Record<string, string>, readability: {} as Record<string, string> };
  const times = { precis: [] as number[], readability: [] as number[] };
  for (const [index, [id, page]] of entries.entries()) {
    load(id, page);
    // Alternate who goes first, so neither always runs on a warm cache.
    const [p, r] =
      index % 2 === 0
        ? [timed(precis), timed(readability)]
        : (() => {
            const second = timed(readability);
            return [timed(precis), second] as const;
          })();
    out.precis[id] = p.text;
    out.readability[id] = r.text;
    times.precis.push(p.ms);
    times.readability.push(r.ms);
  }
  const precisMedianMs = median(times.precis);
  const readabilityMedianMs = median(times.readability);
  return {
    present: true,
    dir,
    pages: entries.length,
    precis: scoreByType(gold, out.precis),
    readability: scoreByType(gold, out.readability),
    precisMedianMs,
    readabilityMedianMs,
    medianRatio: Math.round((precisMedianMs / readabilityMedianMs) * 100) / 100,
    predictions: out,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function formatBroadTable(result: Extract<BroadResult, { present: true }>): string {
  const rows = result.precis.map((p) => {
    const r = result.readability.find((x) => x.type === p.type);
    return `| ${p.type} (${p.pages}) | ${p.f1.toFixed(3)} (P ${p.precision.toFixed(3)}, R ${p.recall.toFixed(3)}) | ${r?.f1.toFixed(3) ?? '-'} |`;
  });
  return [
    `${result.pages} pages of ${result.dir}`,
    '',
    '| page type (n) | Precis F1 | plain Readability 0.6 + linkedom F1 |',
    '|---|---|---|',
    ...rows,
    '',
    `median ms/page: Precis ${result.precisMedianMs.toFixed(2)}, Readability ${result.readabilityMedianMs.toFixed(2)} (×${result.medianRatio.toFixed(2)})`,
  ].join('\n');
}

export { PAGE_TYPES };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const out = flag('--out');
  const only = flag('--only')?.split(',');
  const type = flag('--type');
  const dir = resolve(args.find((arg) => !arg.startsWith('--')) ?? DEFAULT_BROAD_SET);
  const result = await benchExtractBroad(dir, { only, type });
  if (!result.present) {
    console.log(`WCXB dev set not present at ${dir}: nothing to measure`);
  } else {
    console.log(formatBroadTable(result));
    if (out) {
      mkdirSync(out, { recursive: true });
      const asPredictions = (texts: Record<string, string>) =>
        JSON.stringify(
          Object.fromEntries(Object.entries(texts).map(([id, text]) => [id, { text }])),
        );
      writeFileSync(join(out, 'precis.json'), asPredictions(result.predictions.precis));
      writeFileSync(join(out, 'readability.json'), asPredictions(result.predictions.readability));
      console.log(`\npredictions written to ${out}/precis.json and readability.json`);
    }
  }
}
