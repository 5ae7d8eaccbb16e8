import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/core/extract/html.ts';
import { isUserError } from '../../src/shared/errors.ts';

// A Discourse topic as a browser gets it without the crawler view: a loading screen, and the
// post stream as JSON in a hidden element's data-preloaded attribute (each value itself a
// JSON string). Hand-written, in the shape Discourse ships.

const POSTS = [
  {
    username: 'nightowl',
    cooked:
      '<p>I am new to astronomy and would like a first telescope that shows planets and a few galaxies. My budget is about four hundred dollars and my garden is fairly dark.</p>',
  },
  {
    username: 'dobsonfan',
    cooked:
      '<p>For that budget an eight inch Dobsonian is hard to beat: it gathers far more light than a refractor of the same price.</p><aside class="quote"><blockquote><p>my garden is fairly dark</p></blockquote></aside><p>Dark skies make the galaxies worth the trouble.</p>',
  },
  {
    username: 'oldrefractor',
    cooked:
      '<p>Learn the sky with binoculars and a planisphere for a month first; it tells you whether you will keep using a telescope at all.</p>',
  },
];

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

const shell = (preloaded: object | null) =>
  `<!doctype html><html lang="en"><head><title>Best first telescope - Astronomy Forum</title>
<meta name="generator" content="Discourse"></head><body>
<section id="d-splash"><div class="preloader-image"><div class="dots"></div></div></section>
<discourse-assets><discourse-assets-json><div class="hidden" id="data-preloaded"${
    preloaded ? ` data-preloaded="${attribute(JSON.stringify(preloaded))}"` : ''
  }></div></discourse-assets-json></discourse-assets>
<section id="main"></section>
<form id="hidden-login-form" style="display: none;"><input name="username"><input name="password" type="password"></form>
</body></html>`;

describe('GIVEN a Discourse topic whose posts ship only in the preloaded JSON', () => {
  const preloaded = {
    site: JSON.stringify({ default_archetype: 'regular' }),
    topic_1555: JSON.stringify({
      post_stream: { posts: POSTS.map((post, i) => ({ id: i + 1, post_number: i + 1, ...post })) },
      title: 'Best first telescope',
    }),
  };

  it('THEN every post is read from the data, each under its poster, and the page is a thread', () => {
    const document = extractHtml(
      shell(preloaded),
      'https://forum.example.org/t/best-first-telescope/1555',
    );
    expect(document.text).toContain('eight inch Dobsonian is hard to beat');
    expect(document.text).toContain('binoculars and a planisphere');
    expect(document.text).toContain('I am new to astronomy');
    expect(document.pageType).toBe('forum');
    expect(document.posters).toEqual(['nightowl', 'dobsonfan', 'oldrefractor']);
    // Each post under its poster's name, on a line of its own.
    expect(document.text.indexOf('\ndobsonfan\n')).toBeLessThan(
      document.text.indexOf('eight inch'),
    );
  });
});

describe('GIVEN the same loading screen with nothing preloaded', () => {
  it('THEN the page is refused as having no text, not read as the screen', () => {
    let error: unknown;
    try {
      extractHtml(shell(null), 'https://forum.example.org/t/help/19891');
    } catch (caught) {
      error = caught;
    }
    expect(isUserError(error)).toBe(true);
  });
});
