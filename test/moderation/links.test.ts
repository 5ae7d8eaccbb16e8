import { describe, expect, it } from 'vitest';
import { findLinks, urlKey } from '../../src/discord/auto/links.ts';
import { threadName } from '../../src/discord/auto/post-summary.ts';
import { domainRefusal } from '../../src/discord/moderation/domains.ts';

const lists = (domainAllow: string[], domainDeny: string[] = []) => ({ domainAllow, domainDeny });

describe('finding links in a message', () => {
  it('GIVEN links in prose THEN trailing punctuation and brackets are not part of them', () => {
    expect(findLinks('see (https://a.example/x). and https://b.example/y, ok')).toEqual([
      'https://a.example/x',
      'https://b.example/y',
    ]);
  });

  it('GIVEN a link suppressed with angle brackets THEN it is still found', () => {
    expect(findLinks('<https://a.example/x>')).toEqual(['https://a.example/x']);
  });

  it('GIVEN many links THEN only the first three, without duplicates, are taken', () => {
    const text = ['a', 'a', 'b', 'c', 'd'].map((p) => `https://x.example/${p}`).join(' ');
    expect(findLinks(text)).toEqual(['a', 'b', 'c'].map((p) => `https://x.example/${p}`));
  });
});

describe('the dedupe key of a link', () => {
  it('GIVEN the same article with a fragment, tracking parameters and www THEN the key is the same', () => {
    expect(urlKey('https://www.Example.com/a/?utm_source=x&id=2#top')).toBe(
      urlKey('https://example.com/a?id=2'),
    );
  });

  it('GIVEN two articles differing by a real parameter THEN the keys differ', () => {
    expect(urlKey('https://example.com/a?id=2')).not.toBe(urlKey('https://example.com/a?id=3'));
  });
});

describe('domain lists', () => {
  it('GIVEN a denied domain THEN its subdomains are refused too', () => {
    expect(domainRefusal(lists([], ['example.com']), 'https://news.example.com/a')).toMatch(
      /deny list/,
    );
  });

  it('GIVEN an allow list THEN a domain that merely ends with the same letters is refused', () => {
    expect(domainRefusal(lists(['example.com']), 'https://badexample.com/a')).toMatch(
      /not on this server's allow list/,
    );
  });

  it('GIVEN both lists name a domain THEN the deny list wins', () => {
    expect(domainRefusal(lists(['example.com'], ['example.com']), 'https://example.com/')).toMatch(
      /deny list/,
    );
  });
});

describe('thread names', () => {
  it('GIVEN no title THEN the thread is called Summary', () => {
    expect(threadName('  ')).toBe('Summary');
  });

  it('GIVEN a title with line breaks THEN they become spaces', () => {
    expect(threadName('A\n  title')).toBe('A title');
  });
});
