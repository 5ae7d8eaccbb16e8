import { type JsonLdArticle, readJsonLdArticle } from './json-ld.ts';
import {
  metadataSources,
  noteMetadataSource,
  type PageMetadata,
  readMetadata,
} from './metadata.ts';
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
};

/**
 * What the untouched page says about itself (metadata, JSON-LD) and whether it is a wall,
 * read in one walk. linkedom keeps no index, so every querySelector is a walk of its own, and
 * these readings took a dozen of them.
 */
export function readPage(document: Document, url: string | null): PageReading {
  const root = document.documentElement;
  const sources = metadataSources(root);
  const scripts: Element[] = [];
  const notes = wallNotes();

  // `visible`: wall signals are read from the visible page only; metadata from all of it.
  const visit = (parent: Element, visible: boolean, inChrome: boolean, inArticle: boolean) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if (visible) noteWallText(notes, child.nodeValue ?? '', inChrome);
      } else if (child.nodeType === 1) {
        const el = child as Element;
        const chrome = visible
          ? noteWallElement(notes, el, el.tagName.toUpperCase(), inChrome)
          : null;
        note(el, inArticle);
        visit(el, chrome !== null, chrome ?? inChrome, inArticle || el.localName === 'article');
      }
    }
  };
  const note = (el: Element, inArticle: boolean) => {
    noteMetadataSource(sources, el, inArticle);
    if (el.localName === 'script' && el.hasAttribute('type')) scripts.push(el);
  };

  // linkedom does not link the doctype to its next sibling: the top level is read as a list.
  // The root itself is not judged as a wall element ("menu-open" on <html> is not chrome).
  for (const child of Array.from(document.childNodes)) {
    if (child.nodeType === 3 && !root) noteWallText(notes, child.nodeValue ?? '', false);
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    note(el, false);
    visit(el, el === root, false, el.localName === 'article');
  }

  const jsonLd = readJsonLdArticle(scripts);
  return {
    jsonLd,
    metadata: readMetadata(sources, jsonLd, url),
    signals: readWallSignals(notes, jsonLd),
  };
}
