import { benchPipeline } from './pipeline.ts';
import { benchQuotes } from './quotes.ts';
import { rssMb } from './stats.ts';

/**
 * `npm run bench` — one table of the figures that matter; `--json` for machines.
 * Each section is a module of its own so it can also run alone.
 */
const json = process.argv.includes('--json');
const rows: Array<{ figure: string; value: string; target: string }> = [];
const record: Record<string, unknown> = {
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
};

const pipeline = await benchPipeline();
record.pipeline = pipeline;
for (const row of pipeline) {
  rows.push({
    figure: `pipeline overhead, ${row.input} (median / p95)`,
    value: `${row.overheadMedianMs.toFixed(2)} / ${row.overheadP95Ms.toFixed(2)} ms`,
    target: row.input === 'example article' ? '≤ 25 ms median' : '',
  });
  rows.push({
    figure: `offline engine, ${row.input} (median)`,
    value: `${row.offlineMedianMs.toFixed(2)} ms`,
    target: '',
  });
  const limit = Math.round(1.15 * row.articleTokens + 500);
  rows.push({
    figure: `prompt tokens vs article tokens, ${row.input}`,
    value: `${row.promptTokens} vs ${row.articleTokens} (${row.words} words)`,
    target: `≤ ${limit}`,
  });
}

const quotes = await benchQuotes();
record.quotes = quotes;
rows.push({
  figure: `quote verification, ${quotes.quotes} quotes in 20,000 words (median / p95)`,
  value: `${quotes.medianMs.toFixed(2)} / ${quotes.p95Ms.toFixed(2)} ms`,
  target: '',
});

try {
  const { benchExtract } = await import('./extract.ts');
  const extract = await benchExtract();
  record.extract = extract;
  rows.push({
    figure: `extraction per page, ${extract.pages} fixture pages (median / p95)`,
    value: `${extract.medianMs.toFixed(2)} / ${extract.p95Ms.toFixed(2)} ms`,
    target: '≤ 10 ms median',
  });
} catch (error) {
  rows.push({ figure: 'extraction', value: `not run: ${(error as Error).message}`, target: '' });
}

record.rssMb = rssMb();
rows.push({ figure: 'RSS after the benchmarks', value: `${rssMb().toFixed(0)} MB`, target: '' });

if (json) {
  process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
} else {
  const width = Math.max(...rows.map((r) => r.figure.length));
  const valueWidth = Math.max(...rows.map((r) => r.value.length));
  process.stdout.write(
    `Precis benchmarks — Node ${process.version}, ${process.platform} ${process.arch}\n\n`,
  );
  for (const row of rows) {
    process.stdout.write(
      `${row.figure.padEnd(width)}  ${row.value.padEnd(valueWidth)}  ${row.target}\n`,
    );
  }
}
