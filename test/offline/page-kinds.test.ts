import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/core/extract/html.ts';
import { summarizeOffline } from '../../src/core/offline/index.ts';
import { verifySpeaker } from '../../src/core/quotes/verify-speaker.ts';

// A hand-written thread in XenForo's markup: each post's body under its poster's data-author.
const THREAD = [
  {
    author: 'kettlebelle',
    text: 'Our old kettle finally died and I am torn between a cheap plastic model and a steel one with temperature settings. Is the variable temperature worth paying twice as much for if I mostly drink black tea and the occasional green tea?',
  },
  {
    author: 'greenleaf',
    text: 'Variable temperature matters a lot for green tea, which turns bitter when the water is boiling. I brew sencha at seventy degrees and the difference in taste is obvious even to guests who never drink tea.',
  },
  {
    author: 'brewmaster',
    text: 'Honestly a thermometer and a minute of patience do the same job for green tea. Spend the money on a steel kettle without the electronics, because the control boards are the first part to fail.',
  },
  {
    author: 'greenleaf',
    text: 'Fair point about the control boards, although mine has lasted six years. Waiting with a thermometer every morning gets old quickly when you are late for work.',
  },
  {
    author: 'quietpour',
    text: 'Whatever you buy, check how loud it is before ordering, since several popular steel kettles whistle and rattle loudly enough to wake a sleeping household early in the morning.',
  },
];

const threadPage = () =>
  `<!doctype html><html lang="en"><head><title>Is a temperature kettle worth it?</title></head><body>
<nav>${Array.from({ length: 10 }, (_, i) => `<a href="/forum/${i}">Board ${i}</a>`).join(' ')}</nav>
<main><h1>Is a temperature kettle worth it?</h1>
${THREAD.map(
  (post, i) =>
    `<article class="message" data-author="${post.author}" id="post-${i}"><div class="message-user">${post.author}</div><div class="bbWrapper"><p>${post.text}</p></div></article>`,
).join('\n')}
</main></body></html>`;

describe('GIVEN a forum thread summarized by the offline engine', () => {
  const document = extractHtml(threadPage(), 'https://forum.example.org/t/kettles/12');
  const summary = summarizeOffline(document.text, {
    length: 'medium',
    style: 'bullets',
    title: document.title,
    pageType: document.pageType,
    posters: document.posters,
  });
  const posts = new Map(THREAD.map((post) => [post.text, post.author]));
  const posterOf = (sentence: string) =>
    [...posts].find(([text]) => text.includes(sentence))?.[1] ?? null;

  it('THEN the extraction names every poster in order', () => {
    expect(document.pageType).toBe('forum');
    expect(document.posters).toEqual(THREAD.map((post) => post.author));
  });

  it('THEN the tldr is what the opening post asks', () => {
    expect(THREAD[0]!.text).toContain(summary.tldr);
  });

  it('THEN each bullet is a reply backed by a quote spoken by its own poster', () => {
    expect(summary.bullets.length).toBeGreaterThanOrEqual(3);
    for (const bullet of summary.bullets) {
      expect(bullet.quoteIds).toHaveLength(1);
      const quote = summary.quotes.find((q) => q.id === bullet.quoteIds[0])!;
      expect(quote.speaker).toBe(posterOf(quote.text));
      expect(posterOf(bullet.text)).toBe(quote.speaker);
      // The poster is named in the source, so the speaker check keeps the name.
      expect(verifySpeaker(document.text, quote.speaker)).toBe(quote.speaker);
    }
  });

  it('THEN the bullets give different posters a voice before one speaks twice', () => {
    const speakers = summary.bullets.map(
      (bullet) => summary.quotes.find((q) => q.id === bullet.quoteIds[0])!.speaker,
    );
    expect(new Set(speakers).size).toBe(Math.min(speakers.length, 3));
  });

  it('THEN the same text read as an article attributes nothing to the posters', () => {
    const asArticle = summarizeOffline(document.text, { length: 'medium', style: 'bullets' });
    expect(asArticle.quotes.filter((q) => q.speaker !== null)).toHaveLength(0);
  });
});

describe('GIVEN a listing page summarized by the offline engine', () => {
  const COURSES = [
    'Introduction to Woodworking Joints',
    'Sharpening Chisels and Plane Irons',
    'Building a Shaker Side Table',
    'Finishing with Oil and Wax',
    'Turning Bowls on a Small Lathe',
    'Designing Furniture from Sketches',
    'Restoring Antique Hand Tools',
  ];
  const text = [
    'Woodworking courses',
    'Our evening and weekend courses are taught in the community workshop by local makers.',
    ...COURSES.flatMap((course, i) => [course, `${i + 2} sessions, from £${40 + i * 10}`]),
  ].join('\n\n');
  const summary = summarizeOffline(text, {
    length: 'medium',
    style: 'bullets',
    title: 'Woodworking courses',
    pageType: 'listing',
  });

  it('THEN the bullets are items of the list, spread over the whole list, in order', () => {
    expect(summary.bullets).toHaveLength(5);
    const positions = summary.bullets.map((bullet) => text.indexOf(bullet.text));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(summary.bullets.filter((b) => COURSES.includes(b.text)).length).toBeGreaterThanOrEqual(
      2,
    );
    expect(text.indexOf(summary.bullets.at(-1)!.text)).toBeGreaterThan(text.indexOf(COURSES[4]!));
  });

  it('THEN the tldr is the sentence that introduces the list', () => {
    expect(summary.tldr).toBe(
      'Our evening and weekend courses are taught in the community workshop by local makers.',
    );
  });
});
