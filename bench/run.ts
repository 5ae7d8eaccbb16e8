import { availableParallelism, cpus, totalmem } from 'node:os';
import { benchCache } from './cache.ts';
import { benchDiscord } from './discord.ts';
import { benchPipeline } from './pipeline.ts';
import { benchQueue } from './queue.ts';
import { benchQuotes } from './quotes.ts';
import { rssMb } from './stats.ts';

/**
 * `npm run bench` — one table of the figures that matter; `--json` for machines.
 * Each section is a module of its own so it can also run alone.
 */
const json = process.argv.includes('--json');
const rows: Array<{ figure: string; value: string; target: string }> = [];
const machine = {
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  nproc: availableParallelism(),
  memoryGb: Math.round(totalmem() / 1024 ** 3),
};
const record: Record<string, unknown> = { ...machine };

// First, while this process is quiet: the bot runs in a child process of its own.
const discord = await benchDiscord();
record.discord = discord;
rows.push({
  figure: `ack latency, ${discord.interactions} concurrent /summarize (p50 / p99)`,
  value: `${discord.ackP50Ms.toFixed(1)} / ${discord.ackP99Ms.toFixed(1)} ms`,
  target: 'p99 ≤ 250 ms',
});
rows.push({
  figure: `throughput, model answering in ${discord.modelMs} ms`,
  value: `${discord.throughputPerS.toFixed(1)} summaries/s`,
  target: '',
});
rows.push({
  figure: 'bot process RSS (idle / peak during the run)',
  value: `${discord.idleRssMb.toFixed(0)} / ${discord.peakRssMb.toFixed(0)} MB`,
  target: '≤ 150 MB',
});

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

const cache = await benchCache();
record.cache = cache;
rows.push({
  figure: 'first summary, example article, loopback model',
  value: `${cache.firstMs.toFixed(1)} ms, ${cache.firstTokens.input}+${cache.firstTokens.output} tokens`,
  target: '',
});
rows.push({
  figure: 'same article again: cache hit (median / p95), new tokens',
  value: `${cache.hitMedianMs.toFixed(2)} / ${cache.hitP95Ms.toFixed(2)} ms, ${cache.hitNewTokens} tokens`,
  target: '0 tokens',
});

const quotes = await benchQuotes();
record.quotes = quotes;
rows.push({
  figure: `quote verification, ${quotes.quotes} quotes in 20,000 words (median / p95)`,
  value: `${quotes.medianMs.toFixed(2)} / ${quotes.p95Ms.toFixed(2)} ms`,
  target: '',
});

const queue = await benchQueue();
record.queue = queue;
for (const row of queue) {
  rows.push({
    figure: `job queue, ${row.engine}, ${row.workers} worker(s): throughput (× in-process)`,
    value: `${row.throughputPerS.toFixed(0)} jobs/s (${row.throughputRatio.toFixed(2)} ×)`,
    target: '',
  });
  rows.push({
    figure: `job queue, ${row.engine}, ${row.workers} worker(s): accepted → started (p50 / p99)`,
    value: `${row.latencyP50Ms.toFixed(0)} / ${row.latencyP99Ms.toFixed(0)} ms`,
    target: '',
  });
}

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
    `Precis benchmarks — Node ${machine.node}, ${machine.platform}, ${machine.nproc} × ${machine.cpu}, ${machine.memoryGb} GB\n\n`,
  );
  for (const row of rows) {
    process.stdout.write(
      `${row.figure.padEnd(width)}  ${row.value.padEnd(valueWidth)}  ${row.target}\n`,
    );
  }
}
