import { describe, expect, it } from 'vitest';
import { renderResultText } from '../../src/cli/render.ts';
import { renderSummaryEmbeds } from '../../src/discord/render/embeds.ts';
import type { Result } from '../../src/shared/schemas.ts';
import { makeResult } from '../discord/results.ts';

/** A Result whose second bullet rests on a passage, not a quote, and one weak bullet. */
function grounded(url: string | null): Result {
  const base = makeResult();
  const text = base.source.text;
  const passage = 'Biden issued a straightforward message';
  const start = text.indexOf(passage);
  const end = text.indexOf('.', start) + 1;
  const link = url ? `${url}#:~:text=Biden%20issued` : null;
  return {
    ...base,
    source: { ...base.source, url, kind: url ? 'url' : 'text' },
    summary: {
      ...base.summary,
      bullets: [
        {
          text: 'Biden warned Russia against attacking Ukraine.',
          quoteIds: [],
          support: 'supported',
          evidence: [{ start, end, link }],
        },
        { text: 'The talks were cordial throughout.', quoteIds: [], support: 'weak', evidence: [] },
      ],
    },
    meta: {
      ...base.meta,
      droppedClaims: 2,
      grounding: { supported: 2, weak: 1, unsupported: 2, lexical: true },
    },
  };
}

describe('grounding in the views', () => {
  it('GIVEN a link source THEN each bullet without a quote links to its passage', () => {
    const [embed] = renderSummaryEmbeds(grounded('https://example.com/a'));
    expect(embed?.description).toContain('(https://example.com/a#:~:text=Biden%20issued)');
  });

  it('GIVEN pasted text THEN a bullet cites the opening words of its passage', () => {
    const [embed] = renderSummaryEmbeds(grounded(null));
    expect(embed?.description).toContain(
      '(source: “Biden issued a straightforward message: attack…”)',
    );
  });

  it('GIVEN pasted text and a bullet that is its passage word for word THEN it cites nothing', () => {
    const result = grounded(null);
    const [first] = result.summary.bullets;
    const evidence = first?.evidence?.[0];
    if (!first || !evidence) throw new Error('the fixture has a grounded first bullet');
    const passage = result.source.text.slice(evidence.start, evidence.end);
    result.summary.bullets[0] = { ...first, text: passage };
    const [embed] = renderSummaryEmbeds(result);
    expect(embed?.description).not.toContain('(source:');
    expect(embed?.description).toContain('straightforward message');
  });

  it('GIVEN dropped claims THEN the embed footer says how many', () => {
    const embeds = renderSummaryEmbeds(grounded('https://example.com/a'));
    expect(embeds.at(-1)?.footer?.text).toContain('2 unsupported claims dropped');
  });

  it('GIVEN a weak bullet THEN the embed and the terminal view mark it', () => {
    const result = grounded(null);
    expect(renderSummaryEmbeds(result)[0]?.description).toContain(
      'cordial throughout. *(weak support)*',
    );
    const text = renderResultText(result);
    expect(text).toContain('• The talks were cordial throughout. (weak support)');
    expect(text).toContain('2 unsupported claim(s) dropped');
  });
});
