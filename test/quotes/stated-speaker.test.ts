import { describe, expect, it } from 'vitest';
import { verifyQuotes } from '../../src/core/quotes/index.ts';

const QUOTE = 'The conversation was candid and businesslike';
const speakerOf = (source: string, model: string | null = 'Vladimir Putin') =>
  verifyQuotes(source, [{ id: 'q1', text: QUOTE, speaker: model }], { url: null }).quotes[0]
    ?.speaker;
const OPENING = 'Vladimir Putin met Joe Biden by video link on Tuesday. The call lasted two hours.';

describe('a speaker the source states beside the quote wins over the model’s', () => {
  it.each([
    ['a sentence of its own after it', `${OPENING} ${QUOTE}. Ushakov said.`, 'Ushakov'],
    [
      'the end of its sentence',
      `${OPENING} ${QUOTE}, and the presidents agreed to talk, Ushakov said.`,
      'Ushakov',
    ],
    [
      'a role before the name',
      `${OPENING}\n\n${QUOTE}, Kremlin aide Yuri Ushakov said.`,
      'Yuri Ushakov',
    ],
    [
      'the sentence before it',
      `${OPENING} Ushakov said: "${QUOTE}, and we agreed to talk."`,
      'Ushakov',
    ],
  ])(
    'GIVEN %s THEN the quote is Ushakov’s though the model says Putin',
    (_where, source, speaker) => {
      expect(speakerOf(source)).toBe(speaker);
    },
  );

  it('GIVEN no speaker beside the quote THEN the model’s named speaker stays', () => {
    expect(speakerOf(`${OPENING} ${QUOTE}. The call ended at noon.`)).toBe('Vladimir Putin');
  });
});
