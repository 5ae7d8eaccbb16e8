import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/core/extract/html.ts';

// Discussions that the declared page type or the comment furniture used to hide, each rebuilt
// by hand as a small page.

const MENU = `<nav>${Array.from({ length: 12 }, (_, i) => `<a href="/f/${i}">Board ${i}</a>`).join(' ')}</nav>`;
const page = (title: string, head: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title>${head}</head><body>${MENU}${body}<footer><p>© Example forums. All rights reserved.</p></footer></body></html>`;
const ld = (data: object) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

const REPLIES = [
  {
    author: 'pennyroyal',
    text: 'Affiliate landing pages still convert if you pick a niche with steady search demand, but paid traffic to a thin page burns money quickly; build an email list first and test with a small daily budget.',
  },
  {
    author: 'northstack',
    text: 'The method works, although it is far more competitive than five years ago. Expect to spend a few months learning how the ad networks score landing pages before any campaign pays for itself.',
  },
  {
    author: 'quietmargin',
    text: 'Read the product owner’s terms before running ads on brand keywords, because several networks ban it and will close an account without paying the commissions that were already earned.',
  },
];
const QUESTION =
  'Could it be as simple as finding a product with medium popularity, putting its landing page on a cheap domain and running ads on the big networks? I have a small budget and would like to know whether this still works for a beginner in the current year, or whether the market has moved on.';

describe('GIVEN a thread whose forum software declares every page an Article', () => {
  const html = page(
    'Will this simple method work for a beginner?',
    ld({ '@context': 'https://schema.org', '@type': 'Article', headline: 'Will this work?' }),
    `<div class="page"><h1>Will this simple method work for a beginner?</h1><div class="DiscussionBoard"><div class="DiscussionBoard-post" data-author="fresh_start"><div class="DiscussionBoard-message"><p>${QUESTION}</p></div></div></div><section id="comments" class="DiscussionBoard-replies">${REPLIES.map(
      (reply) =>
        `<div class="DiscussionBoard-post" data-author="${reply.author}"><div class="DiscussionBoard-message"><p>${reply.text}</p></div></div>`,
    ).join('')}</section></div>`,
  );

  it('THEN the page as read opens with the first post, so every reply is read and it is typed a forum', () => {
    const document = extractHtml(html, null);
    expect(document.text).toContain(QUESTION);
    for (const reply of REPLIES) expect(document.text).toContain(reply.text);
    expect(document.pageType).toBe('forum');
    expect(document.posters).toEqual(['fresh_start', ...REPLIES.map((reply) => reply.author)]);
  });
});

describe('GIVEN a question page (QAPage) whose answers are marked up as comments', () => {
  const html = page(
    'Is consulting worth it?',
    ld({ '@context': 'https://schema.org', '@type': 'QAPage', name: 'Is consulting worth it?' }),
    `<main><h1>Is consulting worth it?</h1><div class="question"><p>${QUESTION}</p></div><div class="comment-section">${REPLIES.map(
      (reply) =>
        `<div class="comment"><div class="username">${reply.author}</div><div class="comment-content"><p>${reply.text}</p></div></div>`,
    ).join('')}</div></main>`,
  );

  it('THEN the answers are read with the question', () => {
    const document = extractHtml(html, null);
    expect(document.text).toContain(QUESTION);
    for (const reply of REPLIES) expect(document.text).toContain(reply.text);
  });
});

describe('GIVEN a shared link with no text of its own, then its discussion', () => {
  const html = page(
    'Rust project goals for 2024',
    '',
    `<ol class="stories"><li class="story"><a href="https://blog.example.org/goals">Rust project goals for 2024</a> <span class="byline">via someone, 49 points</span></li></ol><div class="story_text"></div><ol class="comments">${REPLIES.map(
      (reply) =>
        `<li class="comments_subtree"><div class="comment"><div class="byline"><a href="/~${reply.author}">${reply.author}</a></div><div class="comment_text"><p>${reply.text}</p></div></div></li>`,
    ).join('')}</ol>`,
  );

  it('THEN the discussion is read instead of refusing the page as empty', () => {
    const document = extractHtml(html, null);
    for (const reply of REPLIES) expect(document.text).toContain(reply.text);
    expect(document.pageType).toBe('forum');
  });
});

describe('GIVEN a blog post with a comment section under it', () => {
  const POST = Array.from(
    { length: 4 },
    (_, i) =>
      `<p>Part ${i + 1} of the post: the allotment had its best year for beans since we took it on, largely thanks to the new raised beds, a wet spring and the netting that finally kept the pigeons off the young plants.</p>`,
  ).join('');
  const html = page(
    'A year on the allotment',
    '',
    `<article><h1>A year on the allotment</h1>${POST}</article><section id="comments">${REPLIES.map(
      (reply) =>
        `<div class="comment"><cite>${reply.author}</cite><div class="comment-content"><p>${reply.text}</p></div></div>`,
    ).join('')}</section>`,
  );

  it('THEN the comments stay out: the post has text of its own', () => {
    const document = extractHtml(html, null);
    expect(document.text).toContain('best year for beans');
    for (const reply of REPLIES) expect(document.text).not.toContain(reply.text);
    expect(document.pageType).not.toBe('forum');
  });
});
