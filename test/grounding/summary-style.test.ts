import { describe, expect, it } from 'vitest';
import { checkSummary, indexForGrounding } from '../../src/core/grounding/index.ts';

// A hand-written news item; an extractive summarizer copies its sentences, and sometimes splices
// the start of one onto the end of another.
const ARTICLE = [
  'Firefighters spent six hours tackling a blaze at a recycling plant near the harbour on Sunday.',
  'Nobody was hurt, but residents were told to keep their windows closed because of the smoke.',
  'The plant’s owner said the cause of the fire was not yet known.',
  'Investigators from the fire service will visit the site on Monday.',
].join(' ');
const index = indexForGrounding(ARTICLE);
const COPIED =
  'Firefighters spent six hours tackling a blaze at a recycling plant near the harbour.';

describe('a summary held to its own style', () => {
  it('GIVEN copied sentences and one spliced from two passages THEN only the splice is weak', () => {
    const spliced =
      'Residents were told to keep their windows closed because the fire service visited the plant.';
    const result = checkSummary(index, `${COPIED} ${spliced}`);
    expect(result.sentences.map((s) => s.status)).toEqual(['supported', 'weak']);
    expect(result.sentences[1]!.reasons[0]!.kind).toBe('words');
    expect(result.verdict).toBe('weak');
  });

  it('GIVEN the spliced sentence alone THEN it is not held to a copying standard', () => {
    const spliced =
      'Residents were told to keep their windows closed because the fire service visited the plant.';
    expect(checkSummary(index, spliced).verdict).toBe('supported');
  });

  it('GIVEN copied sentences only THEN every one is supported', () => {
    const result = checkSummary(
      index,
      `${COPIED} The plant’s owner said the cause of the fire was not yet known.`,
    );
    expect(result.verdict).toBe('supported');
  });
});
