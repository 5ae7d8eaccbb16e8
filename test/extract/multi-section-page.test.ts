import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/core/extract/html.ts';

// A service page that says nothing of what it is (no schema.org type, no og:type): a hero,
// then sections of features, each a heading and a short paragraph, and one long section that
// Readability settles on alone.

const FEATURES = [
  ['Data strategy', 'Questions mapped to data'],
  ['Governance', 'Lineage you can audit'],
  ['Dashboards', 'Figures that matter'],
  ['Data engineering', 'Nightly pipelines'],
  ['Training', 'Workshops for teams'],
  ['Machine learning', 'Forecasts you can check'],
  ['Cloud migration', 'No weekend downtime'],
  ['Managed service', 'One team on call'],
  ['Security', 'Encryption by default'],
  ['Reporting', 'Board packs in a day'],
  ['Data quality', 'Checks on every load'],
  ['Privacy', 'Consent tracked per field'],
  ['Integration', 'Connectors for your CRM'],
  ['Support', 'Answers within the hour'],
];

const QUOTES = [
  'Our weekly report went from two days of work to ten minutes, and nobody argues about the numbers any more.',
  'They left us with a platform our own team runs, which is what we asked for and rarely get.',
  'The forecasts paid for the whole project within one quarter of going live.',
];

const LONG_SECTION = Array.from(
  { length: 2 },
  (_, i) =>
    `<p>Information has never been a more valuable commodity, part ${i + 1}: the firms that act on their data quickly, with clear ownership and trusted figures, make better decisions about pricing, staffing and stock than the ones that argue over whose spreadsheet is right.</p>`,
).join('');

const html = `<!doctype html><html lang="en"><head><title>Data analytics consulting</title></head><body>
<header class="site-header"><a href="/">Acme Advisory</a></header>
<div class="page">
  <section class="hero"><h1>Data analytics consulting</h1><p>Insights that move your business forward, built on data you can trust.</p></section>
  <div class="row"><div class="column"><section class="intro"><h2>Why data matters now</h2>${LONG_SECTION}</section></div></div>
  <div class="row dark"><div class="column"><div class="block"><section class="services"><h2>What we do</h2><div class="grid">${FEATURES.map(([title, text]) => `<div class="card"><h3>${title}</h3><div class="card-text">${text}</div></div>`).join('')}</div></section></div></div></div>
  <div class="row"><div class="column"><section class="testimonials"><h2>What clients say</h2>${QUOTES.map((quote) => `<blockquote class="quote"><span>${quote}</span></blockquote>`).join('')}</section></div></div>
  <section class="cta"><h2>Talk to an advisor</h2><p>Tell us where you are on your data journey and we will suggest a first step.</p></section>
</div>
<footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>`;

describe('GIVEN an untyped service page of several sections, one of them long', () => {
  it('THEN every section is read, not only the long one', () => {
    const document = extractHtml(html, null);
    expect(document.pageType).toBe('other');
    expect(document.text).toContain('Information has never been a more valuable commodity, part 2');
    for (const [title, text] of FEATURES) {
      expect(document.text).toContain(title);
      expect(document.text).toContain(text);
    }
    for (const quote of QUOTES) expect(document.text).toContain(quote);
    expect(document.text).not.toContain('Terms');
  });
});
