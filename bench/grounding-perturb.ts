import { existsSync, readFileSync } from 'node:fs';
import { checkClaim, indexForGrounding } from '../src/core/grounding/index.ts';
import { splitSentences } from '../src/core/offline/index.ts';

/**
 * Perturbation test on real, properly cased news (the PolNeAR articles of the quote dev set):
 * faithful source sentences, and the same sentences with one fact changed (a number, a name, a
 * date) or a negation flipped, each checked against its own article. Prints how many changed
 * sentences are caught (unsupported) and how many faithful ones are wrongly flagged.
 *
 *   npx tsx bench/grounding-perturb.ts [../shared/dev-data/quotes/dev.jsonl …] [--limit N]
 */
const DEFAULT = new URL('../../shared/dev-data/quotes/dev.jsonl', import.meta.url).pathname;
const args = process.argv.slice(2);
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
const files = args.filter((arg, i) => !arg.startsWith('--') && i !== limitAt + 1);

type Kind = 'number' | 'name (other article)' | 'name (same article)' | 'date' | 'negation';
const tally = new Map<string, { caught: number; total: number }>();
const count = (key: string, caught: boolean) => {
  const entry = tally.get(key) ?? { caught: 0, total: 0 };
  entry.total++;
  if (caught) entry.caught++;
  tally.set(key, entry);
};

const WEEKDAYS = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' ');
const MONTHS =
  'January February March April June July August September October November December'.split(' ');
const AUXILIARIES = /\b(is|was|are|were|will|would|can|could|should|has|have|had|did|does|do)\b/;
const NEGATED =
  /\b(is|was|are|were|will|would|can|could|should|has|have|had|did|does|do) not\b|\b(is|was|are|were|would|could|should|has|have|had|did|does|do)n[’']t\b/;
const NAME = /(?<=[a-z,] )\p{Lu}\p{Ll}{2,}(?: \p{Lu}\p{Ll}{2,})*/u;

interface Article {
  id: string;
  text: string;
}
const articles: Article[] = [];
for (const file of files.length > 0 ? files : [DEFAULT]) {
  if (!existsSync(file)) {
    console.error(`${file}: no such file; give a PolNeAR .jsonl from ../shared/dev-data/quotes/.`);
    process.exit(1);
  }
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim()) articles.push(JSON.parse(line) as Article);
  }
}
const outsideNames = ['Kowalczyk', 'Hernandez', 'Okafor', 'Lindqvist', 'Yamamoto', 'Brennan'];

let seed = 7;
const pick = <T>(list: readonly T[]): T => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return list[seed % list.length]!;
};

let originals = 0;
let falseUnsupported = 0;
let falseWeak = 0;
let selfEvidence = 0;
for (const article of articles.slice(0, limit)) {
  const index = indexForGrounding(article.text);
  const names = [...article.text.matchAll(new RegExp(NAME, 'gu'))].map((m) => m[0]);
  for (const sentence of splitSentences(article.text)) {
    const text = sentence.text;
    const words = text.split(/\s+/).length;
    if (words < 8 || words > 45 || !/[.!?”"]$/.test(text)) continue;
    const original = checkClaim(index, text);
    originals++;
    if (original.status === 'unsupported') falseUnsupported++;
    if (original.status === 'weak') falseWeak++;
    if (original.evidence[0]?.start === sentence.start) selfEvidence++;

    const perturbed: Array<[Kind, string]> = [];
    const number = /\b(\d{1,3}(?:,\d{3})*|\d+)\b(?!\s*(?:a\.m|p\.m))/.exec(text);
    if (number && !/^(19|20)\d\d$/.test(number[1]!)) {
      const value = Number(number[1]!.replaceAll(',', ''));
      const changed = (value < 10 ? value + 3 : Math.round(value * 1.5) + 1).toLocaleString(
        'en-US',
      );
      perturbed.push(['number', text.replace(number[0], changed)]);
    }
    const name = NAME.exec(text);
    if (name) {
      const others = names.filter((other) => !text.includes(other) && !other.includes(' '));
      if (others.length > 0)
        perturbed.push(['name (same article)', text.replace(name[0], pick(others))]);
      perturbed.push(['name (other article)', text.replace(name[0], pick(outsideNames))]);
    }
    const day = WEEKDAYS.find((d) => text.includes(d));
    const month = MONTHS.find((m) => text.includes(m));
    const year = /\b(19|20)\d\d\b/.exec(text);
    if (day)
      perturbed.push(['date', text.replace(day, WEEKDAYS[(WEEKDAYS.indexOf(day) + 2) % 7]!)]);
    else if (month) {
      perturbed.push(['date', text.replace(month, MONTHS[(MONTHS.indexOf(month) + 3) % 11]!)]);
    } else if (year) perturbed.push(['date', text.replace(year[0], String(Number(year[0]) - 2))]);
    const negated = NEGATED.exec(text);
    if (negated) {
      perturbed.push(['negation', text.replace(negated[0], negated[0].replace(/ not|n[’']t/, ''))]);
    } else {
      const auxiliary = AUXILIARIES.exec(text);
      if (auxiliary)
        perturbed.push(['negation', text.replace(auxiliary[0], `${auxiliary[0]} not`)]);
    }
    for (const [kind, claim] of perturbed) {
      if (claim === text) continue;
      count(kind, checkClaim(index, claim).status === 'unsupported');
    }
  }
}

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}% (${a}/${b})`;
console.log(`${Math.min(limit, articles.length)} articles, ${originals} faithful source sentences`);
console.log(`faithful sentences unsupported (false alarm): ${pct(falseUnsupported, originals)}`);
console.log(`faithful sentences weak: ${pct(falseWeak, originals)}`);
console.log(`first evidence is the sentence itself: ${pct(selfEvidence, originals)}`);
for (const [kind, { caught, total }] of tally)
  console.log(`${kind} changed, caught: ${pct(caught, total)}`);
