// A measure item's unit as a reader of each language expects to see it. The file keeps its unit key
// (`s`, `min`, `%`: what the author wrote, and what scripts read); only what is shown is translated.
import type { Lang } from './lang.js';

// The units checklists use, by the keys authors write for them; any other unit is shown as written.
const UNIT_NAMES: Record<string, { readonly 'zh-CN': string }> = {
  ms: { 'zh-CN': '毫秒' },
  s: { 'zh-CN': '秒' },
  sec: { 'zh-CN': '秒' },
  min: { 'zh-CN': '分钟' },
  h: { 'zh-CN': '小时' },
  d: { 'zh-CN': '天' },
};

/** The unit as shown: `min` is 分钟 on a Chinese screen and `min` on an English one; `%` is `%` in both. */
export function unitName(unit: string | undefined, lang: Lang): string {
  const key = (unit ?? '').trim();
  if (lang === 'en') return key;
  return UNIT_NAMES[key.toLowerCase()]?.[lang] ?? key;
}

/** A measured value with its unit as shown, `12 秒` or `12 s`; the value alone when there is no unit. */
export function quantity(value: number | string, unit: string | undefined, lang: Lang): string {
  return `${value} ${unitName(unit, lang)}`.trimEnd();
}
