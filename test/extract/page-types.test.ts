import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/core/extract/html.ts';
import { pageTypeOf } from '../../src/core/extract/page-type.ts';

// Pages of other kinds than news, each rebuilt by hand as a small page.

const MENU = `<nav>${Array.from({ length: 12 }, (_, i) => `<a href="/f/${i}">Board ${i}</a>`).join(' ')}</nav>`;
const page = (head: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>Best first telescope</title>${head}</head><body>${MENU}${body}</body></html>`;
const ld = (data: object) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

const POSTS = [
  {
    author: 'stargazer42',
    text: 'I am new to astronomy and would like advice on a first telescope that can show planets and some deep-sky objects. My budget is around four hundred dollars and I live under fairly dark skies outside a small town.',
  },
  {
    author: 'dobsonfan',
    text: 'For that budget a six or eight inch Dobsonian reflector is hard to beat: it gathers far more light than a refractor of the same price, and the simple mount is quick to set up on a cold night.',
  },
  {
    author: 'oldrefractor',
    text: 'I would add a good planisphere and a red torch before spending more on eyepieces. Learning the sky with binoculars for a month first also tells you whether you will keep using a telescope.',
  },
];

// An opening post long enough that the replies hold less than half of the page.
const OPENING = Array.from(
  { length: 4 },
  (_, i) =>
    `<p>Some background, part ${i + 1}: I have read several buying guides, compared apertures and focal lengths, and visited a club night where members let me look through their instruments, which only made the choice harder.</p>`,
).join('');

describe('GIVEN a forum thread (XenForo markup, DiscussionForumPosting data)', () => {
  const html = page(
    ld({
      '@context': 'https://schema.org',
      '@type': 'DiscussionForumPosting',
      headline: 'Best first telescope',
    }),
    `<div class="p-body"><h1>Best first telescope</h1><div class="block-body">${POSTS.map(
      (post, i) =>
        `<article class="message message--post" data-author="${post.author}" id="post-${i}"><div class="message-userDetails">${post.author}</div><div class="message-content"><div class="bbWrapper">${i === 0 ? OPENING : ''}${post.text}</div></div></article>`,
    )
      .slice(0, 1)
      .join('')}</div><div class="message-replies">${POSTS.slice(1)
      .map(
        (post, i) =>
          `<article class="message message--post" data-author="${post.author}" id="reply-${i}"><div class="message-content"><div class="bbWrapper">${post.text}</div></div></article>`,
      )
      .join('')}</div></div>`,
  );

  it('THEN every post is read, each under its poster, and the page is typed a forum', () => {
    const document = extractHtml(html, null);
    for (const post of POSTS) {
      expect(document.text).toContain(post.text);
      expect(document.text).toContain(post.author);
    }
    expect(document.pageType).toBe('forum');
  });
});

describe('GIVEN replies in a section named like the comments of a story ("DiscussionBoard")', () => {
  it('THEN the replies of the thread are still read', () => {
    const html = page(
      '',
      `<main><h1>Best first telescope</h1><div class="DiscussionBoard-message" itemprop="text">${OPENING}${POSTS[0]!.text}</div><section id="comments" class="DiscussionBoard">${POSTS.slice(
        1,
      )
        .map(
          (post) =>
            `<div class="reply"><span class="user">${post.author}</span><div class="DiscussionBoard-message" itemprop="text">${post.text}</div></div>`,
        )
        .join('')}</section></main>`,
    );
    const text = extractHtml(html, null).text;
    for (const post of POSTS) expect(text).toContain(post.text);
  });
});

describe('GIVEN a news story with reader comments marked up as schema.org Comments', () => {
  const STORY = [
    'The observatory on the hill will open to the public on Friday evenings from next month, the council said, after a two-year restoration of its dome and its nineteenth-century refractor.',
    'Volunteers from the astronomy society will run the sessions, and tickets will be free for children under twelve, with a small charge for adults to cover the cost of heating the building.',
    'The restoration was paid for by a lottery grant and by donations from residents, some of whom remember visiting the observatory on school trips before it closed in the nineteen-nineties.',
  ];
  const html = page(
    ld({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Observatory reopens',
    }),
    `<article><h1>Observatory reopens</h1>${STORY.map((p) => `<p>${p}</p>`).join('')}</article><div class="reader-replies">${POSTS.map(
      (post) =>
        `<div itemscope itemtype="https://schema.org/Comment"><span itemprop="author">${post.author}</span><div itemprop="text">${post.text}</div></div>`,
    ).join('')}</div>`,
  );

  it('THEN the comments stay out and the page is typed an article', () => {
    const document = extractHtml(html, null);
    expect(document.text).toContain(STORY[2]);
    expect(document.text).not.toContain('Dobsonian');
    expect(document.pageType).toBe('article');
  });
});

describe('GIVEN a question and its answers (schema.org QAPage microdata)', () => {
  it('THEN the question and every answer are read, with the answerers named', () => {
    const html = page(
      '',
      `<div itemscope itemtype="https://schema.org/QAPage"><div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question"><h1 itemprop="name">Best first telescope</h1><div class="s-prose js-post-body" itemprop="text">${POSTS[0]!.text}</div>${POSTS.slice(
        1,
      )
        .map(
          (post) =>
            `<div class="answer" itemprop="suggestedAnswer" itemscope itemtype="https://schema.org/Answer"><div class="s-prose js-post-body" itemprop="text">${post.text}</div><div itemprop="author" itemscope itemtype="https://schema.org/Person"><a href="/u/1"><span itemprop="name">${post.author}</span></a> 1,204 reputation</div></div>`,
        )
        .join('')}</div></div>`,
    );
    const document = extractHtml(html, null);
    for (const post of POSTS) expect(document.text).toContain(post.text);
    expect(document.text).toContain('dobsonfan');
    expect(document.text).not.toContain('reputation');
    expect(document.pageType).toBe('qa');
  });
});

const INTRO =
  'Our evening courses run through the autumn and winter terms at the observatory, with small groups, telescopes provided and a clear-sky guarantee: a session lost to cloud is repeated.';

describe('GIVEN a listing: an introduction, then a grid of cards in the main region', () => {
  const CARDS = Array.from(
    { length: 8 },
    (_, i) =>
      `<div class="card"><h3><a href="/c/${i}">Course ${i}: observing the night sky with binoculars and a small telescope</a></h3><p>Eight evenings, group ${i}.</p></div>`,
  );
  const html = page(
    ld({ '@context': 'https://schema.org', '@type': 'ItemList', name: 'Courses' }),
    `<main><section class="intro"><h1>Astronomy courses</h1><div><p>${INTRO}</p><p>${INTRO}</p></div></section><section class="catalogue"><div class="row"><div class="col">${CARDS.slice(0, 4).join('')}</div></div><div class="row"><div class="col">${CARDS.slice(4).join('')}</div></div></section></main>`,
  );

  it('THEN every item of the list is read, and the page is typed a listing', () => {
    const document = extractHtml(html, null);
    for (let i = 0; i < 8; i++) expect(document.text).toContain(`Eight evenings, group ${i}.`);
    expect(document.pageType).toBe('listing');
  });
});

describe('GIVEN what a page says of itself', () => {
  it('THEN its schema.org types and og:type decide its kind', () => {
    expect(pageTypeOf(new Set(['product']), null, 0)).toBe('product');
    expect(pageTypeOf(new Set(), 'product', 0)).toBe('product');
    expect(pageTypeOf(new Set(['techarticle']), null, 0)).toBe('documentation');
    expect(pageTypeOf(new Set(['itemlist']), null, 0)).toBe('listing');
    expect(pageTypeOf(new Set(['newsarticle', 'comment']), null, 5)).toBe('article');
    expect(pageTypeOf(new Set(), null, 3)).toBe('forum');
    expect(pageTypeOf(new Set(), null, 0)).toBe('other');
  });
});
