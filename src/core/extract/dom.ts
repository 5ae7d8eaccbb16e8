/**
 * DOM reads that cost more on linkedom than they look. linkedom keeps no index and no
 * cached lists: `childNodes` and `children` are rebuilt on every call (walk with
 * firstChild/nextSibling instead), each querySelector walks the whole tree, and
 * `getAttribute('class')` builds and keeps a DOMTokenList on the element to answer.
 */

/**
 * `el.getAttribute('class')` as linkedom answers it — the class names without duplicates,
 * one space apart, '' when there are none — read from the attribute itself, so walking a
 * page does not leave a token list on every element.
 */
export function classOf(el: Element): string {
  const value = el.getAttributeNode('class')?.value;
  if (!value) return '';
  if (!/\s/.test(value)) return value;
  return Array.from(new Set(value.split(/\s+/).filter(Boolean))).join(' ');
}

/**
 * The elements under `root` whose local name is in `names`, in page order: what
 * `querySelectorAll('a, b')` answers for plain tag names, in one walk without the selector
 * engine.
 */
export function elementsNamed(root: Document | Element, names: ReadonlySet<string>): Element[] {
  const found: Element[] = [];
  const visit = (node: Node) => {
    if (node.nodeType !== 1) return;
    if (names.has((node as Element).localName)) found.push(node as Element);
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
  };
  // linkedom does not link a document's doctype to its next sibling: read the top as a list.
  if (root.nodeType === 9) for (const child of Array.from(root.childNodes)) visit(child);
  else for (let child = root.firstChild; child; child = child.nextSibling) visit(child);
  return found;
}

/**
 * `(el.textContent ?? '').replace(/\s+/g, ' ').length`, counted without building either
 * string: asked of the whole page and of every boilerplate candidate, the copies were most
 * of the cost.
 */
export function collapsedTextLength(el: Element): number {
  let length = 0;
  let inSpace = false; // a run of white space may span text nodes, as it spans in textContent
  const visit = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      const type = child.nodeType;
      if (type === 1) visit(child);
      else if (type === 3 || type === 4) {
        const text = child.nodeValue ?? '';
        if (!text) continue;
        // Each run of white space counts one; the regex engine finds the runs faster than a
        // loop over the characters.
        length += text.length;
        SPACE_RUN.lastIndex = 0;
        for (let run = SPACE_RUN.exec(text); run; run = SPACE_RUN.exec(text))
          length -= run[0].length - 1;
        // A run that began in the text before continues here.
        if (inSpace && isSpace(text.charCodeAt(0))) length--;
        inSpace = isSpace(text.charCodeAt(text.length - 1));
      }
    }
  };
  visit(el);
  return length;
}

const SPACE_RUN = /\s{2,}/g;

/** What `\s` matches in a JavaScript regular expression. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whether an element below `el` passes `test` (what `el.querySelector(…)` tells, walked). */
export function someDescendant(el: Element, test: (descendant: Element) => boolean): boolean {
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1) continue;
    if (test(child as Element) || someDescendant(child as Element, test)) return true;
  }
  return false;
}
