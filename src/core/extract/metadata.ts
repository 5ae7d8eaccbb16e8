import type { JsonLdArticle } from './json-ld.ts';

/** What the page says about itself, read from the untouched document. */
export type PageMetadata = {
  url: string | null;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  publishedAt: string | null;
};

export function readMetadata(
  document: Document,
  jsonLd: JsonLdArticle | null,
  pageUrl: string | null,
): PageMetadata {
  const meta = metaIndex(document);
  const siteName =
    meta.get('og:site_name') ?? jsonLd?.publisher ?? meta.get('application-name') ?? null;
  return {
    url: canonicalUrl(document, meta, pageUrl),
    title: readTitle(document, meta, jsonLd, siteName),
    byline: readByline(document, meta, jsonLd),
    siteName: clean(siteName),
    lang: readLang(document, meta, jsonLd),
    publishedAt: readPublished(document, meta, jsonLd),
  };
}

/** name/property/itemprop/http-equiv (lowercased) -> first non-empty content. */
function metaIndex(document: Document): Map<string, string> {
  const index = new Map<string, string>();
  for (const el of Array.from(document.querySelectorAll('meta[content]'))) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !index.has(key)) index.set(key, content);
    }
  }
  return index;
}

function canonicalUrl(
  document: Document,
  meta: Map<string, string>,
  pageUrl: string | null,
): string | null {
  const candidates = [
    document.querySelector('link[rel~=canonical][href]')?.getAttribute('href'),
    meta.get('og:url'),
  ];
  for (const href of candidates) {
    const resolved = resolveUrl(href, pageUrl);
    if (resolved) return resolved;
  }
  return pageUrl;
}

function resolveUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href?.trim()) return null;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

// " | ", " - ", " — ", " · ", " :: " between a headline and a site name.
const TITLE_SEPARATOR = /\s+(?:[|\-–—·»]|::)\s+/g;

function readTitle(
  document: Document,
  meta: Map<string, string>,
  jsonLd: JsonLdArticle | null,
  siteName: string | null,
): string | null {
  const og = clean(meta.get('og:title') ?? meta.get('twitter:title'));
  if (og) return stripSiteName(og, siteName, false);
  const headline = clean(jsonLd?.headline);
  if (headline) return headline;
  const title = clean(document.querySelector('title')?.textContent);
  const h1 = clean(document.querySelector('h1')?.textContent);
  // "Headline | Site" where the page's <h1> is the headline part.
  if (title && h1 && h1 !== title && title.startsWith(h1)) return h1;
  if (!title) return h1;
  // Sites shorten the headline in <title> ("Ferry timetable | Island Times"); an <h1> that
  // starts with the part before the first separator is the full headline.
  const lead = title.split(TITLE_SEPARATOR)[0]?.trim() ?? '';
  if (h1 && words(lead) >= 2 && h1.length > lead.length && h1.startsWith(lead)) return h1;
  return stripSiteName(title, siteName, true);
}

/**
 * "Headline | Site" -> "Headline" (and "Site | Headline"). Without a known site name, a
 * `loose` <title> loses a short last part, as Readability does; og:title is trusted more.
 */
function stripSiteName(title: string, siteName: string | null, loose: boolean): string {
  const separators = Array.from(title.matchAll(TITLE_SEPARATOR));
  const first = separators[0];
  const last = separators[separators.length - 1];
  if (!first || !last) return title;
  const head = title.slice(0, last.index).trim();
  const tail = title.slice(last.index + last[0].length).trim();
  const site = siteName?.trim().toLowerCase();
  if (site && tail.toLowerCase() === site) return head;
  if (site && title.slice(0, first.index).trim().toLowerCase() === site) {
    return title.slice(first.index + first[0].length).trim();
  }
  if (loose && words(tail) <= 4 && words(head) >= 3) return head;
  return title;
}

function readByline(
  document: Document,
  meta: Map<string, string>,
  jsonLd: JsonLdArticle | null,
): string | null {
  const fromMeta = clean(
    meta.get('author') ?? meta.get('article:author') ?? meta.get('parsely-author'),
  );
  if (fromMeta && !/^https?:\/\//.test(fromMeta)) return fromMeta;
  if (jsonLd && jsonLd.authors.length > 0) return jsonLd.authors.join(', ');
  const relAuthor = clean(document.querySelector('a[rel~=author]')?.textContent);
  if (relAuthor) return relAuthor;
  const itemprop = document.querySelector('[itemprop=author] [itemprop=name], [itemprop=author]');
  const fromItemprop = clean(itemprop?.getAttribute('content') ?? itemprop?.textContent);
  if (fromItemprop) return fromItemprop;
  const byline = clean(document.querySelector('.byline, [class*=byline], .author')?.textContent);
  const name = byline ? clean(byline.replace(/^by\s+/i, '')) : null;
  // A long "byline" is a whole meta line (name, role, date); better none than that.
  return name && name.length <= 80 ? name : null;
}

function readLang(
  document: Document,
  meta: Map<string, string>,
  jsonLd: JsonLdArticle | null,
): string | null {
  const raw =
    // || not ??: lang="" is common and means nothing.
    (document.documentElement?.getAttribute('lang')?.trim() ||
      document.documentElement?.getAttribute('xml:lang')?.trim() ||
      meta.get('og:locale')) ??
    meta.get('content-language') ??
    meta.get('language') ??
    jsonLd?.inLanguage ??
    null;
  const tag = raw?.split(',')[0]?.trim().replace(/_/g, '-');
  return tag && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag) ? tag : null;
}

function readPublished(
  document: Document,
  meta: Map<string, string>,
  jsonLd: JsonLdArticle | null,
): string | null {
  const candidates = [
    meta.get('article:published_time'),
    jsonLd?.datePublished,
    meta.get('datepublished'),
    meta.get('og:published_time'),
    meta.get('date'),
    meta.get('pubdate'),
    meta.get('dc.date.issued'),
    // The article's own <time> before any in a sidebar.
    (
      document.querySelector('article time[datetime]') ?? document.querySelector('time[datetime]')
    )?.getAttribute('datetime'),
  ];
  for (const value of candidates) {
    const iso = toIso(value);
    if (iso) return iso;
  }
  return null;
}

function toIso(value: string | null | undefined): string | null {
  const raw = value?.trim();
  if (!raw) return null;
  // A date-time without a zone would be read in the server's zone; UTC is at least stable.
  const time = Date.parse(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(raw) ? `${raw}Z` : raw,
  );
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
