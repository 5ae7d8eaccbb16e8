import { inQuotationMarks } from '../shared/quote-marks.ts';
import type { ArticleDocument, Result } from '../shared/schemas.ts';
import { terminalSafe } from './terminal-safe.ts';

/** The terminal view of a Result: title, tldr, bullets with their evidence, quotes, provenance. */
export function renderResultText(result: Result): string {
  const lines: string[] = [];
  const { source, summary, quotes, meta } = result;
  lines.push(source.title ?? '(untitled)');
  const about = [
    source.siteName,
    source.byline,
    source.publishedAt?.slice(0, 10),
    source.url,
  ].filter(Boolean);
  if (about.length > 0) lines.push(about.join(' · '));
  for (const note of source.notes ?? []) lines.push(`Note: ${note}`);
  lines.push(
    '',
    `TL;DR: ${summary.tldr}${summary.tldrSupport === 'weak' ? ' (weak support)' : ''}`,
    '',
  );

  const number = new Map(quotes.map((quote, index) => [quote.id, index + 1]));
  const evidence = (ids: string[]) =>
    ids
      .map((id) => number.get(id))
      .filter((n) => n !== undefined)
      .map((n) => `[${n}]`)
      .join('');
  // A weak sentence is shown, but the reader is told little of its wording is in the source.
  const weak = (support: string | undefined) => (support === 'weak' ? ' (weak support)' : '');
  if (meta.style === 'prose') {
    lines.push(
      summary.bullets.map((b) => `${b.text}${evidence(b.quoteIds)}${weak(b.support)}`).join(' '),
    );
  } else {
    for (const bullet of summary.bullets)
      lines.push(
        `• ${`${bullet.text} ${evidence(bullet.quoteIds)}`.trimEnd()}${weak(bullet.support)}`,
      );
  }

  if (quotes.length > 0) {
    lines.push('', 'Key quotes (each checked word for word against the source):');
    quotes.forEach((quote, index) => {
      lines.push(
        `[${index + 1}] ${inQuotationMarks(quote.text)}${quote.speaker ? ` — ${quote.speaker}` : ''}`,
      );
    });
  }
  const dropped =
    meta.droppedQuotes > 0 ? ` · ${meta.droppedQuotes} unverifiable quote(s) dropped` : '';
  const claims = meta.droppedClaims ?? 0;
  const droppedClaims =
    claims > 0 ? ` · ${claims} unsupported claim(s) dropped (not found in the source)` : '';
  const tokens =
    meta.engine === 'llm' ? ` · ${meta.tokens.input}+${meta.tokens.output} tokens` : '';
  lines.push(
    '',
    `${meta.engine === 'offline' ? 'offline engine' : meta.model} · ${meta.prompt}${tokens}${meta.cached ? ' · cached' : ''}${dropped}${droppedClaims}`,
  );
  return terminalSafe(`${lines.join('\n')}\n`);
}

export function renderDocumentText(document: ArticleDocument): string {
  const fields: Array<[string, string | null]> = [
    ['Title', document.title],
    ['Byline', document.byline],
    ['Site', document.siteName],
    ['Language', document.lang],
    ['Published', document.publishedAt],
    ['URL', document.url],
  ];
  const header = fields.filter(([, value]) => value).map(([name, value]) => `${name}: ${value}`);
  for (const note of document.notes ?? []) header.push(`Note: ${note}`);
  return terminalSafe(`${header.join('\n')}\n\n${document.text}\n`);
}
