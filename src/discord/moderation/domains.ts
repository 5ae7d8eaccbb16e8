import type { GuildSettings } from '../../store/index.ts';

/** The host of a link, lower case and without a leading www.; null when it is not a URL. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** A listed domain covers itself and its subdomains (example.com covers news.example.com). */
function covers(domain: string, host: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * The deny list wins; a non-empty allow list admits only what it names. Returns why a link is
 * refused, or null when it may be summarized.
 */
export function domainRefusal(
  settings: Pick<GuildSettings, 'domainAllow' | 'domainDeny'>,
  url: string,
): string | null {
  const host = hostOf(url);
  if (host === null) return 'not a link';
  if (settings.domainDeny.some((d) => covers(d, host))) {
    return `${host} is on this server's deny list`;
  }
  if (settings.domainAllow.length > 0 && !settings.domainAllow.some((d) => covers(d, host))) {
    return `${host} is not on this server's allow list`;
  }
  return null;
}
