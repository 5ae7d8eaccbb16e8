import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/core/extract/html.ts';

// A post whose paragraphs are lines of one block, split by <br><br> (old blog engines, forum
// software): Readability makes paragraphs of them, the marked container keeps one block.
const LINES = [
  'The ferry company said the new timetable would add four crossings a day from June, after a winter in which delays left commuters stranded.',
  'Passenger numbers have recovered to about ninety percent of their level before the pandemic, and the operator expects the busiest summer yet.',
  'Local businesses on the island welcomed the change, saying that the last sailing has made it hard to keep staff who live on the mainland.',
];

describe('GIVEN a post whose paragraphs are separated by <br><br> inside the marked body', () => {
  it('THEN each paragraph appears once, not once from Readability and again from the container', () => {
    const html = `<!doctype html><html><head><title>Ferry</title></head><body><div class="entry-content"><h1>Ferry timetable</h1>${LINES.join('<br><br>')}</div></body></html>`;
    const text = extractHtml(html, null).text;
    expect(text).toContain('four crossings a day');
    expect(text.split('four crossings a day').length - 1).toBe(1);
    expect(text.split('busiest summer yet').length - 1).toBe(1);
  });
});
