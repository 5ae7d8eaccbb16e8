import { classOf, elementsNamed } from './dom.ts';

/**
 * The article's container found by the markup publishing systems give it: WordPress's
 * "entry-content", schema.org's itemprop="articleBody", "article-body", "post-content"… Class
 * names are the same whatever the page's language, so this works where word lists do not.
 * Tiers go from the most specific names to the generic ones; within a tier the first
 * container in the page with enough text wins (the article comes before the teasers).
 */

/** Names that mark the article body as a class or as an id. */
const BODY_NAMES = [
  'entry-content',
  'article-content',
  'article__content',
  'article-body',
  'article__body',
  'articlebody',
  'body-text',
  'art-content',
];
/** Names that mark it only as a class. */
const CLASS_ONLY_NAMES = [
  'post-text',
  'post_text',
  'post-body',
  'post-entry',
  'postentry',
  'post-content',
  'post_content',
  'postcontent',
  'post_inner_wrapper',
  'article-text',
  'articletext',
  'page-content',
  'text-content',
  'article__container',
];

const CONTAINERS = new Set(['article', 'div', 'main', 'section']);
const MAX_CHECKS = 200;

type Tier = (el: Element, cls: string, id: string) => boolean;

const includes = (value: string, ...needles: string[]) => needles.some((n) => value.includes(n));

const TIERS: Tier[] = [
  (el, cls, id) =>
    cls === 'post' ||
    cls === 'entry' ||
    el.getAttribute('itemprop') === 'articleBody' ||
    includes(cls, ...CLASS_ONLY_NAMES, ...BODY_NAMES) ||
    includes(id, ...BODY_NAMES) ||
    id === 'articlecontent',
  (el) => el.localName === 'article',
  (el, cls, id) =>
    cls === 'postarea' ||
    cls === 'art-postcontent' ||
    cls === 'text' ||
    cls === 'cell' ||
    cls === 'story' ||
    id === 'article' ||
    id === 'story' ||
    cls.startsWith('article ') ||
    id.startsWith('primary') ||
    el.getAttribute('role') === 'article' ||
    includes(
      cls,
      'post-bodycopy',
      'storycontent',
      'story-content',
      'theme-content',
      'blog-content',
      'section-content',
      'single-content',
      'single-post',
      'main-column',
      'wpb_text_column',
      'story-body',
      'field-body',
      'fulltext',
    ) ||
    includes(id, 'story-body'),
  (_el, cls, id) =>
    cls === 'content' ||
    id === 'content' ||
    includes(
      cls,
      'content-main',
      'content_main',
      'content-body',
      'content__body',
      'main-content',
    ) ||
    includes(id, 'content-main', 'content-body', 'contentbody', 'main-content'),
  (el, cls, id) =>
    el.localName === 'main' ||
    cls.startsWith('main') ||
    id.startsWith('main') ||
    el.getAttribute('role') === 'main',
];

export function findContentBlock(
  document: Document,
  longEnough: (el: Element) => boolean,
): Element | null {
  const all = elementsNamed(document, CONTAINERS).map((el) => ({
    el,
    cls: classOf(el).toLowerCase().trim(),
    id: (el.getAttribute('id') ?? '').toLowerCase(),
  }));
  // Each check reads the element's text; a page of thousands of nested "text" divs would
  // make that quadratic, and the article is among the first candidates anyway.
  let checks = 0;
  for (const tier of TIERS) {
    for (const { el, cls, id } of all) {
      if (!tier(el, cls, id)) continue;
      if (longEnough(el)) return el;
      if (++checks >= MAX_CHECKS) return null;
    }
  }
  return null;
}
