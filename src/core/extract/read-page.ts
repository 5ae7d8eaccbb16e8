import { applyInvisible, type InvisibleAction, invisibleAction, isHidden } from './clean.ts';
import { bodyKind } from './forum-posts.ts';
import { type JsonLdArticle, readJsonLdArticle } from './json-ld.ts';
import {
  metadataSources,
  noteMetadataSource,
  type PageMetadata,
  readMetadata,
} from './metadata.ts';
import { type PageType, pageTypeOf } from './page-type.ts';
import {
  noteWallElement,
  noteWallText,
  readWallSignals,
  type WallSignals,
  wallNotes,
} from './walls.ts';

export type PageReading = {
  jsonLd: JsonLdArticle | null;
  metadata: PageMetadata;
  signals: WallSignals;
  pageType: PageType;
  /** The body of each post of a thread, outermost only (a quoted post is part of a reply). */
  posts: Element[];
  /** The body of each comment, outermost only: the content where the page is a discussion. */
  comments: Element[];
  /** JSON the page ships for its scripts that may hold a thread's posts (see embedded-posts.ts). */
  embedded: string[];
};

/**
 * What the untouched page says about itself (metadata, JSON-LD) and whether it is a wall,
 * read in one walk. linkedom keeps no index, so every querySelector is a walk of its own, and
 * these readings took a dozen of them. The same walk finds what no reader sees (comments,
 * never-content and hidden elements, see clean.ts); that is removed once the reading is done,
 * as the readings are of the untouched page.
 */
export function readPage(document: Document, url: string | null): PageReading {
  const root = document.documentElement;
  const sources = metadataSources(root);
  const scripts: Element[] = [];
  const notes = wallNotes();
  const posts: Element[] = [];
  const comments: Element[] = [];
  const embedded: string[] = [];
  // schema.org types the page declares in microdata and JSON-LD, and its og:type.
  const types = new Set<string>();
  let ogType: string | null = null;
  // What to remove or open, in the order removeInvisible would: a <noscript>'s contents
  // before the <noscript> itself.
  const invisible: ChildNode[] = [];
  const actions: InvisibleAction[] = [];
  const mark = (node: ChildNode, action: InvisibleAction) => {
    if (!action) return;
    invisible.push(node);
    actions.push(action);
  };

  // `visible`: wall signals are read from the visible page only; metadata from all of it.
  // `doomed`: inside an element that goes, where nothing more needs removing.
  const visit = (
    parent: Element,
    visible: boolean,
    inChrome: boolean,
    inArticle: boolean,
    doomed: boolean,
    inPost = false,
  ) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if (visible) noteWallText(notes, child.nodeValue ?? '', inChrome);
      } else if (child.nodeType === 1) {
        const el = child as Element;
        const tag = el.localName;
        const hidden = isHidden(el);
        const chrome = visible ? noteWallElement(notes, el, tag, hidden, inChrome) : null;
        note(el, inArticle);
        const action = doomed ? null : invisibleAction(el, tag, hidden);
        const childInArticle = inArticle || tag === 'article';
        const gone = doomed || action === 'remove';
        const kind = gone || inPost ? null : bodyKind(el);
        if (kind === 'post') posts.push(el);
        else if (kind === 'comment') comments.push(el);
        visit(
          el,
          chrome !== null,
          chrome ?? inChrome,
          childInArticle,
          gone,
          inPost || kind !== null,
        );
        mark(el, action);
      } else if (child.nodeType === 8 && !doomed) mark(child, 'remove');
    }
  };
  const note = (el: Element, inArticle: boolean) => {
    noteMetadataSource(sources, el, inArticle);
    if (el.localName === 'script' && el.hasAttribute('type')) {
      scripts.push(el);
      if (el.getAttribute('type') === 'application/json') embedded.push(el.textContent ?? '');
    } else if (el.hasAttributes()) {
      const preloaded = el.getAttribute('data-preloaded');
      if (preloaded) embedded.push(preloaded);
      const itemtype = el.getAttribute('itemtype');
      if (itemtype) types.add(itemtype.replace(/^.*\//, '').trim().toLowerCase());
      if (el.localName === 'meta' && el.getAttribute('property') === 'og:type')
        ogType = el.getAttribute('content')?.trim().toLowerCase() ?? null;
    }
  };

  // linkedom does not link the doctype to its next sibling: the top level is read as a list.
  // The root itself is not judged as a wall element ("menu-open" on <html> is not chrome).
  for (const child of Array.from(document.childNodes)) {
    if (child.nodeType === 3 && !root) noteWallText(notes, child.nodeValue ?? '', false);
    if (child.nodeType === 8) mark(child, 'remove');
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    note(el, false);
    const action = invisibleAction(el, el.localName, isHidden(el));
    visit(el, el === root, false, el.localName === 'article', action === 'remove');
    mark(el, action);
  }

  const jsonLd = readJsonLdArticle(scripts, types);
  const reading = {
    jsonLd,
    metadata: readMetadata(sources, jsonLd, url),
    signals: readWallSignals(notes, jsonLd),
    pageType: pageTypeOf(types, ogType, posts.length),
    posts,
    comments,
    embedded,
  };
  applyInvisible(invisible, actions);
  return reading;
}
