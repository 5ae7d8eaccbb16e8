import { classOf } from './dom.ts';
import { type Block, renderBlocks } from './render-text.ts';

/**
 * The posts of a thread, found by the markup forum software gives each post's body. On a
 * forum the replies are the content, but the usual reading keeps the opening post alone:
 * Readability settles on one post, and the page-furniture rules take a "comments" or
 * "discussion" section for the comments under a news story.
 */

// Class names (whole names) of a post's body: XenForo, Discourse, Stack Exchange, Vanilla,
// old Reddit, Invision, phpBB.
const POST_CLASSES = new Set([
  'bbwrapper',
  'cooked',
  'js-post-body',
  'usercontent',
  'usertext-body',
  'ipsrichtext',
  'ipstype_richtext',
  'postbody',
  'discussionboard-message',
]);
const BLOCK_TAGS = new Set(['div', 'article', 'section', 'td', 'blockquote']);

// Class names of a comment's body (Lobsters, Hacker News, Drupal, WordPress and others). Comments
// under a story are not its content, so these count only where the page is a discussion:
// typed a thread, or a shared link whose comments are all there is to read.
const COMMENT_CLASSES = new Set([
  'comment_text',
  'commtext',
  'comment-content',
  'comment-body',
  'commentbody',
  'field-name-comment-body',
]);

/**
 * Whether an element is the body of one post or of one comment (see COMMENT_CLASSES), asked
 * once per element of the page. schema.org's itemprop="text" marks the text of a
 * DiscussionForumPosting, a Comment, a Question or an Answer.
 */
export function bodyKind(el: Element): 'post' | 'comment' | null {
  const tag = el.localName;
  if (!BLOCK_TAGS.has(tag) || !el.hasAttributes()) return null;
  if (el.getAttribute('itemprop') === 'text') return 'post';
  if (el.getAttribute('data-role') === 'commentContent') return 'post';
  if ((el.getAttribute('id') ?? '').startsWith('post_message_')) return 'post';
  const classes = classOf(el);
  if (!classes) return null;
  let kind: 'comment' | null = null;
  for (const name of classes.toLowerCase().split(' ')) {
    if (POST_CLASSES.has(name)) return 'post';
    if (COMMENT_CLASSES.has(name)) kind = 'comment';
  }
  return kind;
}

/** The poster's name, from the markup around the post (XenForo's data-author, schema.org). */
function authorOf(post: Element): string | null {
  let el: Element | null = post.parentElement;
  for (let depth = 0; el && depth < 6; depth++, el = el.parentElement) {
    const named = el.getAttribute('data-author');
    if (named?.trim()) return named.trim();
    const type = el.getAttribute('itemtype') ?? '';
    if (/DiscussionForumPosting|Comment|Answer|Question/.test(type)) {
      // The name alone: an author block also holds reputation, badges and a date.
      const author =
        el.querySelector('[itemprop=author] [itemprop=name]') ??
        el.querySelector('[itemprop=author]');
      const name = author?.textContent?.replace(/\s+/g, ' ').trim();
      return name && name.length <= 40 ? name : null;
    }
  }
  return null;
}

/**
 * Each post rendered, under its poster's name when the page gives it; `posters` lists those
 * names in order, so a summary can say who wrote what.
 */
export function renderPosts(posts: Element[]): { blocks: Block[]; posters: string[] } {
  const blocks: Block[] = [];
  const posters: string[] = [];
  for (const post of posts) {
    const body = renderBlocks(post);
    if (body.length === 0) continue;
    const author = authorOf(post) ?? post.getAttribute('data-poster');
    if (author) {
      blocks.push({ text: author, item: false, heading: false });
      posters.push(author);
    }
    blocks.push(...body);
  }
  return { blocks, posters };
}
