import type { Block } from './render-text.ts';

/**
 * Rules on rendered blocks that need no word list, so they hold in every language: what is
 * mostly link text is navigation or teasers, and after the article's last long paragraph come
 * the page's own lines (a "Related" heading, share prompts, tags, dates, author lines, notes
 * set in italics or bold) — there only list items (an article that ends in a list) and
 * substantial plain text survive.
 */

/** A paragraph this long is article prose, whatever the language. */
const LONG = 120;
const SHORT_TAIL = 40;
/** A block set all in italics or bold is set apart from the prose around it. */
const EMPHASIZED = 0.8;

/**
 * A block's length in Latin-script characters: a Chinese or Japanese character carries about
 * as much as three of them (a word is one or two characters, against five or six letters and
 * a space), so a 30-character Japanese step is a sentence, not a stray label.
 */
export function textWeight(text: string): number {
  CJK.lastIndex = 0;
  let cjk = 0;
  while (CJK.exec(text)) cjk++;
  return text.length + 2 * cjk;
}
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

export function pruneBlocks(blocks: Block[]): Block[] {
  let last = -1;
  let lastPlain = -1;
  const weights = blocks.map((block) => textWeight(block.text));
  for (const [index, block] of blocks.entries()) {
    if (weights[index]! <= LONG) continue;
    last = index;
    if ((block.emphasis ?? 0) < EMPHASIZED) lastPlain = index;
  }
  const notesGo = lastPlain >= 0 && notesAreShorter(blocks, lastPlain);
  const kept = blocks.map((block, index) => keep(block, index));
  // A heading whose whole section went as link text headed a list of links ("Zum Weiterlesen",
  // "Heute empfehlen wir"): it goes too.
  for (const [index, block] of blocks.entries()) {
    if (!block.heading || !kept[index]) continue;
    let end = index + 1;
    while (end < blocks.length && !blocks[end]!.heading) end++;
    if (end > index + 1 && !kept.slice(index + 1, end).some(Boolean)) kept[index] = false;
  }
  return blocks.filter((_, index) => kept[index]);

  function keep(block: Block, index: number): boolean {
    const links = block.links ?? 0;
    if (!block.heading && links > 0.4 && block.text.length < 200) return false;
    if ((index < 4 || (last >= 0 && index > last)) && isDateline(block)) return false;
    // After the story: an editor's note, an appeal for support, an author's bio or a
    // copyright line, which sites set in italics or bold to set them apart.
    if (notesGo && index > lastPlain && isNote(block)) return false;
    if (last >= 0 && index > last) {
      if (block.heading || links > 0.3) return false;
      if (!block.item && weights[index]! < SHORT_TAIL) return false;
    }
    return true;
  }
}

const isNote = (block: Block) => !block.item && (block.emphasis ?? 0) >= EMPHASIZED;

/**
 * Notes after the story are shorter than the story: an interview set all in bold after a plain
 * introduction is the story itself.
 */
function notesAreShorter(blocks: Block[], lastPlain: number): boolean {
  let story = 0;
  let notes = 0;
  for (const [index, block] of blocks.entries()) {
    if (index <= lastPlain) story += block.text.length;
    else if (isNote(block)) notes += block.text.length;
  }
  return notes < story;
}

// A date in figures (23.10.2018, 2021-10-16, 04/05/2021) or a time of day (10:27).
const NUMERIC_DATE =
  /\b\d{1,2}[./-] ?\d{1,2}[./-] ?\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b/;

// A date with the month as a word, in any language: a day, a word, a year ("16 marca 2021",
// "2. Februar 2022") or a word, a day, a year ("April 13, 2020"). Not in headings, where
// "Top 10 Songs 2022" reads the same.
const WORDED_DATE =
  /\b\d{1,2}\.?\s+\p{L}{3,}\.?,?\s+(?:19|20)\d{2}\b|\p{L}{3,}\.?\s+\d{1,2},?\s+(?:19|20)\d{2}\b/u;

/**
 * "Aktualisiert: 11.04.2020, 10:27", "Publikacja: 04.05.2021", "23.10.2018 | News",
 * "Veröffentlichung: 2. Februar 2022": a line of a few words around a date, above or below the
 * story, is its dateline.
 */
function isDateline({ text, heading }: Block): boolean {
  return (
    text.length <= 60 &&
    text.split(/\s+/).length <= 6 &&
    (NUMERIC_DATE.test(text) || (!heading && WORDED_DATE.test(text)))
  );
}

const PROSE = 80;
const MAX_BLOCKS = 3000;

/**
 * Readability sometimes settles on part of the article (one section, or the paragraphs
 * around a quote box) when the page marks up the whole body. Prose paragraphs of that marked
 * container that Readability left out are put back where they stand in the page, after the
 * last block they follow.
 */
export function addMissedProse(base: Block[], container: Block[]): Block[] {
  // Each candidate is looked up in the whole text: bound the work on giant pages.
  if (container.length === 0 || container.length > MAX_BLOCKS) return base;
  const key = (block: Block) => block.text.replace(/\s+/g, ' ').trim();
  // Joined with spaces, as the keys are: a block whose <br>-separated lines Readability made
  // paragraphs of is then found whole instead of being added a second time.
  const baseText = base.map(key).join(' ');
  const at = new Map<string, number>();
  for (const [index, block] of base.entries()) if (!at.has(key(block))) at.set(key(block), index);
  const extras = new Map<number, Block[]>();
  let anchor = -1;
  let added = 0;
  for (const block of container) {
    const text = key(block);
    const index = at.get(text);
    if (index !== undefined) {
      anchor = index;
      continue;
    }
    if (block.heading || textWeight(text) < PROSE || (block.links ?? 0) >= 0.25) continue;
    if (baseText.includes(text) || mostLinesKept(block.text, baseText)) continue;
    extras.set(anchor, [...(extras.get(anchor) ?? []), block]);
    added++;
  }
  if (added === 0) return base;
  const out: Block[] = [...(extras.get(-1) ?? [])];
  for (const [index, block] of base.entries()) out.push(block, ...(extras.get(index) ?? []));
  return out;
}

/** Readability kept most of a multi-line block's lines (it may drop one, or reorder them). */
function mostLinesKept(text: string, baseText: string): boolean {
  const lines = text.split('\n');
  if (lines.length < 2) return false;
  let kept = 0;
  for (const line of lines) {
    const clean = line.replace(/\s+/g, ' ').trim();
    if (clean && baseText.includes(clean)) kept += clean.length;
  }
  return kept * 2 >= text.length;
}

const INSIDE = 0.7;

/**
 * When most of what Readability kept lies inside the container the publisher marked as the
 * article body, what lies outside it is the page around the article (teasers, a bio box, the
 * comments), however Readability scored it.
 */
export function keepInside(base: Block[], container: Block[]): Block[] {
  if (container.length === 0 || container.length > MAX_BLOCKS) return base;
  const key = (block: Block) => block.text.replace(/\s+/g, ' ').trim();
  const inside = new Set(container.map(key));
  let total = 0;
  let within = 0;
  for (const block of base) {
    total += block.text.length;
    if (inside.has(key(block))) within += block.text.length;
  }
  if (total === 0 || within / total < INSIDE || within === total) return base;
  // The headline, standfirst and byline come before the marked body and are kept.
  const first = base.findIndex((block) => inside.has(key(block)));
  return base.filter((block, index) => index < first || inside.has(key(block)));
}
