import { createHash } from 'node:crypto';
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import { renderDiscordMarkdown, stripMarkdownEscapes } from './discord-markdown.ts';
import { escapeHtml, safeHref } from './escape-html.ts';

/** A bot message as the API sends it: what `toJSON()` of the reply's builders gives. */
export interface ReplyPayload {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

export interface ReplyPageOptions {
  /** The web components and their "rendered" signal (componentsScript()). */
  script: string;
  author?: string;
  timestamp?: Date;
}

// A blurple disc with a "P": the page must not fetch an avatar from Discord's CDN.
const AVATAR = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 80"><circle cx="40" cy="40" r="40" fill="#5865f2"/><text x="40" y="54" font-family="sans-serif" font-size="40" font-weight="700" text-anchor="middle" fill="#fff">P</text></svg>',
)}`;

// The component prints a string as given; this is how Discord labels a message sent today.
const TIME = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' });

const BUTTON_TYPES: Record<number, string> = {
  [ButtonStyle.Primary]: 'primary',
  [ButtonStyle.Secondary]: 'secondary',
  [ButtonStyle.Success]: 'success',
  [ButtonStyle.Danger]: 'destructive',
  [ButtonStyle.Link]: 'secondary',
  [ButtonStyle.Premium]: 'primary',
};

/**
 * A self-contained page showing the reply as Discord would. All text arrives escaped: the
 * article is untrusted, so it is data in text nodes and quoted attributes, never markup; a
 * Content-Security-Policy that admits only the one inline script is the second lock.
 */
export function buildReplyPage(reply: ReplyPayload, options: ReplyPageOptions): string {
  const scriptHash = createHash('sha256').update(options.script).digest('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
  ].join('; ');
  const title = stripMarkdownEscapes(reply.embeds[0]?.title ?? 'Reply');
  const message = [
    reply.content ? renderDiscordMarkdown(reply.content) : '',
    ...reply.embeds.map(embedHtml),
    reply.components.length > 0
      ? `<discord-attachments slot="components">${reply.components.map(rowHtml).join('')}</discord-attachments>`
      : '',
  ].join('\n');
  const timestamp = `Today at ${TIME.format(options.timestamp ?? new Date())}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`Precis preview: ${title}`)}</title>
<style>
  html, body { margin: 0; background: #313338; }
  discord-messages { display: block; max-width: 640px; padding: 8px 0 12px; border: 0; }
</style>
</head>
<body>
<discord-messages>
<discord-message author="${escapeHtml(options.author ?? 'Precis')}" avatar="${escapeHtml(AVATAR)}" bot timestamp="${escapeHtml(timestamp)}">
${message}
</discord-message>
</discord-messages>
<script type="module">${options.script}</script>
</body>
</html>
`;
}

function embedHtml(embed: APIEmbed): string {
  const attributes = [
    'slot="embeds"',
    embed.color === undefined ? '' : `color="#${embed.color.toString(16).padStart(6, '0')}"`,
    embed.title ? `embed-title="${escapeHtml(stripMarkdownEscapes(embed.title))}"` : '',
    attribute('url', safeHref(embed.url)),
  ].filter((part) => part.length > 0);
  const parts: string[] = [];
  if (embed.description) {
    parts.push(
      `<discord-embed-description slot="description">${renderDiscordMarkdown(embed.description)}</discord-embed-description>`,
    );
  }
  if (embed.fields && embed.fields.length > 0) {
    const fields = embed.fields.map(
      (field) =>
        `<discord-embed-field field-title="${escapeHtml(stripMarkdownEscapes(field.name))}"${field.inline ? ' inline' : ''}>${renderDiscordMarkdown(field.value)}</discord-embed-field>`,
    );
    parts.push(`<discord-embed-fields slot="fields">${fields.join('')}</discord-embed-fields>`);
  }
  if (embed.footer?.text) {
    // Discord shows footers as plain text: no markdown.
    parts.push(
      `<discord-embed-footer slot="footer">${escapeHtml(embed.footer.text)}</discord-embed-footer>`,
    );
  }
  return `<discord-embed ${attributes.join(' ')}>${parts.join('')}</discord-embed>`;
}

function rowHtml(row: APIActionRowComponent<APIComponentInMessageActionRow>): string {
  return `<discord-action-row>${row.components.map(componentHtml).join('')}</discord-action-row>`;
}

function componentHtml(component: APIComponentInMessageActionRow): string {
  if (component.type === ComponentType.Button) {
    const label = 'label' in component ? (component.label ?? '') : '';
    const link = 'url' in component ? attribute('url', safeHref(component.url)) : '';
    return `<discord-button type="${BUTTON_TYPES[component.style] ?? 'secondary'}"${link ? ` ${link}` : ''}${component.disabled ? ' disabled' : ''}>${escapeHtml(label)}</discord-button>`;
  }
  // A closed select shows its chosen option, or its placeholder when none is chosen.
  const chosen =
    component.type === ComponentType.StringSelect
      ? component.options.find((option) => option.default)?.label
      : undefined;
  const placeholder = chosen ?? component.placeholder ?? '';
  return `<discord-string-select-menu placeholder="${escapeHtml(placeholder)}"${component.disabled ? ' disabled' : ''}></discord-string-select-menu>`;
}

function attribute(name: string, value: string | null): string {
  return value ? `${name}="${escapeHtml(value)}"` : '';
}
