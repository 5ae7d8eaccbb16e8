import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/core/llm/types.ts';
import { requestKey } from '../../src/eval/request-key.ts';

const messages = (tag: string, system = 'You summarize.'): ChatMessage[] => [
  { role: 'system', content: system },
  { role: 'user', content: `Title: T\n\n<<<UNTRUSTED ${tag}\nThe article.\nUNTRUSTED ${tag}>>>` },
];
const key = (list: ChatMessage[], caseOptions = 'length=medium;language=-') =>
  requestKey({ messages: list, schemaName: 'SummaryOutput', caseOptions });

describe('requestKey', () => {
  it('GIVEN two renderings with different random fence tags THEN the keys are equal', () => {
    expect(key(messages('a1b2c3d4e5f6'))).toBe(key(messages('0f9e8d7c6b5a')));
  });

  it('GIVEN a fixed typo in the system prompt THEN the key is unchanged', () => {
    expect(key(messages('aa', 'You sumarize.'))).toBe(key(messages('aa', 'You summarize.')));
  });

  it('GIVEN other case options THEN the key differs', () => {
    expect(key(messages('aa'), 'length=short;language=-')).not.toBe(key(messages('aa')));
  });

  it('GIVEN a re-ask turn after the first request THEN the key differs', () => {
    const reask: ChatMessage[] = [
      ...messages('aa'),
      { role: 'assistant', content: '{}' },
      { role: 'user', content: 'Fix it.' },
    ];
    expect(key(reask)).not.toBe(key(messages('aa')));
  });
});
