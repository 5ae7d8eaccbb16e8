/**
 * Links that scroll a browser to the passage (WICG Text Fragments, `#:~:text=`).
 * https://wicg.github.io/scroll-to-text-fragment/
 */

/** Passages longer than this are linked as a range: its first and last few words. */
const MAX_EXACT_WORDS = 8;
const RANGE_EDGE_WORDS = 4;

/** The URL with its fragment replaced by a text directive pointing at the passage. */
export function textFragmentLink(url: string, passage: string): string {
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  // The page renders line breaks and runs of spaces as one space; match what it shows.
  const words = passage.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return base;
  const directive =
    words.length > MAX_EXACT_WORDS
      ? `${encodeDirectivePart(words.slice(0, RANGE_EDGE_WORDS).join(' '))},${encodeDirectivePart(
          words.slice(-RANGE_EDGE_WORDS).join(' '),
        )}`
      : encodeDirectivePart(words.join(' '));
  return `${base}#:~:text=${directive}`;
}

/**
 * `-`, `,` and `&` are syntax inside a text directive, so they must be percent-encoded;
 * encodeURIComponent already encodes `,` and `&` but leaves `-` alone.
 */
function encodeDirectivePart(text: string): string {
  return encodeURIComponent(text).replaceAll('-', '%2D');
}
