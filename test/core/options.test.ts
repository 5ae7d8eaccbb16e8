import { describe, expect, it } from 'vitest';
import {
  isResolved,
  resolveJobOptions,
  resolveSummarizeOptions,
} from '../../src/shared/options.ts';

describe('resolving options', () => {
  it('GIVEN nothing chosen THEN the one schema gives every default', () => {
    expect(resolveJobOptions()).toEqual({
      length: 'medium',
      style: 'bullets',
      language: null,
      quotesOnly: false,
      ephemeral: false,
    });
  });

  it('GIVEN a user choice, a server default and a client language THEN the user wins, then the server, then the client', () => {
    const options = resolveJobOptions(
      { length: 'short' },
      { length: 'long', style: 'prose', ephemeral: true },
      { language: 'fr', style: 'bullets' },
    );
    expect(options).toEqual({
      length: 'short',
      style: 'prose',
      language: 'fr',
      quotesOnly: false,
      ephemeral: true,
    });
  });

  it('GIVEN a server that sets the source language (null) THEN it stands in for the client language', () => {
    expect(resolveJobOptions({}, { language: null }, { language: 'de' }).language).toBeNull();
  });

  it('GIVEN a key present but undefined THEN it counts as not given', () => {
    expect(resolveSummarizeOptions({ length: undefined }, { length: 'long' }).length).toBe('long');
  });

  it('GIVEN a value outside the schema THEN it is refused naming the option', () => {
    expect(() => resolveJobOptions({ length: 'huge' as 'short' })).toThrow(
      /^Invalid options: length: /,
    );
  });

  it("GIVEN a job's resolved options, with or without the server's prompt pin THEN they count as decided and go on as they are", () => {
    const { ephemeral: _where, ...job } = resolveJobOptions({ length: 'long' });
    expect(isResolved(job)).toBe(true);
    expect(isResolved({ ...job, prompt: 'summarize@1' })).toBe(true);
    expect(isResolved(resolveSummarizeOptions({ length: 'short' }))).toBe(true);
  });

  it('GIVEN options with a choice not decided THEN the pipeline still fills it from the schema', () => {
    const { ephemeral: _where, ...job } = resolveJobOptions();
    expect(isResolved({})).toBe(false);
    expect(isResolved({ length: 'short' })).toBe(false);
    expect(isResolved({ ...job, length: undefined })).toBe(false);
    expect(isResolved({ ...job, language: undefined })).toBe(false);
  });
});
