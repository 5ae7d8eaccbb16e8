import type { Block } from './render-text.ts';

/**
 * Last pass over rendered blocks: drops the lines Readability keeps but a reader skips —
 * ad labels, share prompts, "Read more:" teasers, credits, a trailing "Related" list. Only
 * short blocks are judged, so a real paragraph that mentions "subscribe" survives.
 */

const SHORT = 160;

const BOILERPLATE_LINE = new RegExp(
  [
    '^(?:advertisement|advertising|ad|sponsored( content)?|story continues below( advertisement)?|continue reading below)$',
    '^(?:share|share this( article| story| post| page)?|share on \\w+|tweet|email|print|copy link|save( article)?)[.!:]*$',
    '^(?:share (?:this|on|via)|follow us|like us on|sign up for|subscribe (?:to|now|today|for)|get (?:our|the) newsletter)\\b.*$',
    '^(?:read more|see also|also read|read next|more on this story)\\b.*$',
    '^(?:related|recommended|watch|listen|more)\\s*:.*$',
    '^(?:photo|image|video|illustration|credit|source)s?\\s*:.*$',
    '^\\(?(?:getty images|reuters|ap photo|afp|shutterstock)\\b.*$',
    '^(?:we use cookies|this (?:site|website) uses cookies)\\b.*$',
    '^(?:published|updated|last updated|posted)(?: on)?:?\\s(?=.*\\d)[^.]{0,50}\\.?$',
    '^\\d+ (?:min(?:ute)?s?) read$',
    '^(?:comments?|\\d+ comments?|leave a (?:comment|reply)|join the conversation)$',
    '^(?:tags?|topics?|filed under)\\s*:.*$',
    '^(?:copyright|©)\\s.*$',
  ].join('|'),
  'i',
);

// A heading that starts the list of other stories; everything short after it goes too.
const TAIL_HEADING =
  /^(?:related(?: (?:articles|stories|posts|content|coverage|reading))?|more (?:stories|from|on|like this|to read)\b.*|recommended(?: for you)?|you (?:may|might) also like|read next|most (?:popular|read)|trending|further reading|latest news)[.:]*$/i;

export function dropBoilerplate(
  blocks: Block[],
  context: { title: string | null; byline: string | null },
): Block[] {
  const title = normalize(context.title);
  const byline = normalize(context.byline);
  const kept: Block[] = [];
  let inTail = false;
  for (const [index, block] of blocks.entries()) {
    const text = block.text;
    const short = text.length <= SHORT;
    if (inTail) {
      if (short || block.item) continue;
      inTail = false;
    }
    if (short && TAIL_HEADING.test(text)) {
      inTail = true;
      continue;
    }
    if (short && BOILERPLATE_LINE.test(text)) continue;
    // A short line with a copyright sign is a photo credit or a notice, in any language.
    if (short && text.includes('©')) continue;
    const plain = normalize(text) ?? '';
    // Readability often keeps the headline and the "By …" line at the top of the body.
    if (index < 4 && block.heading && title && (plain === title || title.startsWith(plain)))
      continue;
    if (index < 4 && title && plain === title) continue;
    if (
      index < 6 &&
      short &&
      byline &&
      /^(?:by|von|par|por|door|di)\s/i.test(text) &&
      plain.includes(byline)
    )
      continue;
    kept.push(block);
  }
  return kept;
}

function normalize(text: string | null): string | null {
  return text ? text.replace(/\s+/g, ' ').trim().toLowerCase() : null;
}
