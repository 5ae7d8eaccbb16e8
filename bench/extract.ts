/**
 * Extraction speed and precision on the hand-built HTML fixtures, against plain
 * Readability + linkedom + textContent as the baseline. Precision is the share of output
 * word tokens that belong to the hand-marked article body (`*.expected.txt`), counted as a
 * multiset so repeated boilerplate is not forgiven.
 *
 *   npx tsx bench/extract.ts
 */
import { pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeBytes } from '../src/core/extract/decode.ts';
import { extractDocument } from '../src/core/extract/index.ts';
import {
  ARTICLE_FIXTURES,
  expectedParagraphs,
  fixtureBytes,
  WALL_FIXTURES,
} from '../test/extract/fixtures.ts';

const PAGES = [...ARTICLE_FIXTURES, ...WALL_FIXTURES];
const WARMUP_ROUNDS = 5;
const ROUNDS = 50;

export type BenchResult = { pages: number; medianMs: number; p95Ms: number; peakRssMb: number };
type Extractor = (bytes: Uint8Array) => Promise<string | null>;

async function precis(bytes: Uint8Array): Promise<string | null> {
  try {
    return (
      await extractDocument({ bytes, contentType: 'text/html', url: 'https://bench.example/' })
    ).text;
  } catch {
    return null; // a wall page: refusing it is the right answer
  }
}

async function plainReadability(bytes: Uint8Array): Promise<string | null> {
  const { document } = parseHTML(decodeBytes(bytes, { sniffMeta: true }));
  return new Readability(document).parse()?.textContent ?? null;
}

async function time(extract: Extractor): Promise<BenchResult> {
  const inputs = PAGES.map(fixtureBytes);
  for (let round = 0; round < WARMUP_ROUNDS; round++)
    for (const bytes of inputs) await extract(bytes);
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const bytes of inputs) {
      const start = performance.now();
      await extract(bytes);
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  return {
    pages: inputs.length,
    medianMs: round2(quantile(samples, 0.5)),
    p95Ms: round2(quantile(samples, 0.95)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

export function benchExtract(): Promise<BenchResult> {
  return time(precis);
}

export function benchPlainReadability(): Promise<BenchResult> {
  return time(plainReadability);
}

/** Token precision and recall against the hand-marked bodies, averaged over article fixtures. */
export async function scoreExtractor(
  extract: Extractor,
): Promise<{ precision: number; recall: number; empty: number }> {
  let precision = 0;
  let recall = 0;
  let scored = 0;
  let empty = 0;
  for (const name of ARTICLE_FIXTURES) {
    const output = tokens((await extract(fixtureBytes(name))) ?? '');
    const truth = tokens(expectedParagraphs(name).join('\n'));
    if (output.length === 0) {
      empty++;
      continue;
    }
    const left = new Map<string, number>();
    for (const token of truth) left.set(token, (left.get(token) ?? 0) + 1);
    let matched = 0;
    for (const token of output) {
      const count = left.get(token) ?? 0;
      if (count > 0) {
        matched++;
        left.set(token, count - 1);
      }
    }
    precision += matched / output.length;
    recall += matched / truth.length;
    scored++;
  }
  return {
    precision: round3(scored ? precision / scored : 0),
    recall: round3(scored ? recall / scored : 0),
    empty,
  };
}

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = [];
  for (const [name, extract, bench] of [
    ['precis', precis, benchExtract],
    ['readability+textContent', plainReadability, benchPlainReadability],
  ] as const) {
    const speed = await bench();
    const score = await scoreExtractor(extract);
    rows.push({
      extractor: name,
      pages: speed.pages,
      'median ms': speed.medianMs,
      'p95 ms': speed.p95Ms,
      precision: score.precision,
      recall: score.recall,
      'empty outputs': score.empty,
      'peak RSS MB': speed.peakRssMb,
    });
  }
  console.table(rows);
  console.log(
    `precision/recall: ${ARTICLE_FIXTURES.length} article fixtures; timing: ${PAGES.length} pages x ${ROUNDS} rounds`,
  );
}
