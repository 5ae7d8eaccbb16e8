/** Output languages offered in /summarize's `language` choices and the Translate select (≤ 25). */
export const LANGUAGES: readonly { tag: string; name: string }[] = [
  { tag: 'en', name: 'English' },
  { tag: 'es', name: 'Español' },
  { tag: 'fr', name: 'Français' },
  { tag: 'de', name: 'Deutsch' },
  { tag: 'it', name: 'Italiano' },
  { tag: 'pt-BR', name: 'Português (Brasil)' },
  { tag: 'nl', name: 'Nederlands' },
  { tag: 'pl', name: 'Polski' },
  { tag: 'sv', name: 'Svenska' },
  { tag: 'tr', name: 'Türkçe' },
  { tag: 'uk', name: 'Українська' },
  { tag: 'ru', name: 'Русский' },
  { tag: 'ar', name: 'العربية' },
  { tag: 'hi', name: 'हिन्दी' },
  { tag: 'id', name: 'Bahasa Indonesia' },
  { tag: 'vi', name: 'Tiếng Việt' },
  { tag: 'ja', name: '日本語' },
  { tag: 'ko', name: '한국어' },
  { tag: 'zh-CN', name: '中文 (简体)' },
  { tag: 'zh-TW', name: '中文 (繁體)' },
];

/** The `language` option's value meaning "keep the source's language". */
export const SOURCE_LANGUAGE = 'source';
