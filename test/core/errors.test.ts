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

describe('describeUserError, where a message ends in brackets', () => {
  it('GIVEN a clause ending in "(status 404)" THEN a full stop ends it before the next step', () => {
    const error = new UserError('http_status', 'the page answered with an error (status 404)');
    expect(describeUserError(error)).toBe(
      'The page answered with an error (status 404). Paste the article text instead.',
    );
  });

  it('GIVEN a bracket that closes a sentence of its own THEN no second stop is added', () => {
    const error = new UserError('empty_input', 'There is no text (the file was empty.)');
    expect(describeUserError(error)).toBe('There is no text (the file was empty.)');
  });

  it('GIVEN next steps of its own (the CLI) THEN they replace the Discord wording', () => {
    const error = new UserError('http_status', 'the page answered with an error (status 404)');
    expect(describeUserError(error, { http_status: 'Pass a file instead.' })).toBe(
      'The page answered with an error (status 404). Pass a file instead.',
    );
  });
});
