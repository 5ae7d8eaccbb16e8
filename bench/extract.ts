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

/**
 * Times several extractors on the same pages, interleaved call by call, so load from other
 * processes on the machine falls on all of them alike.
 */
async function time(
  extractors: Extractor[],
  pages: readonly string[] = PAGES,
): Promise<BenchResult[]> {
  const inputs = pages.map(fixtureBytes);
  for (let round = 0; round < WARMUP_ROUNDS; round++) {
    for (const bytes of inputs) for (const extract of extractors) await extract(bytes);
  }
  const samples = extractors.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const bytes of inputs) {
      for (const [index, extract] of extractors.entries()) {
        const start = performance.now();
        await extract(bytes);
        samples[index]!.push(performance.now() - start);
      }
    }
  }
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  return samples.map((list) => {
    list.sort((x, y) => x - y);
    return {
      pages: inputs.length,
      medianMs: round2(quantile(list, 0.5)),
      p95Ms: round2(quantile(list, 0.95)),
      peakRssMb,
    };
  });
}

export async function benchExtract(): Promise<BenchResult> {
  const [result] = await time([precis]);
  return result!;
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
  const extractors = { precis, 'readability+textContent': plainReadability };
  const all = await time(Object.values(extractors));
  // Wall pages are cheap for Precis (it skips Readability on them); time articles alone too.
  const articles = await time(Object.values(extractors), ARTICLE_FIXTURES);
  const rows = [];
  for (const [index, [name, extract]] of Object.entries(extractors).entries()) {
    const score = await scoreExtractor(extract);
    rows.push({
      extractor: name,
      [`median ms (all ${PAGES.length})`]: all[index]!.medianMs,
      [`p95 ms (all ${PAGES.length})`]: all[index]!.p95Ms,
      [`median ms (${ARTICLE_FIXTURES.length} articles)`]: articles[index]!.medianMs,
      precision: score.precision,
      recall: score.recall,
      'empty outputs': score.empty,
    });
  }
  console.table(rows);
  console.log(
    `precision/recall over ${ARTICLE_FIXTURES.length} article fixtures; ${ROUNDS} timed rounds per page; peak RSS ${all[0]!.peakRssMb} MB (whole process)`,
  );
}
