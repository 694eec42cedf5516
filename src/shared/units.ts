// A measure item's unit as a reader of each language expects to see it. The file keeps its unit key
// (`s`, `min`, `%`: what the author wrote, and what scripts read); only what is shown is translated.
import type { Lang } from './lang.js';

/** A time a stopwatch can measure in: its length, and the precision an auditor pressing keys can honestly claim. */
export interface TimeUnit {
  readonly ms: number;
  readonly decimals: number;
}

// The units checklists use, by the keys authors write for them (in either language); any other unit
// is shown as written and is not a time.
const UNITS: Record<string, { readonly 'zh-CN': string; readonly time?: TimeUnit }> = {
  ms: { 'zh-CN': '毫秒', time: { ms: 1, decimals: 0 } },
  s: { 'zh-CN': '秒', time: { ms: 1000, decimals: 0 } },
  sec: { 'zh-CN': '秒', time: { ms: 1000, decimals: 0 } },
  min: { 'zh-CN': '分钟', time: { ms: 60_000, decimals: 2 } },
  h: { 'zh-CN': '小时', time: { ms: 3_600_000, decimals: 3 } },
  d: { 'zh-CN': '天' },
  秒: { 'zh-CN': '秒', time: { ms: 1000, decimals: 0 } },
  分钟: { 'zh-CN': '分钟', time: { ms: 60_000, decimals: 2 } },
};

const unitOf = (unit: string | undefined) => UNITS[(unit ?? '').trim().toLowerCase()];

/** The unit as a time, when it is one the stopwatch can take. */
export function timeUnit(unit: string | undefined): TimeUnit | undefined {
  return unitOf(unit)?.time;
}

/** The unit as shown: `min` is 分钟 on a Chinese screen and `min` on an English one; `%` is `%` in both. */
export function unitName(unit: string | undefined, lang: Lang): string {
  const key = (unit ?? '').trim();
  if (lang === 'en') return key;
  return unitOf(key)?.[lang] ?? key;
}

/** A measured value with its unit as shown, `12 秒` or `12 s`; the value alone when there is no unit. */
export function quantity(value: number | string, unit: string | undefined, lang: Lang): string {
  return `${value} ${unitName(unit, lang)}`.trimEnd();
}
