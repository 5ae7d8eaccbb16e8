import { describe, expect, it } from 'vitest';
import { describeUserError, UserError } from '../../src/shared/errors.ts';

describe('describeUserError', () => {
  it('GIVEN a lower-case clause THEN it says it as a sentence followed by the next step', () => {
    const error = new UserError('too_large', 'the page is larger than 5 MB');
    expect(describeUserError(error)).toBe(
      'The page is larger than 5 MB. Paste the part you want summarized instead.',
    );
  });

  it('GIVEN a message that already ends a sentence THEN no second period is added', () => {
    const error = new UserError('empty_input', 'There is no text to summarize.');
    expect(describeUserError(error)).toBe('There is no text to summarize.');
  });
});
