/** Text a person reads: one string, or one per language tag (the schema's LocalizedText has this shape). */
export type LocalizedText = string | Readonly<Record<string, string>>;

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** `--lang` wins; otherwise the locale the user's shell runs in (LC_ALL overrides LANG, as POSIX has it). */
export function detectLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The text in the wanted language, else English, else whatever language the author wrote. */
export function localize(text: LocalizedText | undefined, lang: Lang): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en ?? Object.values(text)[0] ?? '';
}

/** Picks one of two phrasings; keeps every user-facing string of a module next to its twin. */
export function t(lang: Lang, zh: string, en: string): string {
  return lang === 'zh-CN' ? zh : en;
}
