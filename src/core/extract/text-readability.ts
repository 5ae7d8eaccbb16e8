import { Readability } from '@mozilla/readability';

/**
 * Readability without three steps whose work the text rendering never reads: making link and
 * image addresses absolute (that step also unwraps `javascript:` links, which renderBlocks
 * reads as text in Readability's output instead), merging nested divs (blocks render the
 * same), and removing scripts (gone already). They are Readability's own methods, so an
 * upgrade that renames them only brings the work back.
 *
 * Two of its tests are given again with the same answers, cheaper: they are asked of every
 * element, and the byline test read the element's whole text (the whole page, for <body>)
 * before its attributes, the visibility test built a style object for every element.
 */
export class TextReadability extends Readability<Node> {
  // Readability's own patterns, set by its constructor (not in its type declarations).
  declare REGEXPS: { byline: RegExp };

  _fixRelativeUris() {}
  _simplifyNestedElements() {}
  _removeScripts() {}

  _isValidByline(node: Element, matchString: string): boolean {
    const itemprop = node.getAttribute('itemprop');
    const named =
      node.getAttribute('rel') === 'author' ||
      Boolean(itemprop?.includes('author')) ||
      this.REGEXPS.byline.test(matchString);
    if (!named) return false;
    const length = (node.textContent ?? '').trim().length;
    return length > 0 && length < 100;
  }

  _isProbablyVisible(node: Element & ElementCSSInlineStyle): boolean {
    // linkedom's style reads the style attribute alone: without one, nothing is set.
    if (node.hasAttribute('style') && node.style) {
      if (node.style.display === 'none' || node.style.visibility === 'hidden') return false;
    }
    if (node.hasAttribute('hidden')) return false;
    // "fallback-image": Wikimedia's math images, hidden from screen readers but shown.
    return (
      node.getAttribute('aria-hidden') !== 'true' ||
      Boolean(node.className?.includes?.('fallback-image'))
    );
  }
}
