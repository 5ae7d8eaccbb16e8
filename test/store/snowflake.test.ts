import { describe, expect, it } from 'vitest';
import { compareSnowflakes } from '../../src/store/index.ts';

describe('compareSnowflakes', () => {
  it('orders a shorter id before a longer one', () => {
    expect(compareSnowflakes('999', '1000')).toBe(-1);
  });

  it('orders ids beyond the safe integer range exactly', () => {
    expect(compareSnowflakes('9007199254740993', '9007199254740992')).toBe(1);
  });

  it('says equal ids are equal', () => {
    expect(compareSnowflakes('1300000000000000000', '1300000000000000000')).toBe(0);
  });

  it('sorts a list the way Discord orders messages', () => {
    expect(['1000', '20', '999', '3'].sort(compareSnowflakes)).toEqual(['3', '20', '999', '1000']);
  });
});
