import { describe, expect, it } from 'vitest';
import { cleanName, NameBook } from '../../src/core/offline/names.ts';

describe('GIVEN a capitalized run naming someone', () => {
  it('THEN office titles are stripped to the name', () => {
    expect(cleanName('US National Security Adviser Jake Sullivan')?.name).toBe('Jake Sullivan');
  });

  it('THEN a nationality before a title is stripped too', () => {
    expect(cleanName('Russian President Vladimir Putin')?.name).toBe('Vladimir Putin');
  });

  it('THEN a surname that looks like a demonym is kept', () => {
    expect(cleanName('Sullivan')?.name).toBe('Sullivan');
  });

  it('THEN a group such as "Republicans" is not a name', () => {
    expect(cleanName('Republicans')).toBeNull();
  });

  it('THEN a surname maps back to the full name introduced first', () => {
    const book = NameBook.fromText('President Joe Biden spoke. His wife Jill Biden did not.');
    expect(book.fullName('Biden')).toBe('Joe Biden');
  });

  it('THEN a role maps back to the person it introduced', () => {
    const book = NameBook.fromText('Talks with Russian President Vladimir Putin ended.');
    expect(book.byRoleName('Russian president')).toBe('Vladimir Putin');
  });

  it('THEN a role held by two people maps to no one', () => {
    const book = NameBook.fromText('Vice President Kamala Harris met Vice President Mike Pence.');
    expect(book.byRoleName('vice president')).toBeNull();
  });
});
