import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// The package ships bare-specifier ES modules (lit, @lit/context); a browser cannot load them
// from a file:// page, so they are bundled once into one inline script. esbuild comes with tsx,
// which every npm script here already runs on.
const ENTRY = `
${[
  'discord-messages',
  'discord-message',
  'discord-embed',
  'discord-embed-description',
  'discord-embed-fields',
  'discord-embed-field',
  'discord-embed-footer',
  'discord-attachments',
  'discord-action-row',
  'discord-button',
  'discord-string-select-menu',
]
  .map((tag) => `import '@skyra/discord-components-core/${tag}.js';`)
  .join('\n')}

const elements = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('discord-'));
await Promise.all([...new Set(elements.map((el) => el.localName))].map((tag) => customElements.whenDefined(tag)));
await Promise.all(elements.map((el) => el.updateComplete));
await document.fonts.ready;
await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
// Screenshots and tests wait for this instead of sleeping.
document.documentElement.dataset.rendered = 'true';
`;

let cached: Promise<string> | null = null;

/** The web components plus a "rendered" signal, as one script safe to inline in <script>. */
export function componentsScript(): Promise<string> {
  cached ??= bundle();
  return cached;
}

async function bundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: ENTRY,
      resolveDir: fileURLToPath(new URL('../..', import.meta.url)),
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const code = result.outputFiles[0]?.text ?? '';
  // Inside <script>, "</script" would end the element early and "<!--" or "<script" change
  // how the parser looks for the end; a new version of the package that ships them is a bug
  // to see, not to paper over.
  if (/<\/script|<!--|<script/i.test(code)) {
    throw new Error('the bundled web components contain markup that cannot be inlined');
  }
  return code;
}
