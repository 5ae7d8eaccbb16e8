import { escapeHtml, safeHref } from './escape-html.ts';

// Discord drops a backslash before ASCII punctuation; everything else keeps it.
const ESCAPABLE = /[!-/:-@[-`{-~]/;

const SPANS: ReadonlyArray<readonly [delimiter: string, tag: string]> = [
  ['**', 'strong'],
  ['__', 'u'],
  ['~~', 's'],
  ['*', 'em'],
  ['_', 'em'],
];

/**
 * The inline markdown Discord shows in embed descriptions and field values (bold, italic,
 * underline, strike, code, masked links, backslash escapes, line breaks) as HTML. Every
 * character of the input leaves through escapeHtml, so text can never become markup.
 */
export function renderDiscordMarkdown(source: string): string {
  let html = '';
  let i = 0;
  scan: while (i < source.length) {
    const char = source[i] as string;
    const next = source[i + 1];
    if (char === '\\' && next !== undefined && ESCAPABLE.test(next)) {
      html += escapeHtml(next);
      i += 2;
      continue;
    }
    if (char === '\n') {
      html += '<br>';
      i += 1;
      continue;
    }
    if (char === '`') {
      const close = source.indexOf('`', i + 1);
      if (close > i + 1) {
        html += `<code>${escapeHtml(source.slice(i + 1, close))}</code>`;
        i = close + 1;
        continue;
      }
    }
    if (char === '[') {
      const link = maskedLink(source, i);
      if (link) {
        html += `<a href="${escapeHtml(link.href)}" target="_blank" rel="noopener noreferrer">${renderDiscordMarkdown(link.label)}</a>`;
        i = link.end;
        continue;
      }
    }
    for (const [delimiter, tag] of SPANS) {
      if (!source.startsWith(delimiter, i)) continue;
      const start = i + delimiter.length;
      const close = findUnescaped(source, delimiter, start);
      if (close > start) {
        html += `<${tag}>${renderDiscordMarkdown(source.slice(start, close))}</${tag}>`;
        i = close + delimiter.length;
        continue scan;
      }
    }
    html += escapeHtml(char);
    i += 1;
  }
  return html;
}

/** Markdown escapes removed, for places that show plain text (titles, field names). */
export function stripMarkdownEscapes(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function findUnescaped(source: string, needle: string, from: number): number {
  for (let j = from; j < source.length; j += 1) {
    if (source[j] === '\\') {
      j += 1;
      continue;
    }
    if (source.startsWith(needle, j)) return j;
  }
  return -1;
}

/** `[label](https://…)` starting at `open`; a target that is not http(s) is not a link. */
function maskedLink(
  source: string,
  open: number,
): { label: string; href: string; end: number } | null {
  const closeLabel = findUnescaped(source, ']', open + 1);
  if (closeLabel < 0 || source[closeLabel + 1] !== '(') return null;
  const closeTarget = source.indexOf(')', closeLabel + 2);
  if (closeTarget < 0) return null;
  const target = source.slice(closeLabel + 2, closeTarget);
  if (/\s/.test(target)) return null;
  const href = safeHref(target);
  if (!href) return null;
  return { label: source.slice(open + 1, closeLabel), href, end: closeTarget + 1 };
}
