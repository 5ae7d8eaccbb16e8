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

/**
 * The elements metadata is read from, each the first of its kind in the page as
 * `querySelector` would find it, collected by noteMetadataSource in the page's one walk
 * (read-page.ts) rather than by a dozen walks of their own.
 */
export type MetadataSources = {
  root: Element | null;
  /** meta[content], in page order. */
  metas: Element[];
  /** link[rel~=canonical][href] */
  canonical: Element | null;
  title: Element | null;
  h1: Element | null;
  /** a[rel~=author] */
  relAuthor: Element | null;
  /** [itemprop=author] (the first "[itemprop=author] [itemprop=name]" always comes after it). */
  itempropAuthor: Element | null;
  /** .byline, [class*=byline], .author */
  bylineClass: Element | null;
  /** article time[datetime] */
  articleTime: Element | null;
  /** time[datetime] */
  time: Element | null;
};

export function metadataSources(root: Element | null): MetadataSources {
  return {
    root,
    metas: [],
    canonical: null,
    title: null,
    h1: null,
    relAuthor: null,
    itempropAuthor: null,
    bylineClass: null,
    articleTime: null,
    time: null,
  };
}

// As css-select matches `rel~=`: a whole word, and without case (rel is one of the HTML
// attributes whose values are case-insensitive).
const REL_CANONICAL = /(?:^|\s)canonical(?:$|\s)/i;
const REL_AUTHOR = /(?:^|\s)author(?:$|\s)/i;
const CLASS_AUTHOR = /(?:^|\s)author(?:$|\s)/;

/**
 * Notes `el` if it is the first of a kind readMetadata reads. Names are compared as
 * css-select compares them, by lower-case local name.
 */
export function noteMetadataSource(
  sources: MetadataSources,
  el: Element,
  inArticle: boolean,
): void {
  switch (el.localName) {
    case 'meta':
      if (el.hasAttribute('content')) sources.metas.push(el);
      break;
    case 'link':
      if (
        !sources.canonical &&
        el.hasAttribute('href') &&
        REL_CANONICAL.test(el.getAttribute('rel') ?? '')
      )
        sources.canonical = el;
      break;
    case 'title':
      sources.title ??= el;
      break;
    case 'h1':
      sources.h1 ??= el;
      break;
    case 'a':
      if (!sources.relAuthor && REL_AUTHOR.test(el.getAttribute('rel') ?? ''))
        sources.relAuthor = el;
      break;
    case 'time':
      if (el.hasAttribute('datetime')) {
        sources.time ??= el;
        if (inArticle) sources.articleTime ??= el;
      }
      break;
  }
  if (!el.hasAttributes()) return;
  if (!sources.itempropAuthor && el.getAttribute('itemprop') === 'author')
    sources.itempropAuthor = el;
  if (!sources.bylineClass) {
    // The raw attribute, as css-select reads it for [class*=…].
    const cls = el.getAttributeNode('class')?.value;
    if (cls && (cls.includes('byline') || CLASS_AUTHOR.test(cls))) sources.bylineClass = el;
  }
}

export function readMetadata(
  sources: MetadataSources,
  jsonLd: JsonLdArticle | null,
  pageUrl: string | null,
): PageMetadata {
  const meta = metaIndex(sources.metas);
  const siteName =
    meta.get('og:site_name') ?? jsonLd?.publisher ?? meta.get('application-name') ?? null;
  return {
    url: canonicalUrl(sources, meta, pageUrl),
    title: readTitle(sources, meta, jsonLd, siteName),
    byline: readByline(sources, meta, jsonLd),
    siteName: clean(siteName),
    lang: readLang(sources, meta, jsonLd),
    publishedAt: readPublished(sources, meta, jsonLd),
  };
}

/** name/property/itemprop/http-equiv (lowercased) -> first non-empty content. */
function metaIndex(metas: Element[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const el of metas) {
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
  sources: MetadataSources,
  meta: Map<string, string>,
  pageUrl: string | null,
): string | null {
  const candidates = [sources.canonical?.getAttribute('href'), meta.get('og:url')];
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
  sources: MetadataSources,
  meta: Map<string, string>,
  jsonLd: JsonLdArticle | null,
  siteName: string | null,
): string | null {
  const og = clean(meta.get('og:title') ?? meta.get('twitter:title'));
  if (og) return stripSiteName(og, siteName, false);
  const headline = clean(jsonLd?.headline);
  if (headline) return headline;
  const title = clean(sources.title?.textContent);
  const h1 = clean(sources.h1?.textContent);
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
  sources: MetadataSources,
  meta: Map<string, string>,
  jsonLd: JsonLdArticle | null,
): string | null {
  const fromMeta = clean(
    meta.get('author') ?? meta.get('article:author') ?? meta.get('parsely-author'),
  );
  if (fromMeta && !/^https?:\/\//.test(fromMeta)) return fromMeta;
  if (jsonLd && jsonLd.authors.length > 0) return jsonLd.authors.join(', ');
  const relAuthor = clean(sources.relAuthor?.textContent);
  if (relAuthor) return relAuthor;
  const itemprop = sources.itempropAuthor;
  const fromItemprop = clean(itemprop?.getAttribute('content') ?? itemprop?.textContent);
  if (fromItemprop) return fromItemprop;
  const byline = clean(sources.bylineClass?.textContent);
  const name = byline ? clean(byline.replace(/^by\s+/i, '')) : null;
  // A long "byline" is a whole meta line (name, role, date); better none than that.
  return name && name.length <= 80 ? name : null;
}

function readLang(
  sources: MetadataSources,
  meta: Map<string, string>,
  jsonLd: JsonLdArticle | null,
): string | null {
  const raw =
    // || not ??: lang="" is common and means nothing.
    (sources.root?.getAttribute('lang')?.trim() ||
      sources.root?.getAttribute('xml:lang')?.trim() ||
      meta.get('og:locale')) ??
    meta.get('content-language') ??
    meta.get('language') ??
    jsonLd?.inLanguage ??
    null;
  const tag = raw?.split(',')[0]?.trim().replace(/_/g, '-');
  return tag && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag) ? tag : null;
}

function readPublished(
  sources: MetadataSources,
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
    (sources.articleTime ?? sources.time)?.getAttribute('datetime'),
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
