import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { findAllQuotes } from '../../src/core/offline/index.ts';
import { ATTRIBUTION_ARTICLES } from './attribution-articles.ts';

for (const article of ATTRIBUTION_ARTICLES) {
  describe(`GIVEN the ${article.lang} article "${article.name}" WHEN its quotes are attributed`, () => {
    const found = findAllQuotes(article.text);
    for (const [opening, speaker] of article.quotes) {
      it(`THEN “${opening}…” is ${speaker}’s`, () => {
        const quote = found.find((q) => q.text.startsWith(opening));
        expect(quote?.speaker).toBe(speaker);
      });
    }
  });
}

describe('GIVEN a Markdown article whose quote is followed by a list WHEN the CLI summarizes it offline', () => {
  it('THEN the quote is the person the sentence names, not the first word of a list item', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precis-md-'));
    try {
      const file = join(dir, 'bike-lanes.md');
      writeFileSync(
        file,
        [
          '# New bike lanes for Main Street',
          '',
          'The city council approved protected bike lanes on Main Street on Tuesday, after two years of debate.',
          '',
          `According to the city's transport planner, Anna Weiss, the lanes will "cut the number of crashes on the street by half within two years."`,
          '',
          '- Construction, from May to September',
          '- Opening, in October',
          '',
        ].join('\n'),
      );
      let out = '';
      const code = await runCli(['--offline', '--json', file], {
        stdout: (chunk) => {
          out += chunk;
        },
        stderr: () => {},
        readStdin: async () => '',
        env: {},
      });
      expect(code).toBe(0);
      const { quotes } = JSON.parse(out) as { quotes: Array<{ text: string; speaker: string }> };
      expect(quotes.map((q) => q.speaker)).toEqual(['Anna Weiss']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
