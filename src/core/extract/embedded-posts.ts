import { parseHTML } from 'linkedom';
import { renderPosts } from './forum-posts.ts';
import type { Block } from './render-text.ts';

/**
 * The posts of a thread shipped as data for the page's scripts, where the visible page is a
 * loading screen: Discourse preloads the topic's post stream as JSON in a hidden element's
 * data-preloaded attribute (each value a JSON string of its own), and other single-page forums
 * do the same in a <script type="application/json">. Each post's body is HTML ("cooked").
 */

// A post stream is a few hundred KB at most; a larger blob is not worth parsing for one.
const MAX_JSON_CHARS = 4_000_000;
const MAX_POSTS = 500;

type RawPost = { cooked: string; author: string | null };

/** The thread's posts in order, each under its poster's name; null when there is none. */
export function embeddedThread(
  sources: readonly string[],
): { blocks: Block[]; posters: string[] } | null {
  const posts: RawPost[] = [];
  for (const source of sources) {
    if (source.length > MAX_JSON_CHARS || !source.includes('post_stream')) continue;
    collect(parse(source), posts, 0);
    if (posts.length > 0) break;
  }
  if (posts.length === 0) return null;
  const html = posts
    .slice(0, MAX_POSTS)
    .map(
      (post) =>
        `<article${post.author ? ` data-author="${escapeAttribute(post.author)}"` : ''}><div class="cooked">${post.cooked}</div></article>`,
    )
    .join('');
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return renderPosts(Array.from(document.querySelectorAll('div.cooked')));
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Finds `post_stream.posts`, looking into values that are JSON strings themselves. */
function collect(value: unknown, posts: RawPost[], depth: number): void {
  if (depth > 6 || posts.length > 0) return;
  if (typeof value === 'string') {
    if (value.includes('post_stream')) collect(parse(value), posts, depth + 1);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const stream = (value as { post_stream?: { posts?: unknown } }).post_stream;
  if (stream && Array.isArray(stream.posts)) {
    for (const post of stream.posts) {
      const { cooked, username, name } = (post ?? {}) as Record<string, unknown>;
      if (typeof cooked !== 'string' || cooked.trim() === '') continue;
      const author =
        typeof username === 'string' ? username : typeof name === 'string' ? name : null;
      posts.push({ cooked, author: author?.trim() || null });
    }
    return;
  }
  for (const child of Object.values(value)) collect(child, posts, depth + 1);
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
