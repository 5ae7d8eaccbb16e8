import type { Result } from '../../core/schemas.ts';

const WORDS_PER_MINUTE = 230;

/** Minutes to read the source at an ordinary adult pace; never 0. */
function readingMinutes(text: string): number {
  const words = text.split(/\s+/).filter((word) => word.length > 0).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** `summarize@3+ab12cd34` -> `summarize@3`: the hash is for logs, not for readers. */
function promptLabel(prompt: string): string {
  return prompt.split('+')[0] ?? prompt;
}

/** Site · reading time · prompt · model · tokens · cache · engine, in that order. */
export function footerParts(result: Result, extras: string[] = []): string[] {
  const { source, meta } = result;
  const site = source.siteName ?? hostOf(source.url);
  const parts = [
    site,
    `${readingMinutes(source.text)} min read`,
    // The offline engine has no prompt, model or tokens worth showing; it says what it is.
    ...(meta.engine === 'offline'
      ? []
      : [
          promptLabel(meta.prompt),
          meta.model,
          `${meta.tokens.input}+${meta.tokens.output} tokens`,
        ]),
    meta.cached ? 'cached' : null,
    meta.engine === 'offline' ? 'offline engine' : null,
    ...extras,
  ];
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0);
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
