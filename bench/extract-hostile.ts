import { fork } from 'node:child_process';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readInput } from '../src/cli/read-input.ts';
import { extractDocument } from '../src/core/extract/index.ts';
import { createExtractionPool, type ExtractionPool } from '../src/core/extract/pool.ts';
import { isUserError } from '../src/shared/errors.ts';
import {
  ARTICLE_PARAGRAPH,
  HOSTILE_PAGES,
  type HostilePage,
} from '../testkit/extract/hostile-pages.ts';
import { buildFlateBombPdf } from '../testkit/extract/make-hostile-pdf.ts';
import { buildPdf } from '../testkit/extract/make-pdf.ts';

/**
 * Hostile input against extraction as the bot runs it (worker pool, default limits):
 * - the main thread's event-loop delay while ten hostile pages are extracted at once, next
 *   to the same figure with the process idle;
 * - each hostile case alone in a fresh child process: wall time, peak RSS of the whole
 *   process (workers included), and what came out.
 * `npx tsx bench/extract-hostile.ts` runs it alone.
 */
export interface HostileBench {
  idleP99Ms: number;
  hostileP99Ms: number;
  hostileMaxMs: number;
  pages: number;
  cases: CaseResult[];
}

export interface CaseResult {
  name: string;
  inputBytes: number;
  ms: number;
  /** The same process extracting a normal article, for a ratio. */
  normalMs: number;
  peakRssMb: number;
  outcome: string;
}

const NORMAL = `<!doctype html><html><head><title>Ferry terminal</title></head><body><article>${ARTICLE_PARAGRAPH.repeat(20)}</article></body></html>`;
const encode = (text: string) => new TextEncoder().encode(text);

const CASES: Record<
  string,
  () => Promise<{ run: (pool: ExtractionPool) => Promise<string>; bytes: number }>
> = {
  ...Object.fromEntries(
    (Object.keys(HOSTILE_PAGES) as HostilePage[]).map((name) => [
      name,
      async () => {
        const bytes = encode(HOSTILE_PAGES[name]());
        return { bytes: bytes.byteLength, run: (pool: ExtractionPool) => html(pool, bytes) };
      },
    ]),
  ),
  pdf20000Pages: async () => {
    const bytes = buildPdf({
      pages: Array.from({ length: 20_000 }, (_, i) => [`Page ${i + 1} of the long report.`]),
    });
    return { bytes: bytes.byteLength, run: (pool) => pdf(pool, bytes) };
  },
  pdfStream300Mb: async () => {
    const bytes = await buildFlateBombPdf(300 * 1024 * 1024);
    return { bytes: bytes.byteLength, run: (pool) => pdf(pool, bytes) };
  },
  textFile50Mb: async () => {
    // As the CLI reads a file: the size cap comes before the read.
    const dir = await mkdtemp(join(tmpdir(), 'precis-bench-'));
    const path = join(dir, 'huge.txt');
    await writeFile(path, 'x');
    await truncate(path, 50 * 1024 * 1024);
    return {
      bytes: 50 * 1024 * 1024,
      run: async () => {
        try {
          await readInput(path, { readStdin: async () => '' });
          return 'read';
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
  },
};

async function html(pool: ExtractionPool, bytes: Uint8Array): Promise<string> {
  const document = await extractDocument({ bytes, contentType: 'text/html', url: null }, { pool });
  return `${document.text.length} chars`;
}

async function pdf(pool: ExtractionPool, bytes: Uint8Array): Promise<string> {
  const document = await extractDocument(
    { bytes, contentType: 'application/pdf', url: null },
    { pool },
  );
  return `${document.text.length} chars`;
}

async function delayP99(work: () => Promise<unknown>): Promise<{ p99: number; max: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await work();
  histogram.disable();
  return { p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 };
}

async function eventLoopUnderHostilePages(): Promise<Omit<HostileBench, 'cases'>> {
  const names: HostilePage[] = [
    'nested2000',
    'nested50000',
    'unclosed50000',
    'singleLine',
    'links100000',
  ];
  const pages = Array.from({ length: 10 }, (_, i) =>
    encode(HOSTILE_PAGES[names[i % names.length]!]()),
  );
  const pool = createExtractionPool();
  try {
    // Workers booted first: the figure is about extraction, not thread start-up.
    await Promise.all(Array.from({ length: 4 }, () => html(pool, encode(NORMAL))));
    const idle = await delayP99(() => new Promise((resolve) => setTimeout(resolve, 1_000)));
    const hostile = await delayP99(() => Promise.all(pages.map((bytes) => html(pool, bytes))));
    return {
      idleP99Ms: idle.p99,
      hostileP99Ms: hostile.p99,
      hostileMaxMs: hostile.max,
      pages: pages.length,
    };
  } finally {
    await pool.close();
  }
}

/** One case in this (child) process. */
async function runCase(name: string): Promise<CaseResult> {
  const setup = await CASES[name]!();
  const pool = createExtractionPool();
  try {
    await html(pool, encode(NORMAL)); // boot the worker
    let started = performance.now();
    await html(pool, encode(NORMAL));
    const normalMs = performance.now() - started;
    started = performance.now();
    let outcome: string;
    try {
      outcome = await setup.run(pool);
    } catch (error) {
      if (!isUserError(error)) throw error;
      outcome = `${error.code}: ${error.message}`;
    }
    const ms = performance.now() - started;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    return { name, inputBytes: setup.bytes, ms, normalMs, peakRssMb, outcome };
  } finally {
    await pool.close();
  }
}

function inChild(name: string): Promise<CaseResult> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = fork(fileURLToPath(import.meta.url), ['--case', name], {
    execArgv: ['--import', tsx],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (result) => resolve(result as CaseResult));
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`case ${name} exited with code ${code}`));
    });
  });
}

export async function benchExtractHostile(): Promise<HostileBench> {
  const loop = await eventLoopUnderHostilePages();
  const cases: CaseResult[] = [];
  for (const name of Object.keys(CASES)) cases.push(await inChild(name));
  return { ...loop, cases };
}

const caseArg = process.argv.indexOf('--case');
if (caseArg !== -1) {
  const result = await runCase(process.argv[caseArg + 1]!);
  process.send?.(result, () => process.exit(0));
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchExtractHostile();
  console.log(
    `event-loop delay p99 with ${result.pages} hostile pages at once: ${result.hostileP99Ms.toFixed(1)} ms (max ${result.hostileMaxMs.toFixed(1)}; idle p99 ${result.idleP99Ms.toFixed(1)} ms; target ≤ 20 ms)`,
  );
  for (const row of result.cases) {
    console.log(
      `${row.name.padEnd(15)} ${(row.inputBytes / 1024).toFixed(0).padStart(6)} kB  ${row.ms.toFixed(0).padStart(6)} ms (${(row.ms / row.normalMs).toFixed(0)} × a normal page)  peak RSS ${row.peakRssMb.toFixed(0)} MB  ${row.outcome}`,
    );
  }
}
