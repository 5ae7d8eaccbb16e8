import type { ArticleDocument, SummaryOutput } from '../../shared/schemas.ts';
import { isArticleSentence } from './article-sentences.ts';
import {
  type KindOptions,
  locatePosts,
  summarizeList,
  summarizeProduct,
  summarizeThread,
} from './page-kinds.ts';
import { rankSentences } from './rank-sentences.ts';
import type { Sentence } from './sentences.ts';

/**
 * The summary a page of a known kind gets, or null for a story (and for a page of that kind
 * whose text does not have the shape: a "thread" with one post, a "list" with two items),
 * which the article engine summarizes.
 */
export function summarizeByKind(
  text: string,
  sentences: readonly Sentence[],
  options: KindOptions & {
    pageType?: ArticleDocument['pageType'];
    posters?: readonly string[];
  },
): SummaryOutput | null {
  switch (options.pageType) {
    case 'forum':
    case 'qa': {
      const posts = locatePosts(text, options.posters ?? []);
      return posts.length >= 2 ? summarizeThread(sentences, posts, options) : null;
    }
    case 'listing':
      return summarizeList(text, sentences, options);
    case 'product': {
      const prose = sentences.filter((s) => isArticleSentence(s, options.title));
      return summarizeProduct(text, rankSentences(prose, options.title), options);
    }
    default:
      return null;
  }
}
