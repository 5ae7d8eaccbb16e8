import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index.ts';
import { UserError } from '../../src/shared/errors.ts';
import type { ArticleDocument } from '../../src/shared/schemas.ts';
import { buildPdf, buildScannedPdf } from '../../testkit/extract/make-pdf.ts';

const REPORT = buildPdf({
  title: 'Water quality report 2024',
  author: 'Estuary Monitoring Unit',
  pages: [
    [
      'Water quality report 2024',
      'Samples were taken monthly at twelve sites along the estuary.',
      'Nitrate levels fell at nine of them (see table 3).',
    ],
    ['Bathing water at the north beach was rated excellent for the third year running.'],
  ],
});

describe('GIVEN a PDF with a text layer', () => {
  let doc: ArticleDocument;
  beforeAll(async () => {
    doc = await extractDocument({
      bytes: REPORT,
      contentType: 'application/pdf',
      url: null,
      fileName: 'report.pdf',
    });
  });

  it('THEN the title is the document Title', () => {
    expect(doc.title).toBe('Water quality report 2024');
  });

  it('THEN the byline is the document Author', () => {
    expect(doc.byline).toBe('Estuary Monitoring Unit');
  });

  it('THEN the file’s creation date is not taken for the publication date', () => {
    expect(doc.publishedAt).toBeNull();
  });

  it('THEN the lines of a paragraph are reflowed into one, in their order', () => {
    expect(doc.text).toContain(
      'Samples were taken monthly at twelve sites along the estuary. Nitrate levels fell at nine of them (see table 3).',
    );
  });

  it('THEN pages are separated by a blank line', () => {
    expect(doc.text).toMatch(/\(see table 3\)\.\n\nBathing water/);
  });

  it("THEN the caller's bytes are still usable afterwards", () => {
    expect(REPORT.byteLength).toBeGreaterThan(0);
  });
});

describe('GIVEN PDFs that cannot be read', () => {
  const read = (bytes: Uint8Array) =>
    extractDocument({ bytes, contentType: null, url: null, fileName: 'scan.pdf' }).then(
      () => null,
      (error: unknown) => error,
    );

  it('THEN a PDF without a text layer is refused as a possible scan', async () => {
    const error = await read(buildScannedPdf());
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      'could not read this file: the PDF has no text layer (it may be a scan)',
    );
  });

  it('THEN a damaged PDF is refused as could_not_read', async () => {
    const error = await read(Buffer.from('%PDF-1.4\nthis is not really a pdf'));
    expect((error as UserError).code).toBe('could_not_read');
  });

  it('THEN a PDF named .pdf but sent without a type is recognised by its bytes', async () => {
    const doc = await extractDocument({
      bytes: REPORT,
      contentType: null,
      url: null,
      fileName: null,
    });
    expect(doc.title).toBe('Water quality report 2024');
  });
});

describe('GIVEN a PDF mislabelled as HTML by the server', () => {
  it('THEN it is read as a PDF by its magic bytes', async () => {
    const doc = await extractDocument({
      bytes: REPORT,
      contentType: 'text/html',
      url: 'https://example.com/r',
    });
    expect(doc.byline).toBe('Estuary Monitoring Unit');
  });
});

describe('GIVEN a PDF whose Title is a word-processor file name', () => {
  it('THEN the first line of text is the title instead', async () => {
    const pdf = buildPdf({
      title: 'Microsoft Word - minutes-final-v3.docx',
      pages: [
        ['Minutes of the harbour board, May 2024', 'Present: six members and the harbour master.'],
      ],
    });
    const doc = await extractDocument({ bytes: pdf, contentType: 'application/pdf', url: null });
    expect(doc.title).toBe('Minutes of the harbour board, May 2024');
  });
});

describe('GIVEN a printed web page saved as PDF', () => {
  const PRINTED = buildPdf({
    title: 'Cycle lanes',
    pages: [
      [
        'Accept all   Manage',
        'City news · Published 14 March 2025',
        'The city will open two new cycle lanes on Main Street next',
        'month, the transport office said on Tuesday. "If the paint dries in',
        'time, a litre we will have in September," said the planner, Anna Weiss,',
        'about the last coat of the road markings.',
        '',
        'ADVERTISEMENT — Get 50% off your first month',
        '',
        'Work on the second lane starts in the spring and will take about',
        'three months, according to the schedule published by the office.',
        'Residents can comment on the plans until the end of April this year.',
      ],
    ],
  });
  let doc: ArticleDocument;
  beforeAll(async () => {
    doc = await extractDocument({ bytes: PRINTED, contentType: 'application/pdf', url: null });
  });

  it('THEN a quote that crossed a line break reads as one run of words', () => {
    expect(doc.text).toContain(
      '"If the paint dries in time, a litre we will have in September," said the planner',
    );
  });

  it('THEN paragraphs stay apart', () => {
    expect(doc.text).toMatch(/road markings\.\n\nWork on the second lane/);
  });

  it('THEN the cookie buttons and the advertisement are gone', () => {
    expect(doc.text).not.toMatch(/Accept all|ADVERTISEMENT|50% off/);
  });

  it('THEN the date is the one the page prints, not the file’s creation date', () => {
    expect(doc.publishedAt).toBe('2025-03-14T00:00:00.000Z');
  });
});
