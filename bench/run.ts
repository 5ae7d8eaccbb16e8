import { availableParallelism, cpus, totalmem } from 'node:os';
import { benchCache } from './cache.ts';
import { benchDiscord, benchStartup } from './discord.ts';
import { benchGrounding } from './grounding.ts';
import { benchPipeline } from './pipeline.ts';
import { benchQueue } from './queue.ts';
import { benchQuotes } from './quotes.ts';
import { benchQuotesDev } from './quotes-dev.ts';
import { benchQuotesHostile } from './quotes-hostile.ts';
import { rssMb } from './stats.ts';
import { benchUsageBurst } from './usage-burst.ts';

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
// The baseline, in the same run: the same bot from its sources through tsx.
const fromSource = await benchStartup('src');
record.discord = { ...discord, fromSource };
rows.push({
  figure: 'bot start to gateway ready, dist/ (tsx: ratio)',
  value: `${(discord.readyMs / 1000).toFixed(2)} s (${(fromSource.readyMs / 1000).toFixed(2)} s: ×${(discord.readyMs / fromSource.readyMs).toFixed(2)})`,
  target: '≤ 3 s',
});
rows.push({
  figure: `bot RSS idle, dist/, median of ${discord.idleRssSamplesMb.length} starts (tsx: ratio)`,
  value: `${discord.idleRssMb.toFixed(0)} MB (${fromSource.idleRssMb.toFixed(0)} MB: ×${(discord.idleRssMb / fromSource.idleRssMb).toFixed(2)})`,
  target: '≤ 110 MB',
});
rows.push({
  figure: `bot RSS peak, ${discord.interactions} in flight`,
  value: `${discord.peakRssMb.toFixed(0)} MB`,
  target: '≤ 150 MB',
});
rows.push({
  figure: `ack latency, ${discord.interactions} concurrent /summarize (p50 / p99)`,
  value: `${discord.ackP50Ms.toFixed(1)} / ${discord.ackP99Ms.toFixed(1)} ms`,
  target: 'p99 ≤ 50 ms',
});
rows.push({
  figure: `throughput, model answering in ${discord.modelMs} ms`,
  value: `${discord.throughputPerS.toFixed(1)} summaries/s`,
  target: '',
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

const quoteAttacks = await benchQuotesHostile();
record.quoteAttacks = quoteAttacks;
for (const row of quoteAttacks) {
  rows.push({
    figure: `quote check under attack, ${row.name}: slowest /help ack of ${row.helps}`,
    value: `${row.helpAckMaxMs.toFixed(0)} ms (job ${(row.jobMs / 1000).toFixed(1)} s)`,
    target: '< 1000 ms',
  });
  rows.push({
    figure: `quote check under attack, ${row.name}: event-loop delay p99 / max (idle p99)`,
    value: `${row.loopP99Ms.toFixed(1)} / ${row.loopMaxMs.toFixed(0)} ms (${row.idleLoopP99Ms.toFixed(1)} ms)`,
    target: 'p99 ≤ 20 ms',
  });
}

const burst = await benchUsageBurst();
record.usageBurst = burst;
rows.push({
  figure: `${burst.jobs} /summarize at once, one user, two workers, allowance of ${burst.limit / (burst.bound - burst.limit)} jobs: admitted / refused, tokens spent of limit`,
  value: `${burst.admitted} / ${burst.refused}, ${burst.tokensSpent} of ${burst.limit}`,
  target: `spent ≤ ${burst.bound}`,
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
  // Real pages, not the hand-built fixtures (those stay as unit tests): the dev set read in
  // place, or the path after --extract-set.
  const { benchExtractDevSet } = await import('./extract.ts');
  const at = process.argv.indexOf('--extract-set');
  const extract = await benchExtractDevSet(at >= 0 ? process.argv[at + 1] : undefined);
  if (!extract.present) {
    rows.push({ figure: 'extraction', value: `dev set not present at ${extract.dir}`, target: '' });
  } else {
    const { predictions: _p, losses: _l, ...figures } = extract;
    record.extract = figures;
    const f = (x: { f1: number; precision: number; recall: number }) =>
      `F1 ${x.f1.toFixed(3)} (P ${x.precision.toFixed(3)}, R ${x.recall.toFixed(3)})`;
    rows.push({
      figure: `extraction, ${extract.pages} real pages: Precis`,
      value: `${f(extract.precis)}, ${extract.precis.refused} refused`,
      target: 'F1 ≥ 0.93, P ≥ 0.91',
    });
    rows.push({
      figure: 'extraction, same pages: plain Readability + linkedom',
      value: `${f(extract.readability)}, ${extract.readability.empty} empty`,
      target: '',
    });
    rows.push({
      figure: 'extraction time per page vs Readability (median / p95)',
      value: `${extract.medianRatio.toFixed(2)} / ${extract.p95Ratio.toFixed(2)} (${extract.precis.medianMs.toFixed(1)} / ${extract.precis.p95Ms.toFixed(1)} ms)`,
      target: 'median ≤ 1.0',
    });
  }
} catch (error) {
  rows.push({ figure: 'extraction', value: `not run: ${(error as Error).message}`, target: '' });
}

try {
  // Every kind of page (WCXB dev split), per page type, read in place when it is there.
  const { benchExtractBroad } = await import('./extract-broad.ts');
  const at = process.argv.indexOf('--extract-broad-set');
  const broad = await benchExtractBroad(at >= 0 ? process.argv[at + 1] : undefined);
  if (!broad.present) {
    rows.push({
      figure: 'extraction, WCXB',
      value: `dev set not present at ${broad.dir}`,
      target: '',
    });
  } else {
    const { predictions: _p, ...figures } = broad;
    record.extractBroad = figures;
    for (const p of broad.precis) {
      const r = broad.readability.find((x) => x.type === p.type);
      rows.push({
        figure: `extraction, WCXB dev ${p.type} (${p.pages}): Precis F1 (plain Readability)`,
        value: `${p.f1.toFixed(3)} (${r?.f1.toFixed(3) ?? '-'})`,
        target:
          p.type === 'overall'
            ? '≥ 0.88'
            : p.type === 'article' || p.type === 'documentation'
              ? '≥ 0.93'
              : '≥ 0.75',
      });
    }
    rows.push({
      figure: 'extraction time per page vs Readability, WCXB (median)',
      value: `${broad.medianRatio.toFixed(2)} (${broad.precisMedianMs.toFixed(1)} ms)`,
      target: '≤ 1.0',
    });
  }
} catch (error) {
  rows.push({
    figure: 'extraction, WCXB',
    value: `not run: ${(error as Error).message}`,
    target: '',
  });
}

// Speaker accuracy on real news, when the dev data is beside the repository (it is never copied in).
const grounding = await benchGrounding();
record.grounding = grounding;
rows.push({
  figure: `grounding check, ${grounding.sentences}-sentence summary, 1,000-word source, index included (p50 / p95; ratio to quote verification p95; CPU per summary)`,
  value: `${grounding.p50Ms.toFixed(2)} / ${grounding.p95Ms.toFixed(2)} ms (×${grounding.ratio.toFixed(2)}; CPU ${grounding.cpuMsPerSummary.toFixed(2)} ms)`,
  target: '≤ 5 ms p95',
});
rows.push({
  figure: 'grounding, 1,000,000-character source: index time (longest slice on the thread)',
  value: `${grounding.millionCharsMs.toFixed(0)} ms (${grounding.longestSliceMs.toFixed(1)} ms)`,
  target: '',
});

const quotesDev = await benchQuotesDev();
record.quotesDev = quotesDev;
if (quotesDev === null) {
  rows.push({
    figure: 'quote speakers (PolNeAR, German Wikinews)',
    value: 'not run: no ../shared/dev-data/quotes',
    target: '',
  });
} else {
  for (const row of quotesDev) {
    rows.push({
      figure: `quote speakers, ${row.split}, ${row.column}: speaker right / no speaker / precision`,
      value: `${((100 * row.speakerRight) / row.scored).toFixed(1)}% / ${((100 * row.noSpeaker) / row.scored).toFixed(1)}% / ${row.precision.toFixed(1)}%`,
      target: row.split.startsWith('de-') ? '≥ 85% / ≤ 10% / ≥ 90%' : '≥ 93% / ≤ 3% / ≥ 97%',
    });
  }
}

try {
  const { benchExtractHostile } = await import('./extract-hostile.ts');
  const hostile = await benchExtractHostile();
  record.extractHostile = hostile;
  rows.push({
    figure: `event-loop delay p99, ${hostile.pages} hostile pages extracted at once (idle p99)`,
    value: `${hostile.hostileP99Ms.toFixed(1)} ms (${hostile.idleP99Ms.toFixed(1)} ms)`,
    target: '≤ 20 ms',
  });
  for (const row of hostile.cases) {
    rows.push({
      figure: `hostile input: ${row.name}, ${(row.inputBytes / 1024).toFixed(0)} kB (time, peak RSS)`,
      value: `${row.ms.toFixed(0)} ms, ${row.peakRssMb.toFixed(0)} MB`,
      target: '< 500 MB',
    });
  }
} catch (error) {
  rows.push({
    figure: 'hostile extraction',
    value: `not run: ${(error as Error).message}`,
    target: '',
  });
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
