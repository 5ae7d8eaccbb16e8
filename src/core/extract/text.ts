import type { ArticleDocument } from '../../shared/schemas.ts';

/** Plain text and Markdown files: the text as written, with a title guessed from the top. */

export function extractPlainText(raw: string, url: string | null): ArticleDocument {
  const text = normalizeNewlines(raw).trim();
  return document(url, firstShortLine(text), text);
}

export function extractMarkdown(raw: string, url: string | null): ArticleDocument {
  let source = normalizeNewlines(raw);
  let title: string | null = null;
  // YAML front matter: keep its title, drop the rest.
  const front = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (front) {
    title = /^title:\s*["']?(.+?)["']?\s*$/m.exec(front[1] ?? '')?.[1]?.trim() ?? null;
    source = source.slice(front[0].length);
  }
  title ??= /^#{1,6}\s+(.+?)\s*#*\s*$/m.exec(source)?.[1]?.trim() ?? null;
  const text = stripMarkdown(source).trim();
  title = title ? stripInline(title) : firstShortLine(text);
  return document(url, title, text);
}

/** Light touch: syntax a reader does not see goes, the words stay exactly as written. */
function stripMarkdown(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(line);
      continue;
    }
    if (/^\s{0,3}\[[^\]]+\]:\s+\S+/.test(line)) continue; // reference link definitions
    if (/^\s{0,3}(=+|-+)\s*$/.test(line) && out.length > 0 && out[out.length - 1]?.trim()) {
      continue; // setext heading underline
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push('');
      continue; // thematic break
    }
    const unprefixed = line
      .replace(/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/, '$1')
      .replace(/^\s{0,3}>\s?/, '');
    out.push(stripInline(unprefixed));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

// Spans are capped (200 characters of link text or emphasis, 2,000 of URL) so a line of
// unmatched "[" or "*" costs a bounded scan per marker instead of one to the end of the line
// each, which made a 160 kB file take 20 s. A longer span keeps its markers, words intact.
function stripInline(line: string): string {
  return line
    .replace(/!\[[^\]]{0,200}\]\([^)]{0,2000}\)/g, '') // images
    .replace(/\[([^\]]{1,200})\]\([^)]{0,2000}\)/g, '$1') // [text](url)
    .replace(/\[([^\]]{1,200})\]\[[^\]]{0,200}\]/g, '$1') // [text][ref]
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.{1,200}?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)(.{1,200}?)(?<=\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)(.{1,200}?)(?<=\S)_(?!\w)/g, '$1$2')
    .replace(/~~(?=\S)(.{1,200}?)(?<=\S)~~/g, '$1');
}

function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * The title of a plain-text article. Copied web pages often start with a breadcrumb
 * ("Home News Headline") and then repeat the headline on its own line: a short line near the
 * top that stands alone more than once is the headline. Otherwise, the first short line.
 */
function firstShortLine(text: string): string | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const top = lines.slice(0, 6).filter((l) => l.length <= 120 && !/[.!?]$/.test(l));
  const repeated = top.find((line, i) => top.indexOf(line) !== i);
  if (repeated) return repeated;
  const first = lines[0];
  return first && first.length <= 120 ? first : null;
}

function document(url: string | null, title: string | null, text: string): ArticleDocument {
  return { url, title, byline: null, siteName: null, lang: null, publishedAt: null, text };
}
