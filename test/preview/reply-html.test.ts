import { createHash } from 'node:crypto';
import { ButtonStyle, ComponentType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { buildReplyPage, type ReplyPayload } from '../../src/preview/reply-html.ts';
import { summaryReplyPayload } from '../../src/preview/reply-payload.ts';
import { EXAMPLE_PATH, HOSTILE_PATH, offlineResult } from './helpers.ts';

const SCRIPT = 'document.documentElement.dataset.rendered = "true";';

function page(payload: ReplyPayload): string {
  return buildReplyPage(payload, { script: SCRIPT });
}

function plainPayload(overrides: Partial<ReplyPayload> = {}): ReplyPayload {
  return { content: '', embeds: [{ title: 'T', description: 'D' }], components: [], ...overrides };
}

describe('buildReplyPage', () => {
  it('GIVEN an article full of <script> and <img onerror> THEN the page holds them only as escaped text', async () => {
    const html = page(summaryReplyPayload(await offlineResult(HOSTILE_PATH), null));
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;window.pwned = &#39;quote&#39;');
    expect(html).toContain('onerror=&quot;window.pwned=&#39;bullet&#39;&quot;');
  });

  it('GIVEN a title with a double quote THEN it cannot leave its attribute', () => {
    const html = page(plainPayload({ embeds: [{ title: 'a" onmouseover="x' }] }));
    expect(html).toContain('embed-title="a&quot; onmouseover=&quot;x"');
  });

  it('GIVEN a javascript: embed url or button url THEN neither becomes a link', () => {
    const html = page(
      plainPayload({
        embeds: [{ title: 'T', url: 'javascript:alert(1)' }],
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.Button,
                style: ButtonStyle.Link,
                label: 'Open',
                url: 'javascript:alert(2)',
              },
            ],
          },
        ],
      }),
    );
    expect(html).not.toContain('javascript:');
  });

  it('GIVEN the page THEN its Content-Security-Policy admits exactly its own inline script', () => {
    const hash = createHash('sha256').update(SCRIPT).digest('base64');
    const html = page(plainPayload());
    expect(html).toContain(`script-src &#39;sha256-${hash}&#39;`);
    expect(html).toContain('default-src &#39;none&#39;');
  });

  it("GIVEN the example article THEN the page shows the bot's embed title, quotes with speakers, footer and buttons", async () => {
    const result = await offlineResult(EXAMPLE_PATH);
    const html = page(summaryReplyPayload(result, null));
    expect(html).toContain(
      'embed-title="Biden-Putin Talks Provide No Breakthrough in Ukraine Tensions"',
    );
    expect(html).toMatch(/field-title="\[1\] — [A-Z][a-z]+ [A-Z]/);
    expect(html).toMatch(
      /<discord-embed-footer slot="footer">[^<]*offline engine<\/discord-embed-footer>/,
    );
    for (const label of ['Shorter', 'Longer', 'Key quotes']) {
      expect(html).toContain(`<discord-button type="secondary">${label}</discord-button>`);
    }
    // The offline engine cannot translate, so its reply offers no language menu.
    expect(html).not.toContain('Translate…');
  });

  it("GIVEN the model's reply THEN the page offers the language menu", async () => {
    const result = await offlineResult(EXAMPLE_PATH);
    const html = page(
      summaryReplyPayload({ ...result, meta: { ...result.meta, engine: 'llm' } }, null),
    );
    expect(html).toContain('placeholder="Translate…"');
  });

  it('GIVEN a reply in a chosen language THEN the menu shows that language instead of the placeholder', async () => {
    const offline = await offlineResult(EXAMPLE_PATH);
    const result = { ...offline, meta: { ...offline.meta, engine: 'llm' as const } };
    const html = page(summaryReplyPayload(result, 'fr'));
    expect(html).toMatch(/<discord-string-select-menu placeholder="(French|Français)"/);
  });
});
