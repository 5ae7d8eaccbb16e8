import { existsSync, readFileSync } from 'node:fs';
import { checkClaim, indexForGrounding } from '../src/core/grounding/index.ts';
import { EXAMPLE } from '../testkit/pipeline-helpers.ts';

/**
 * Evidence for hand-written paraphrased bullets: how often the passage a bullet rests on is
 * the first evidence, or among the first two, and how many of these faithful bullets the check
 * calls unsupported or weak. Two fixtures: bullets on the test kit's article, and bullets on
 * PolNeAR articles, which are read in place from ../shared/dev-data/quotes/ (never copied).
 *
 *   npx tsx bench/grounding-evidence.ts [path/to/polnear.jsonl]
 */
interface Bullet {
  article?: string;
  bullet: string;
  passage: string;
}
const load = (url: URL) => (JSON.parse(readFileSync(url, 'utf8')) as { bullets: Bullet[] }).bullets;
const kit = load(new URL('../test/grounding/paraphrased-bullets.json', import.meta.url));
const news = load(new URL('./fixtures/paraphrased-news-bullets.json', import.meta.url));
const polnear =
  process.argv[2] ?? new URL('../../shared/dev-data/quotes/dev.jsonl', import.meta.url).pathname;

const articles = new Map<string, string>();
if (existsSync(polnear)) {
  for (const line of readFileSync(polnear, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { id: string; text: string };
    articles.set(row.id, row.text);
  }
} else console.error(`${polnear}: not found; only the test kit's bullets are measured.`);

const tally = { total: 0, first: 0, topTwo: 0, unsupported: 0, weak: 0, missing: 0 };
const misses: string[] = [];
const indexes = new Map<string, ReturnType<typeof indexForGrounding>>();
for (const item of [...kit, ...news]) {
  const text = item.article === undefined ? EXAMPLE : articles.get(item.article);
  if (text === undefined) {
    tally.missing++;
    continue;
  }
  const key = item.article ?? '';
  const index = indexes.get(key) ?? indexForGrounding(text);
  indexes.set(key, index);
  const check = checkClaim(index, item.bullet);
  const rank = check.evidence.findIndex((span) =>
    text.slice(span.start, span.end).includes(item.passage),
  );
  tally.total++;
  if (rank === 0) tally.first++;
  if (rank === 0 || rank === 1) tally.topTwo++;
  else misses.push(`  rank ${rank + 1 || '-'}: ${item.bullet}`);
  if (check.status === 'unsupported') {
    tally.unsupported++;
    misses.push(`  unsupported (${check.reasons.map((r) => r.text).join(', ')}): ${item.bullet}`);
  }
  if (check.status === 'weak') tally.weak++;
}

const pct = (n: number) =>
  `${((100 * n) / Math.max(1, tally.total)).toFixed(1)}% (${n}/${tally.total})`;
console.log(`paraphrased bullets: ${tally.total} (${tally.missing} without their article)`);
console.log(`first evidence is the right passage: ${pct(tally.first)}`);
console.log(`right passage among the first two: ${pct(tally.topTwo)}`);
console.log(`faithful bullets unsupported: ${pct(tally.unsupported)}, weak: ${pct(tally.weak)}`);
if (misses.length > 0) console.log(misses.join('\n'));
