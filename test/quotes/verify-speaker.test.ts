import { describe, expect, it } from 'vitest';
import {
  chooseSpeaker,
  MAX_SPEAKER_CHARS,
  verifySpeaker,
} from '../../src/core/quotes/verify-speaker.ts';

const SOURCE = `National security adviser Jake Sullivan briefed reporters. “We were clear,” Sullivan said.
Beto O’Rourke also spoke. Later, Kremlin aide Yuri Ushakov said the talks were “frank.”`;
const INJECTION = '@everyone https://attacker.example/x <@123456789012345678>';

describe('GIVEN a speaker to show under a quote', () => {
  it('THEN a full name the source writes is shown', () => {
    expect(verifySpeaker(SOURCE, 'Jake Sullivan')).toBe('Jake Sullivan');
  });

  it('THEN a name the source does not contain is not shown', () => {
    expect(verifySpeaker(SOURCE, 'Antony Blinken')).toBeNull();
  });

  it('THEN a full name whose surname alone is in the source is shown as that surname', () => {
    const source = '“We were clear,” Sullivan said.';
    expect(verifySpeaker(source, 'Jake Sullivan')).toBe('Sullivan');
  });

  it('THEN a forename that is not in the source does not borrow the source’s surname', () => {
    expect(verifySpeaker(SOURCE, 'Hunter Sullivan')).toBe('Sullivan');
  });

  it('THEN a description after the name is dropped and the name kept', () => {
    expect(verifySpeaker(SOURCE, 'Yuri Ushakov, Kremlin foreign policy aide')).toBe('Yuri Ushakov');
  });

  it('THEN a title the source does not use is dropped and the name kept', () => {
    expect(verifySpeaker(SOURCE, 'Mr. Jake Sullivan')).toBe('Jake Sullivan');
  });

  it('THEN the source’s own apostrophe is shown, not the model’s', () => {
    expect(verifySpeaker(SOURCE, "Beto O'Rourke")).toBe('Beto O’Rourke');
  });

  it('THEN mention syntax and links around a real name are removed', () => {
    expect(verifySpeaker(SOURCE, '<@&42> Jake Sullivan @here https://evil.example')).toBe(
      'Jake Sullivan',
    );
  });

  it('THEN an injected speaker made of mentions and a link is not shown at all', () => {
    expect(verifySpeaker(SOURCE, INJECTION)).toBeNull();
  });

  it('THEN a link is never a speaker, even one the source contains', () => {
    const source = `Read https://example.org/report for more. “We were clear,” Sullivan said.`;
    expect(verifySpeaker(source, 'https://example.org/report')).toBeNull();
  });

  it('THEN a speaker longer than the limit is not shown even if the source contains it', () => {
    const long = 'Jake Sullivan '.repeat(Math.ceil(MAX_SPEAKER_CHARS / 14) + 1).trim();
    expect(verifySpeaker(`${long}. ${SOURCE}`, long)).toBeNull();
  });

  it('THEN no speaker stays no speaker', () => {
    expect(verifySpeaker(SOURCE, null)).toBeNull();
  });
});

describe('GIVEN the model and the offline attributor disagree about a quote', () => {
  const at = { start: 0, end: 10 };

  it('THEN a name the attribution next to the quote states wins over the model’s', () => {
    const offline = { ...at, speaker: 'Jake Sullivan', named: true };
    expect(chooseSpeaker(SOURCE, 'Yuri Ushakov', offline)).toEqual({
      speaker: 'Jake Sullivan',
      unverified: false,
    });
  });

  it('THEN the model’s verified speaker wins over one the offline engine only inferred', () => {
    const offline = { ...at, speaker: 'Jake Sullivan', named: false };
    expect(chooseSpeaker(SOURCE, 'Yuri Ushakov', offline).speaker).toBe('Yuri Ushakov');
  });

  it('THEN a model speaker the source does not name falls back to the offline one and is counted', () => {
    const offline = { ...at, speaker: 'Jake Sullivan', named: false };
    expect(chooseSpeaker(SOURCE, 'Antony Blinken', offline)).toEqual({
      speaker: 'Jake Sullivan',
      unverified: true,
    });
  });

  it('THEN an injected model speaker with no offline attribution leaves the quote without one', () => {
    expect(chooseSpeaker(SOURCE, INJECTION, undefined)).toEqual({
      speaker: null,
      unverified: true,
    });
  });

  it('THEN a model that gives no speaker is not counted as unverified', () => {
    expect(chooseSpeaker(SOURCE, null, undefined)).toEqual({ speaker: null, unverified: false });
  });
});
