/**
 * What kind of page this is, from what it says of itself (schema.org types in JSON-LD and
 * microdata, its Open Graph type) and from its structure (the posts of a thread). The kind
 * decides what the reader wants from it: every post of a thread, the question and its
 * answers, a product's description, every item of a list.
 */
export const PAGE_TYPES = [
  'article',
  'forum',
  'qa',
  'product',
  'listing',
  'documentation',
  'other',
] as const;
export type PageType = (typeof PAGE_TYPES)[number];

const has = (types: Set<string>, ...names: string[]) => names.some((name) => types.has(name));

/** `types`: schema.org type names, lower-cased; `posts`: post bodies found by their markup. */
export function pageTypeOf(types: Set<string>, ogType: string | null, posts: number): PageType {
  if (has(types, 'qapage', 'question', 'answer')) return 'qa';
  if (has(types, 'discussionforumposting', 'socialmediaposting')) return 'forum';
  const article = has(
    types,
    'article',
    'newsarticle',
    'blogposting',
    'reportagenews',
    'opinionnewsarticle',
    'analysisnewsarticle',
  );
  // Comments under a story are marked up as posts too: the story's own type says more.
  if (posts >= 2 && !article && ogType !== 'article') return 'forum';
  if (has(types, 'product', 'productgroup') || ogType === 'product') return 'product';
  if (has(types, 'techarticle', 'apireference')) return 'documentation';
  if (article || ogType === 'article') return 'article';
  if (has(types, 'itemlist', 'collectionpage', 'searchresultspage', 'offercatalog'))
    return 'listing';
  return 'other';
}
