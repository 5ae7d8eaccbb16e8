import { describe, expect, it } from 'vitest';
import { escapeUntrusted } from '../../src/discord/render/markdown.ts';
import { renderDiscordMarkdown, stripMarkdownEscapes } from '../../src/preview/discord-markdown.ts';

describe('renderDiscordMarkdown', () => {
  it('GIVEN bold, italic and a line break THEN it renders them as Discord does', () => {
    expect(renderDiscordMarkdown('**TL;DR** a *b*\nc')).toBe(
      '<strong>TL;DR</strong> a <em>b</em><br>c',
    );
  });

  it('GIVEN a masked link to an https page THEN it becomes a link that opens a new tab', () => {
    expect(renderDiscordMarkdown('[Go to passage](https://example.com/a#:~:text=x)')).toBe(
      '<a href="https://example.com/a#:~:text=x" target="_blank" rel="noopener noreferrer">Go to passage</a>',
    );
  });

  it('GIVEN an escaped evidence marker linked to a passage THEN it shows [1] as the link text', () => {
    expect(renderDiscordMarkdown('[\\[1\\]](https://example.com/)')).toBe(
      '<a href="https://example.com/" target="_blank" rel="noopener noreferrer">[1]</a>',
    );
  });

  it('GIVEN a masked link to a javascript: URL THEN it stays text', () => {
    expect(renderDiscordMarkdown('[x](javascript:alert(1))')).not.toContain('<a');
  });

  it('GIVEN HTML in the text THEN every angle bracket and quote is escaped', () => {
    expect(renderDiscordMarkdown(`<img src=x onerror="a('b')">`)).toBe(
      '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;',
    );
  });

  it('GIVEN HTML inside bold and link labels THEN it is escaped there too', () => {
    const html = renderDiscordMarkdown('**<script>x</script>** [<b>](https://e.com/)');
    expect(html).not.toMatch(/<script|<b>/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('GIVEN text escaped by the bot THEN the reader sees the original characters', () => {
    const original = '*not bold* _not italic_ [not](https://link.example) > not a quote';
    expect(renderDiscordMarkdown(escapeUntrusted(original))).toBe(
      '*not bold* _not italic_ [not](https://link.example) &gt; not a quote',
    );
  });
});

describe('stripMarkdownEscapes', () => {
  it('GIVEN a title escaped by the bot THEN it gives the plain title back', () => {
    expect(stripMarkdownEscapes(escapeUntrusted('A *big* [deal]'))).toBe('A *big* [deal]');
  });
});
