import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ExtractInput, extractDocument } from '../../src/core/extract/index.ts';
import { createPipeline } from '../../src/core/pipeline.ts';
import { buildPdf } from '../../testkit/extract/make-pdf.ts';

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the extraction to fail');
    },
    (error: unknown) => error,
  );
const file = (bytes: Uint8Array, fileName: string, contentType: string | null = null) =>
  extractDocument({ bytes, contentType, url: null, fileName });
const page = (bytes: Uint8Array, contentType: string, extra: Partial<ExtractInput> = {}) =>
  extractDocument({ bytes, contentType, url: 'https://page.test/a', ...extra });

const SENTENCES =
  'The harbour council met on Tuesday. It agreed the budget for the ferry terminal. Work starts in May and ends next year. The mayor said the port would stay open throughout.';
const ARTICLE = `<!doctype html><html><head><title>Ferry terminal budget</title></head><body><article><h1>Ferry terminal budget</h1>${`<p>${SENTENCES} ${SENTENCES}</p>`.repeat(4)}</article></body></html>`;
// Every character class the cleaning removes, and what an attacker does with it.
const HOSTILE = [
  '\u001b[2J\u001b[H', // clear the screen, cursor home
  '\u001b]0;pwned\u0007', // set the window title
  '\u001b]8;;https://evil.test/\u001b\\click\u001b]8;;\u001b\\', // an OSC 8 link
  'back\u0008\u0008\u0008\u0008', // backspaces
  '\u009b31m', // the one-byte C1 form of CSI
  '\u202eevil\u202c', // a right-to-left override
  '\u2067iso\u2069', // an isolate
  'zero\u200bwidth\u2060joiner\ufeff',
].join(' ');
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what must not get through
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

describe('GIVEN a file that is binary data', () => {
  it('THEN random bytes named .txt are refused as not a text file', async () => {
    const error = await failure(file(randomBytes(64 * 1024), 'notes.txt', 'text/plain'));
    expect(error).toMatchObject({
      code: 'not_text',
      message: 'this is not a text file: it holds binary data',
    });
  });

  it('THEN a .md with NUL bytes is refused as not a text file', async () => {
    const bytes = new TextEncoder().encode(`# Title\n\n${SENTENCES}\u0000\u0000\u0001${SENTENCES}`);
    expect(await failure(file(bytes, 'notes.md'))).toMatchObject({ code: 'not_text' });
  });

  it('THEN a text with a few stray control characters is read, without them', async () => {
    const document = await file(
      new TextEncoder().encode(`${SENTENCES}\u0007 ${SENTENCES}`),
      'a.txt',
    );
    expect(document.text).toBe(`${SENTENCES} ${SENTENCES}`);
  });
});

describe('GIVEN charsets declared in different places', () => {
  const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));

  it('THEN a UTF-16 label in the HTTP header means UTF-16LE, so the page reads as text', async () => {
    const document = await page(utf16le(ARTICLE), 'text/html; charset=utf-16');
    expect(document.title).toBe('Ferry terminal budget');
    expect(document.text).toContain('It agreed the budget for the ferry terminal.');
    expect(document.text).not.toContain('\u0000');
  });

  it('THEN a UTF-16 label in a meta tag means UTF-8, since the tag itself was read as ASCII', async () => {
    const html = ARTICLE.replace('<head>', '<head><meta charset="utf-16">').replace(
      'Tuesday',
      'Tuesday in Malmö',
    );
    const document = await page(new TextEncoder().encode(html), 'text/html');
    expect(document.text).toContain('Tuesday in Malmö');
  });

  it('THEN a byte order mark wins over the header label', async () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode(ARTICLE.replace('Tuesday', 'Tuesday in Malmö')),
    ]);
    const document = await page(bytes, 'text/html; charset=utf-16');
    expect(document.text).toContain('Tuesday in Malmö');
  });
});

describe('GIVEN text carrying control, bidi and zero-width characters', () => {
  it('THEN an HTML page loses them from its text, title and byline', async () => {
    const html = ARTICLE.replace('<title>Ferry terminal budget', `<title>Ferry ${HOSTILE}`)
      .replace('</title>', `</title><meta name="author" content="Ana ${HOSTILE}">`)
      .replace('<p>', `<p>${HOSTILE} `);
    const document = await page(new TextEncoder().encode(html), 'text/html');
    for (const value of [document.text, document.title, document.byline]) {
      expect(value).not.toMatch(UNSAFE);
    }
    expect(document.text).toContain(
      '[2J[H ]0;pwned ]8;;https://evil.test/\\click]8;;\\ back 31m evil iso zerowidthjoiner',
    );
  });

  it('THEN a text file and a Markdown file lose them too', async () => {
    for (const name of ['a.txt', 'a.md']) {
      const document = await file(new TextEncoder().encode(`${HOSTILE}\n\n${SENTENCES}`), name);
      expect(document.text).not.toMatch(UNSAFE);
      expect(document.text).toContain(SENTENCES);
    }
  });

  it('THEN a PDF loses them too', async () => {
    const pdf = buildPdf({
      title: `Report \u001b]0;x\u0007`,
      pages: [[`\u001b[2J${SENTENCES}`, SENTENCES]],
    });
    const document = await file(pdf, 'report.pdf');
    expect(document.text).not.toMatch(UNSAFE);
    expect(document.text).toContain('The harbour council met on Tuesday.');
    expect(document.title).toMatch(/^Report/);
    expect(document.title).not.toMatch(UNSAFE);
  });

  it('THEN joiners that spell words and emoji stay', async () => {
    const text = `${SENTENCES} \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 and \u{1f469}\u200d\u{1f52c}.`;
    expect((await file(new TextEncoder().encode(text), 'a.txt')).text).toBe(text);
  });

  it('THEN quotes in a summary are the cleaned source’s own characters', async () => {
    const pipeline = createPipeline({ llm: null });
    const text = `${HOSTILE}\n\n${SENTENCES}\n\n"The port\u202e will stay open," the mayor said.\u0007 ${SENTENCES}`;
    const result = await pipeline.summarize({ kind: 'text', text });
    expect(result.source.text).not.toMatch(UNSAFE);
    expect(result.quotes.length).toBeGreaterThan(0);
    for (const quote of result.quotes) {
      expect(quote.text).toBe(result.source.text.slice(quote.start, quote.end));
      expect(quote.text).not.toMatch(UNSAFE);
    }
  });
});

describe('GIVEN a Markdown file of unmatched inline markers', () => {
  it('THEN it is read with its words, not stalled by one scan to the end of the line per marker', async () => {
    // 40,000 unclosed "[" and "**" on one line: 20 s with unbounded spans.
    const line = ' [a **b ![c]('.repeat(40_000);
    const document = await file(
      new TextEncoder().encode(`# Markers\n\n${SENTENCES}\n\n${line}`),
      'm.md',
    );
    expect(document.title).toBe('Markers');
    expect(document.text).toContain(SENTENCES);
    expect(document.text.length).toBeGreaterThan(line.length / 2);
  });
});
