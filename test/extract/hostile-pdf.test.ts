import { afterAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index.ts';
import { EXTRACT_LIMITS } from '../../src/core/extract/limits.ts';
import { createExtractionPool } from '../../src/core/extract/pool.ts';
import { buildFlateBombPdf } from '../../testkit/extract/make-hostile-pdf.ts';
import { buildPdf } from '../../testkit/extract/make-pdf.ts';

const pool = createExtractionPool({ threads: 1 });
afterAll(() => pool.close());

const pdf = (bytes: Uint8Array) =>
  extractDocument(
    { bytes, contentType: 'application/pdf', url: null, fileName: 'f.pdf' },
    { pool },
  );

describe('GIVEN a PDF of 20,000 pages that fits the attachment cap', () => {
  it('THEN its text is that of the first pages, up to the page cap', async () => {
    const bytes = buildPdf({
      pages: Array.from({ length: 20_000 }, (_, i) => [`Page ${i + 1} of the long report.`]),
    });
    expect(bytes.byteLength).toBeLessThan(EXTRACT_LIMITS.maxFileBytes);
    const { text } = await pdf(bytes);
    const last = EXTRACT_LIMITS.pdfMaxPages;
    expect(text.split('\n\n')).toHaveLength(last);
    expect(text.endsWith(`Page ${last} of the long report.`)).toBe(true);
  });

  it('THEN the document says that only the first pages were read', async () => {
    const bytes = buildPdf({
      pages: Array.from({ length: 20_000 }, (_, i) => [`Page ${i + 1} of the long report.`]),
    });
    const { notes } = await pdf(bytes);
    expect(notes).toEqual([
      `Only the first ${EXTRACT_LIMITS.pdfMaxPages} of 20000 pages were read.`,
    ]);
  });
});

describe('GIVEN a PDF whose one stream inflates to 300 MB', () => {
  it('THEN it is refused as too complex before pdf.js decodes it, and the next PDF is read', async () => {
    const bomb = await buildFlateBombPdf(300 * 1024 * 1024);
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    await expect(pdf(bomb)).rejects.toMatchObject({
      code: 'too_complex',
      message: 'this PDF is too complex to read',
      details: { reason: 'pdf_streams' },
    });
    const next = buildPdf({ pages: [['A short report on the ferry terminal and its budget.']] });
    expect((await pdf(next)).text).toBe('A short report on the ferry terminal and its budget.');
  });

  it('THEN a compressed stream under the cap is read as usual', async () => {
    const small = await buildFlateBombPdf(1024 * 1024);
    const { text } = await pdf(small);
    expect(text.startsWith('Spam spam spam')).toBe(true);
  });
});
