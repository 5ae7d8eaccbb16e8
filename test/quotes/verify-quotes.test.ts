import { describe, expect, it } from 'vitest';
import { verifyQuotes } from '../../src/core/quotes/index.ts';
import { article } from './article.ts';

const URL_OF_ARTICLE = 'https://example.com/news/biden-putin';

/** What a model typically returns: straight quotes, "..." and a joined interruption. */
const modelQuotes = [
  {
    id: 'q1',
    text: '"the Russian forces are on their own soil, and they don\'t endanger anyone."',
    speaker: 'Yuri Ushakov',
  },
  {
    id: 'q2',
    text: 'give additional defense materiel to the Ukrainians... and we will bolster our NATO partners on the eastern flank',
    speaker: 'Joe Biden',
  },
  { id: 'q3', text: 'We are ready to invade Ukraine tomorrow', speaker: 'Vladimir Putin' },
  {
    id: 'q4',
    text: 'The more Iran shows a lack of sincerity at the negotiation table, the more there will be a sense of solidarity',
    speaker: 'Jake Sullivan',
  },
  { id: 'q5', text: "Sanctions aren't new ... haven't had any effect", speaker: '  Yuri Ushakov ' },
];

describe('verifyQuotes', () => {
  it('keeps the quotes found in the source, in the model’s order', () => {
    const { quotes } = verifyQuotes(article, modelQuotes, { url: null });
    expect(quotes.map((quote) => quote.id)).toEqual(['q1', 'q2', 'q4', 'q5']);
  });

  it('gives every kept quote the exact source slice at its offsets', () => {
    const { quotes } = verifyQuotes(article, modelQuotes, { url: null });
    for (const quote of quotes) expect(article.slice(quote.start, quote.end)).toBe(quote.text);
  });

  it('shows the source’s own characters, not the model’s', () => {
    const { quotes } = verifyQuotes(article, modelQuotes, { url: null });
    expect(quotes.map((quote) => quote.text)).toEqual([
      'the Russian forces are on their own soil, and they don’t endanger anyone',
      'give additional defense materiel to the Ukrainians… and we will bolster our NATO partners on the eastern flank',
      '“The more Iran shows a lack of sincerity at the negotiation table,” he added, “the more there will be a sense of solidarity',
      'Sanctions aren’t new; they’ve been in place for a long time and haven’t had any effect',
    ]);
  });

  it('reports an invented quote as not found in the source', () => {
    const { rejected } = verifyQuotes(article, modelQuotes, { url: null });
    expect(rejected).toEqual([
      {
        id: 'q3',
        text: 'We are ready to invade Ukraine tomorrow',
        reason: 'not found in the source',
      },
    ]);
  });

  it('reports a quote of fewer than three words as too short', () => {
    const { rejected } = verifyQuotes(article, [{ id: 'q1', text: 'candid and', speaker: null }], {
      url: null,
    });
    expect(rejected).toEqual([{ id: 'q1', text: 'candid and', reason: 'too short' }]);
  });

  it('drops a second quote of the same passage as a duplicate', () => {
    const { quotes, rejected } = verifyQuotes(
      article,
      [
        { id: 'q1', text: 'reverting to their old playbook', speaker: null },
        { id: 'q2', text: 'Reverting to their old playbook.', speaker: null },
      ],
      { url: null },
    );
    expect({ kept: quotes.map((q) => q.id), rejected }).toEqual({
      kept: ['q1'],
      rejected: [{ id: 'q2', text: 'Reverting to their old playbook.', reason: 'duplicate' }],
    });
  });

  it('drops a quote that overlaps an earlier kept one as a duplicate', () => {
    const { rejected } = verifyQuotes(
      article,
      [
        {
          id: 'q1',
          text: 'Our anticipation is that the pipeline will be terminated',
          speaker: null,
        },
        { id: 'q2', text: 'the pipeline will be terminated, she told the Senate', speaker: null },
      ],
      { url: null },
    );
    expect(rejected.map((r) => [r.id, r.reason])).toEqual([['q2', 'duplicate']]);
  });

  it('drops a second quote that reuses an id', () => {
    const { rejected } = verifyQuotes(
      article,
      [
        {
          id: 'q1',
          text: 'Our anticipation is that the pipeline will be terminated',
          speaker: null,
        },
        { id: 'q1', text: 'reverting to their old playbook', speaker: null },
      ],
      { url: null },
    );
    expect(rejected.map((r) => [r.id, r.reason])).toEqual([['q1', 'duplicate id']]);
  });

  it('trims the speaker', () => {
    const { quotes } = verifyQuotes(article, modelQuotes, { url: null });
    expect(quotes.at(-1)?.speaker).toBe('Yuri Ushakov');
  });

  it('turns an empty speaker into null', () => {
    const { quotes } = verifyQuotes(
      article,
      [{ id: 'q1', text: 'reverting to their old playbook', speaker: '   ' }],
      { url: null },
    );
    expect(quotes[0]?.speaker).toBeNull();
  });

  it('gives no link when the source has no URL', () => {
    const { quotes } = verifyQuotes(article, modelQuotes, { url: null });
    expect(quotes.map((quote) => quote.link)).toEqual([null, null, null, null]);
  });

  it('links each quote to its passage with a text fragment when the source has a URL', () => {
    const { quotes } = verifyQuotes(
      article,
      [{ id: 'q1', text: 'reverting to their old playbook', speaker: null }],
      { url: URL_OF_ARTICLE },
    );
    expect(quotes[0]?.link).toBe(
      `${URL_OF_ARTICLE}#:~:text=reverting%20to%20their%20old%20playbook`,
    );
  });

  it('keeps nothing and rejects nothing when the model gave no quotes', () => {
    expect(verifyQuotes(article, [], { url: null })).toEqual({
      quotes: [],
      rejected: [],
      unverifiedSpeakers: 0,
    });
  });
});
