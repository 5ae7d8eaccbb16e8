import type { IncomingHttpHeaders } from 'node:http';
import { UserError } from '../../shared/errors.ts';
import { inert } from '../inert.ts';

export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

export interface ContentType {
  /** Lower-case mime type without parameters; '' when the server sent none. */
  mime: string;
  charset: string | null;
}

export function parseContentType(header: string | undefined): ContentType {
  if (!header) return { mime: '', charset: null };
  const [type = '', ...params] = header.split(';');
  let charset: string | null = null;
  for (const param of params) {
    const [name, ...rest] = param.split('=');
    if (name?.trim().toLowerCase() !== 'charset') continue;
    const value = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim()
      .toLowerCase();
    if (value !== '') charset = value;
  }
  return { mime: type.trim().toLowerCase(), charset };
}

export function parseCacheControl(header: string | undefined): {
  noStore: boolean;
  maxAgeSeconds: number | null;
} {
  let noStore = false;
  let maxAgeSeconds: number | null = null;
  for (const directive of (header ?? '').toLowerCase().split(',')) {
    const [name = '', value] = directive.trim().split('=');
    if (name === 'no-store' || name === 'private') noStore = true;
    if (name === 'max-age' && value !== undefined && /^\d+$/.test(value.replace(/"/g, ''))) {
      maxAgeSeconds = Number(value.replace(/"/g, ''));
    }
  }
  return { noStore, maxAgeSeconds };
}

/** Turns an error status into the words the user sees. */
export function checkStatus(status: number, url: string): void {
  if (status < 300) return;
  const details = { url, host: new URL(url).hostname, status };
  if (status < 400) {
    throw new UserError(
      'http_status',
      `the site sent a redirect with no destination (status ${status})`,
      details,
    );
  }
  if (status === 401 || status === 402 || status === 403 || status === 451) {
    const reason =
      status === 451
        ? 'the page is unavailable for legal reasons'
        : 'the site requires a login or subscription';
    throw new UserError(
      'could_not_read',
      `could not read this page: ${reason} (status ${status})`,
      details,
    );
  }
  if (status === 404 || status === 410) {
    throw new UserError('http_status', `the page was not found (status ${status})`, details);
  }
  if (status === 429) {
    throw new UserError(
      'http_status',
      `the site is refusing requests right now (status ${status})`,
      details,
    );
  }
  if (status >= 500) {
    throw new UserError('http_status', `the site had an error (status ${status})`, details);
  }
  throw new UserError('http_status', `the site refused the request (status ${status})`, details);
}

const KIND_BY_PREFIX: Record<string, string> = {
  video: 'a video file',
  audio: 'an audio file',
  image: 'an image file',
  font: 'a font file',
  model: 'a 3D model file',
};

/** Refuses types extraction cannot turn into an article; '' (no header) is left to sniffing. */
export function checkContentType(mime: string, accepted: readonly string[], url: string): void {
  if (mime === '' || accepted.includes(mime)) return;
  const prefix = mime.split('/')[0] ?? '';
  const kind = KIND_BY_PREFIX[prefix] ?? describeFile(mime);
  throw new UserError('not_article', `this link is ${kind}, not an article`, {
    url,
    contentType: mime,
  });
}

function describeFile(mime: string): string {
  if (mime === 'application/octet-stream') return 'a download';
  if (mime === 'application/zip' || mime.endsWith('compressed')) return 'an archive';
  return `a ${inert(mime, 60)} file`;
}
