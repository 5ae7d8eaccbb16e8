import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index.ts';
import type { UserError } from '../../src/shared/errors.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

const MARKDOWN = [
  '# Release notes for *Tidepool* 2.0',
  '',
  'Tidepool now **syncs offline** and reads [the new format](https://example.com/format).',
  '',
  '![screenshot](shot.png)',
  '',
  '## Changes',
  '',
  '- Faster start-up, see `tide --fast`',
  '- A _dark_ theme',
  '',
  '> Quoted feedback from a tester.',
  '',
  '```sh',
  'tide sync --all',
  '```',
  '',
  'snake_case_names stay as written.',
].join('\r\n');

describe('GIVEN a Markdown file', () => {
  const extract = () =>
    extractDocument({
      bytes: bytes(MARKDOWN),
      contentType: 'text/markdown',
      url: null,
      fileName: 'notes.md',
    });

  it('THEN the title is the first heading without its syntax', async () => {
    expect((await extract()).title).toBe('Release notes for Tidepool 2.0');
  });

  it('THEN heading marks are removed', async () => {
    expect((await extract()).text).toMatch(/^Release notes for Tidepool 2\.0\n\nTidepool/);
  });

  it('THEN links keep only their text', async () => {
    expect((await extract()).text).toContain('reads the new format.');
  });

  it('THEN emphasis and inline code marks are removed', async () => {
    const { text } = await extract();
    expect(text).toContain('now syncs offline and');
    expect(text).toContain('see tide --fast');
    expect(text).toContain('A dark theme');
  });

  it('THEN images are removed', async () => {
    expect((await extract()).text).not.toContain('screenshot');
  });

  it('THEN code inside fences is kept as text without the fences', async () => {
    const { text } = await extract();
    expect(text).toContain('tide sync --all');
    expect(text).not.toContain('```');
  });

  it('THEN blockquote marks are removed', async () => {
    expect((await extract()).text).toContain('\nQuoted feedback from a tester.');
  });

  it('THEN underscores inside words are kept', async () => {
    expect((await extract()).text).toContain('snake_case_names');
  });

  it('THEN CRLF newlines become \\n', async () => {
    expect((await extract()).text).not.toContain('\r');
  });

  it('THEN a .md file sent as text/plain is treated as Markdown', async () => {
    const doc = await extractDocument({
      bytes: bytes(MARKDOWN),
      contentType: 'text/plain',
      url: null,
      fileName: 'a.md',
    });
    expect(doc.title).toBe('Release notes for Tidepool 2.0');
  });
});

describe('GIVEN a plain text file', () => {
  const TEXT =
    'Minutes of the allotment society\r\n\r\nThe meeting opened at seven.\rWater charges rose by 4%.';

  it('THEN the text is kept as written with \\n newlines', async () => {
    const doc = await extractDocument({
      bytes: bytes(TEXT),
      contentType: 'text/plain; charset=utf-8',
      url: null,
    });
    expect(doc.text).toBe(
      'Minutes of the allotment society\n\nThe meeting opened at seven.\nWater charges rose by 4%.',
    );
  });

  it('THEN the title is the first short line', async () => {
    const doc = await extractDocument({ bytes: bytes(TEXT), contentType: 'text/plain', url: null });
    expect(doc.title).toBe('Minutes of the allotment society');
  });

  it('THEN a headline repeated below a breadcrumb line is the title', async () => {
    const copied =
      'Home News Talks End\n\nTalks End\n\nTalks End\nSource: Wire\n\nThe talks ended without a deal on Tuesday.';
    const doc = await extractDocument({
      bytes: bytes(copied),
      contentType: 'text/plain',
      url: null,
    });
    expect(doc.title).toBe('Talks End');
  });

  it('THEN Latin-1 bytes without a declared charset are decoded as windows-1252', async () => {
    const doc = await extractDocument({
      bytes: Buffer.from('Café crème', 'latin1'),
      contentType: 'text/plain',
      url: null,
    });
    expect(doc.text).toBe('Café crème');
  });

  it('THEN an empty file is refused as could_not_read', async () => {
    const error = await extractDocument({
      bytes: bytes('  \n '),
      contentType: 'text/plain',
      url: null,
    }).catch((e: unknown) => e);
    expect((error as UserError).code).toBe('could_not_read');
  });
});
