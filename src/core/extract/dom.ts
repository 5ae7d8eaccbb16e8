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
