import { parseHTML } from 'linkedom';
import type { ArticleDocument } from '../../shared/schemas.ts';
import { removeBoilerplate, removeInvisible } from './clean.ts';
import { findContentBlock } from './content-block.ts';
import { dropBoilerplate } from './drop-boilerplate.ts';
import { embeddedThread } from './embedded-posts.ts';
import { renderPosts } from './forum-posts.ts';
import type { PageType } from './page-type.ts';
import { addMissedProse, keepInside, pruneBlocks } from './prune-blocks.ts';
import { readPage } from './read-page.ts';
import { type Block, joinBlocks, renderBlocks } from './render-text.ts';
import { TextReadability } from './text-readability.ts';
import { assertReadable, countWords, MIN_WORDS, REFUSE_WORDS } from './walls.ts';

/**
 * HTML -> ArticleDocument. Metadata, JSON-LD and wall signals are read from the untouched
 * page; then hidden text and page furniture go, Readability picks the article, and the text
 * is rendered block by block and filtered once more. Throws UserError when the page is not
 * an article (login, paywall, cookie wall, almost no text).
 */
export function extractHtml(html: string, url: string | null): ArticleDocument {
  const { document } = parseHTML(withDocumentShape(html));
  // Also removes what no reader sees (hidden text is where injected instructions hide).
  const { jsonLd, metadata, signals, posts, comments, embedded, ...read } = readPage(document, url);
  let pageType = read.pageType;
  // Rendered before the furniture goes: a thread's replies sit in "comments" sections. On a
  // page typed as an article too: forum software marks every thread up as one.
  const thread = posts.length >= 2 && pageType !== 'product' ? renderPosts(posts) : null;
  // Comments are a thread's posts where the page says it is one and marks up no posts, and the
  // content of a shared link that has no text of its own (read below, if nothing else is).
  const discussion = !thread && comments.length >= 2 ? renderPosts(comments) : null;
  removeBoilerplate(document);
  // Rendered now: Readability takes the page apart as it works.
  const marked = findContentBlock(document, (el) => hasWords(el.textContent ?? '', 50));
  const markedBlocks = marked ? pruneBlocks(renderBlocks(marked)) : [];
  // A page that is not a story (a listing, a product, a service page) is its main region
  // whole, where Readability keeps one block of the grid or one section: rendered now, as
  // Readability takes the page apart. Most such pages do not say what they are, so every
  // page that is not known to be a story or a thread is a candidate; the choice below is by
  // size.
  // A container marked as the article body, or a story's own type, says it is a story.
  const wide =
    pageType === 'listing' ||
    pageType === 'product' ||
    (!thread?.blocks.length && !marked && pageType !== 'article');
  const region = wide ? mainRegion(document) : null;
  const regionBlocks = region ? renderBlocks(region) : [];
  // Readability retries up to four times on a page with little text; a wall or an empty
  // shell is known to be short already.
  const article = !hasWords(document.documentElement?.textContent ?? '', REFUSE_WORDS)
    ? null
    : runReadability(document);

  const context = { title: metadata.title, byline: metadata.byline };
  const asRead = { scriptLinksAsText: true };
  const readBlocks = article?.content ? pruneBlocks(renderBlocks(article.content, asRead)) : [];
  let text = joinBlocks(
    dropBoilerplate(addMissedProse(keepInside(readBlocks, markedBlocks), markedBlocks), context),
  );

  const words = countWords(text);
  const ldBody = jsonLd?.articleBody
    ? joinBlocks(dropBoilerplate(plainTextBlocks(jsonLd.articleBody), context))
    : '';
  // The publisher's own articleBody wins when the visible page is a fraction of it (a
  // script-rendered body, or Readability settling on a summary box).
  if (ldBody && countWords(ldBody) > Math.max(words * 2, MIN_WORDS)) text = ldBody;
  else if (words < MIN_WORDS) {
    // The marked container rendered before Readability ran saves parsing the page again.
    const marked = joinBlocks(dropBoilerplate(markedBlocks, context));
    // The page read without Readability has the same link lists and trailing lines to lose.
    const fallback =
      countWords(marked) >= MIN_WORDS
        ? marked
        : joinBlocks(dropBoilerplate(pruneBlocks(fallbackBlocks(html)), context));
    if (countWords(fallback) > words) text = fallback;
  }

  // On a thread the replies are the content: every post, when they say more than the page
  // as read (which is usually the opening post alone).
  // A page that calls itself an article is a thread when what it reads as the article is the
  // first post (comments under a story are posts too, but the story is not one of them).
  if (thread && !isThread(pageType) && opensThread(text, thread.blocks)) pageType = 'forum';
  if (thread && thread.blocks.length > 0 && isThread(pageType)) {
    const posts = joinBlocks(dropBoilerplate(thread.blocks, context));
    if (countWords(posts) > countWords(text) * THREAD_SHARE) text = posts;
  } else if (discussion && (isThread(pageType) || countWords(text) < MIN_WORDS)) {
    // The question or the shared link as read, then the discussion under it (comments are
    // not marked up as the opening post is, so the text as read does not hold them).
    const talk = joinBlocks(dropBoilerplate(discussion.blocks, context));
    if (countWords(talk) >= MIN_WORDS && !text.includes(longest(discussion.blocks.slice(0, 3)))) {
      text = text.trim() ? `${text}\n\n${talk}` : talk;
      if (!isThread(pageType)) pageType = 'forum';
    }
  }

  if (regionBlocks.length > 0) {
    const whole = joinBlocks(dropBoilerplate(regionBlocks, context));
    const [wholeWords, textWords] = [countWords(whole), countWords(text)];
    // A few stray lines around a short post (a menu, "3 visitors online") are not more content.
    if (wholeWords > textWords * WIDE_SHARE && wholeWords - textWords >= WIDE_EXTRA) text = whole;
  }
  // A forum that ships its posts as data behind a loading screen: the page as read is the
  // screen's few words, the thread is in the data.
  let shipped: { posters: string[] } | null = null;
  if (embedded.length > 0 && countWords(text) < MIN_WORDS) {
    const data = embeddedThread(embedded);
    const posts = data ? joinBlocks(dropBoilerplate(data.blocks, context)) : '';
    if (data && countWords(posts) > countWords(text)) {
      [text, shipped, pageType] = [posts, data, 'forum'];
    }
  }
  if (jsonLd && jsonLd.ingredients.length > 0) text = withIngredients(text, jsonLd.ingredients);

  // A post that is a list of links (a link roll, a reading list) is all link text: read the
  // list rather than refuse the page as empty.
  let finalWords = countWords(text);
  if (article?.content && finalWords < REFUSE_WORDS) {
    const listed = joinBlocks(
      dropBoilerplate(renderBlocks(article.content, { ...asRead, linkLists: true }), context),
    );
    const listedWords = countWords(listed);
    if (listedWords > finalWords) [text, finalWords] = [listed, listedWords];
  }

  assertReadable(text, signals, finalWords);
  return {
    ...metadata,
    pageType,
    // The summary says who wrote what; it finds each name on its own line in the text.
    ...posters(shipped ?? thread ?? discussion, pageType),
    byline: metadata.byline ?? clean(article?.byline),
    // Pages mix composed and decomposed forms of the same letters (Bengali "য়", a Vietnamese
    // accent typed as a combining mark); one form lets the text be searched and compared.
    text: text.normalize('NFC'),
  };
}

const THREAD_SHARE = 0.5;
const WIDE_SHARE = 1.5;
const WIDE_EXTRA = 40;

/** The page's <main> (or role=main), else the whole page, furniture removed. */
function mainRegion(document: Document): Element | null {
  return document.querySelector('main, [role=main]') ?? document.documentElement;
}
const isThread = (type: PageType) => type === 'forum' || type === 'qa';

function posters(thread: { posters: string[] } | null, pageType: PageType) {
  return thread && isThread(pageType) && thread.posters.length >= 2
    ? { posters: thread.posters }
    : {};
}

function longest(blocks: Block[]): string {
  return blocks.reduce((best, block) => (block.text.length > best.length ? block.text : best), '');
}

// The opening words of the page as read, squeezed: enough to tell one post from another.
const OPENING_CHARS = 120;

/** Whether the text as read begins with the words of the thread's first post. */
function opensThread(text: string, posts: Block[]): boolean {
  const squeeze = (value: string) => value.replace(/\s+/g, ' ').trim();
  const opening = squeeze(text).slice(0, OPENING_CHARS);
  if (opening.length < OPENING_CHARS / 2) return false;
  // The first post's body: its poster's name, when given, is a block of its own before it.
  const first = squeeze(
    posts
      .slice(0, 12)
      .map((block) => block.text)
      .join(' '),
  );
  return first.includes(opening);
}

/**
 * linkedom builds no implied elements: without a <body> tag the body stays empty, and without
 * an <html> tag it throws. Both tags are optional in HTML, so supply them. It also makes the
 * first element the document element, so markup before <html> (a stray script, PHP warnings)
 * goes to the start of the body, and the extra <html> tags of IE conditional comments go.
 */
export function withDocumentShape(html: string): string {
  const tags = htmlOpenTags(html);
  let page = tidyDocumentStart(html, tags);
  let open = (page === html ? tags : htmlOpenTags(page))[0];
  // No <html> tag, or one that never closes ("<html a<p>…"): supply one.
  if (!open || page[open.end - 1] !== '>') {
    page = `${page.replace(/^(\s*<!doctype[^>]*>)?/i, '$1<html>')}</html>`;
    // Found unless the doctype itself opens a comment; then the body starts the page.
    open = htmlOpenTags(page)[0] ?? { index: 0, end: 0 };
  }
  if (!/<body[\s>]/i.test(page)) {
    const headEnd = /<\/head\s*>/i.exec(page);
    const at = headEnd ? headEnd.index + headEnd[0].length : open.end;
    const close = page.search(/<\/html\s*>/i);
    const end = close >= at ? close : page.length;
    page = `${page.slice(0, at)}<body>${page.slice(at, end)}</body>${page.slice(end)}`;
  }
  return page;
}

/**
 * The <html> open tags outside comments, found in one pass with indexOf (a regex with a lazy
 * comment alternative goes quadratic on a page of unclosed "<!--").
 */
function htmlOpenTags(page: string): Array<{ index: number; end: number }> {
  // A regex, not indexOf on a lower-cased copy: copying a large page twice cost more than
  // the search (and lower-casing can change the length, so the offsets would not match).
  const htmlTag = /<html/gi;
  const tags: Array<{ index: number; end: number }> = [];
  let from = 0;
  // Each search result is kept until passed: searching again from every tag is quadratic.
  let comment = -2;
  let tag = -2;
  while (from < page.length) {
    if (tag !== -1 && tag < from) {
      htmlTag.lastIndex = from;
      tag = htmlTag.exec(page)?.index ?? -1;
    }
    if (tag < 0) break;
    if (comment !== -1 && comment < from) comment = page.indexOf('<!--', from);
    if (comment >= 0 && comment < tag) {
      const close = page.indexOf('-->', comment + 4);
      if (close < 0) break; // the rest of the page is one comment
      from = close + 3;
      continue;
    }
    const next = page[tag + 5];
    if (next === undefined || /[\s>]/.test(next)) {
      // A tag is short; an unclosed one ends at the next "<" rather than the end of the page.
      let end = tag + 5;
      while (end < page.length && page[end] !== '>' && page[end] !== '<') end++;
      if (page[end] === '>') end++;
      tags.push({ index: tag, end });
      from = end;
    } else from = tag + 5;
  }
  return tags;
}

function tidyDocumentStart(page: string, tags: Array<{ index: number; end: number }>): string {
  const open = tags[0];
  if (!open) return page;
  const doctype = /^\s*<!doctype[^>]*>/i.exec(page.slice(0, 1000));
  const start = doctype ? doctype[0].length : 0;
  const before = open.index > start ? page.slice(start, open.index) : '';
  const harmless = !before.replace(/<!--[\s\S]*?-->/g, '').trim();
  // The usual page: one <html>, nothing but comments before it.
  if (tags.length === 1 && harmless) return page;
  // <!--[if IE 8]><!--><html class="ie8"><!--<![endif]--> once per version: keep the first.
  let rest = '';
  let at = open.end;
  for (const tag of tags.slice(1)) {
    rest += page.slice(at, tag.index);
    at = tag.end;
  }
  rest += page.slice(at);
  const head = page.slice(0, open.end);
  // Comments before <html> are harmless; anything else (a script, PHP warnings) is moved.
  if (harmless) return head + rest;
  const bodyOpen = /<body[^>]*>/i.exec(rest);
  const bodyAt = bodyOpen ? bodyOpen.index + bodyOpen[0].length : 0;
  return `${page.slice(0, start)}${page.slice(open.index, open.end)}${rest.slice(0, bodyAt)}${before}${rest.slice(bodyAt)}`;
}

type ReadabilityArticle = { content: Element | null | undefined; byline?: string | null };

function runReadability(document: Document): ReadabilityArticle | null {
  try {
    return new TextReadability(document, {
      serializer: (el: Node) => el,
      charThreshold: 300,
      // Work whose result is thrown away: scripts (JSON-LD among them) are gone by now, and
      // the text is rendered without looking at classes.
      disableJSONLD: true,
      keepClasses: true,
    }).parse() as ReadabilityArticle | null;
  } catch {
    // Readability on an odd DOM is not the user's problem: the fallbacks below still run.
    return null;
  }
}

/**
 * A recipe page shows its ingredients in a table or a box beside the method, which Readability
 * often leaves out; the recipe's structured data lists them. When most are missing from the
 * text, they go in as a list before the method (the first paragraph after the introduction).
 */
function withIngredients(text: string, ingredients: string[]): string {
  const haystack = text.replace(/\s+/g, ' ');
  // Each line is searched for in the whole text: a page's data cannot make that a long job.
  const lines = ingredients
    .slice(0, MAX_INGREDIENTS)
    .flatMap((line) => plainTextBlocks(line).map((block) => block.text));
  const missing = lines.filter((line) => !haystack.includes(line)).length;
  if (lines.length < 2 || missing * 2 <= lines.length) return text;
  const list = lines.join('\n');
  const firstBreak = text.indexOf('\n\n');
  return firstBreak < 0
    ? `${text}\n\n${list}`
    : `${text.slice(0, firstBreak)}\n\n${list}${text.slice(firstBreak)}`;
}

const MAX_INGREDIENTS = 100;

/** JSON-LD articleBody is plain text, sometimes with HTML tags left in. */
function plainTextBlocks(body: string): Block[] {
  const text = body.includes('<') ? renderHtmlFragment(body) : body;
  return text
    .split(/\n\s*\n|\r\n\s*\r\n/)
    .flatMap((paragraph) => paragraph.split(/\n/))
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((line) => ({ text: line, item: false, heading: false }));
}

function renderHtmlFragment(fragment: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`);
  return joinBlocks(renderBlocks(document.body));
}

/**
 * When Readability finds nothing, the largest article-like container of a freshly cleaned
 * copy (Readability has rewritten the first one), else the whole cleaned body: a short page
 * that Readability cannot score is still better read than refused.
 */
function fallbackBlocks(html: string): Block[] {
  const { document } = parseHTML(withDocumentShape(html));
  removeInvisible(document);
  removeBoilerplate(document);
  let best: Element | null = null;
  let bestLength = 0;
  for (const el of Array.from(document.querySelectorAll('article, main, [itemprop=articleBody]'))) {
    const length = (el.textContent ?? '').length;
    if (length > bestLength) {
      best = el;
      bestLength = length;
    }
  }
  const blocks = best ? renderBlocks(best) : [];
  if (countWords(joinBlocks(blocks)) >= MIN_WORDS || !document.documentElement) return blocks;
  return renderBlocks(document.documentElement);
}

const WORD = /[\p{L}\p{N}]+/gu;

/** countWords(text) >= n, stopping at the n-th word instead of counting a whole page. */
function hasWords(text: string, n: number): boolean {
  WORD.lastIndex = 0;
  let count = 0;
  while (WORD.exec(text)) if (++count >= n) return true;
  // Fewer runs of letters than n: Chinese or Japanese count about two characters a word.
  return countWords(text) >= n;
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}
