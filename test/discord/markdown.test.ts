import { describe, expect, it } from 'vitest';
import { escapeUntrusted } from '../../src/discord/render/markdown.ts';

describe('escapeUntrusted', () => {
  it.each([
    [
      '**bold** _it_ ~~s~~ `code` ||spoiler||',
      '\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`code\\` \\|\\|spoiler\\|\\|',
    ],
    ['[paypal.com](https://evil.example)', '\\[paypal.com](https://evil.example)'],
    ['# Heading\n## Sub\n-# small\n> quote', '\\# Heading\n\\## Sub\n\\-# small\n\\> quote'],
    ['- item\n+ item\n1. first', '\\- item\n\\+ item\n1\\. first'],
    ['a \\ backslash', 'a \\\\ backslash'],
    ['a - b, 3.5 > 2 # not a heading', 'a - b, 3.5 > 2 # not a heading'],
  ])('GIVEN %j THEN it renders as the same characters, as plain text', (input, expected) => {
    expect(escapeUntrusted(input)).toBe(expected);
  });

  it('GIVEN mentions THEN they are broken with a zero-width space', () => {
    expect(escapeUntrusted('@everyone @here <@&1> <@!2> <#3> </cmd:4> <t:5>')).toBe(
      '@\u200beveryone @\u200bhere <\u200b@&1> <\u200b@!2> <\u200b#3> <\u200b/cmd:4> <\u200bt:5>',
    );
  });
});
