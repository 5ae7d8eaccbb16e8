import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../src/core/offline/quote-spans.ts';

const inner = (text: string) => findQuoteSpans(text).map((s) => text.slice(s.start, s.end));

describe('GIVEN text with quotation marks', () => {
  it('THEN curly quotes give their inside without the marks or the trailing comma', () => {
    expect(inner('“We won the vote,” he said.')).toEqual(['We won the vote']);
  });

  it('THEN German „…“ quotes are read', () => {
    expect(inner('Er sagte: „Wir haben gewonnen.“')).toEqual(['Wir haben gewonnen.']);
  });

  it('THEN French « … » quotes are read, inner spaces trimmed', () => {
    expect(inner('Il a dit : « Nous avons gagné ».')).toEqual(['Nous avons gagné']);
  });

  it('THEN apostrophes inside a quote do not end it', () => {
    expect(inner('“We didn’t lose; they’ve won,” she said.')).toEqual([
      'We didn’t lose; they’ve won',
    ]);
  });

  it('THEN a mark left open at a paragraph break is not a quote', () => {
    expect(inner('“This never closes\n\nNext paragraph ends here.”')).toEqual([]);
  });
});
