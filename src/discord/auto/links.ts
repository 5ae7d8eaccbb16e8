/** At most this many links of one message are summarized: a link dump must not drain the budget. */
const MAX_LINKS_PER_MESSAGE = 3;

const LINK = /https?:\/\/[^\s<>|"]+/giu;

/** The http(s) links in a message, in order, without duplicates or trailing punctuation. */
export function findLinks(content: string, max = MAX_LINKS_PER_MESSAGE): string[] {
  const links: string[] = [];
  for (const match of content.matchAll(LINK)) {
    // Sentence punctuation and a closing bracket around a link are not part of it.
    const link = match[0].replace(/[.,;:!?)\]}'*_~]+$/u, '');
    try {
      new URL(link);
    } catch {
      continue;
    }
    if (!links.includes(link)) links.push(link);
    if (links.length >= max) break;
  }
  return links;
}

const TRACKING = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref_src)$/i;

/**
 * The key two links share when they are the same article: no fragment, no tracking
 * parameters, host in lower case without www., no trailing slash.
 */
export function urlKey(link: string): string {
  const url = new URL(link);
  url.hash = '';
  url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
  for (const name of [...url.searchParams.keys()]) {
    if (TRACKING.test(name)) url.searchParams.delete(name);
  }
  url.searchParams.sort();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
    url.pathname = url.pathname.replace(/\/+$/, '');
  }
  const text = url.toString();
  // The root path always prints as '/': drop it too, so example.com and example.com/ match.
  return url.pathname === '/' && url.search === '' ? text.slice(0, -1) : text;
}

/** Words in an extracted text, for a channel's minimum article length. */
export function countWords(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}
