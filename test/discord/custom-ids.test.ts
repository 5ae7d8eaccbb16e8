import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeModalId, encodeModalId } from '../../src/discord/interactions/modal-ids.ts';
import {
  ACTIONS,
  decodeSummaryId,
  encodeSummaryId,
  type SummaryState,
} from '../../src/discord/render/custom-ids.ts';

const state: SummaryState = {
  sha256: createHash('sha256').update('x').digest('hex'),
  length: 'long',
  style: 'prose',
  quotesOnly: true,
  language: 'zh-TW',
  ownerId: '18446744073709551615',
};

describe('summary custom ids', () => {
  it('GIVEN the longest state THEN every action fits in 100 characters and decodes to the same state', () => {
    for (const action of ACTIONS) {
      const id = encodeSummaryId(action, state);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(decodeSummaryId(id)).toEqual({ action, state });
    }
  });

  it('GIVEN no language THEN it decodes to null (the source language)', () => {
    const id = encodeSummaryId('shorter', { ...state, language: null });
    expect(decodeSummaryId(id)?.state.language).toBeNull();
  });

  it('GIVEN a forged or foreign id THEN it decodes to null', () => {
    expect(decodeSummaryId('p1|x|abc|mb0|-|1')).toBeNull();
    expect(decodeSummaryId('something-else')).toBeNull();
    expect(decodeSummaryId(`${encodeSummaryId('longer', state)}|extra`)).toBeNull();
  });
});

describe('modal custom ids', () => {
  it('GIVEN modal options THEN they survive the round trip', () => {
    const modal = {
      quotesOnly: false,
      length: 'short',
      style: 'bullets',
      ephemeral: true,
      language: 'fr',
    } as const;
    expect(decodeModalId(encodeModalId(modal))).toEqual(modal);
  });
});
