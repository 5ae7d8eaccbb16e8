import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTRACT_LIMITS } from '../../src/core/extract/limits.ts';
import { renderSummaryText } from '../../src/discord/render/plain-text.ts';
import { buildPdf } from '../../testkit/extract/make-pdf.ts';
import { expectCleanTraffic, sent } from './expectations.ts';
import { makeResult } from './results.ts';
import { type Running, startBot } from './start-bot.ts';

let run: Running;
beforeAll(async () => {
  run = await startBot();
});
afterAll(async () => {
  expectCleanTraffic(run.fake);
  await run.close();
});

const PAGES = EXTRACT_LIMITS.pdfMaxPages + 50;

/** A report of more pages than are read, each page a paragraph of ordinary prose. */
function longReport(): Uint8Array {
  return buildPdf({
    title: 'Annual report',
    pages: Array.from({ length: PAGES }, (_, i) => [
      `Section ${i + 1} reviews the harbour works of the year, the new quay and its costs.`,
      'The council approved the budget after a long debate about the ferry timetable.',
    ]),
  });
}

describe('GIVEN a PDF attachment longer than the pages the bot reads', () => {
  it('THEN the reply tells the user only the first pages were read', async () => {
    const file = run.fake.addAttachment('report.pdf', longReport(), 'application/pdf');
    const body = sent(await run.fake.slash('summarize', { file }).edit());
    const footer = body.embeds?.at(-1)?.footer?.text ?? '';
    expect(footer).toContain(
      `Only the first ${EXTRACT_LIMITS.pdfMaxPages} of ${PAGES} pages were read.`,
    );
  });
});

describe('GIVEN source notes that carry markup or run long', () => {
  const result = makeResult();
  result.source.notes = [
    'Only the first **200** of 900 pages were read. @everyone',
    `A note ${'very '.repeat(100)}long.`,
    'A third note.',
  ];

  it('THEN the plain-text reply shows them escaped, cut, and at most two', () => {
    const footer = renderSummaryText(result).split('\n').at(-1) ?? '';
    expect(footer).toContain(
      'Only the first \\*\\*200\\*\\* of 900 pages were read. @\u200beveryone',
    );
    expect(footer).toMatch(/A note (very ){10,}[^·]*…/);
    expect(footer).not.toContain('A third note.');
  });
});
