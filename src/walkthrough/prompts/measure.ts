// Measure items: reading what the auditor typed as a number in the item's unit, refusing numbers
// that cannot be right, and the stopwatch for times. The clock is passed in, so tests drive it with
// fake timers instead of waiting.
import { t, type Lang } from '../../shared/lang.js';
import { timeUnit, unitName } from '../../shared/units.js';
import type { Item } from '../../model/types.js';

export type Clock = () => number;

/** Whether a measure item's unit is a time the stopwatch can take (waiting and response times). */
export function isTimeUnit(unit: string | undefined): boolean {
  return timeUnit(unit) !== undefined;
}

/** Milliseconds in a time unit, rounded to what the unit can honestly claim (what a stopped stopwatch gives). */
export function msIn(unit: string, ms: number): number {
  const time = timeUnit(unit);
  if (!time) throw new Error(`not a time unit: ${unit}`);
  const factor = 10 ** time.decimals;
  return Math.round((Math.max(0, ms) / time.ms) * factor) / factor;
}

/** Characters a number field takes: digits, a decimal point or comma, `:` for m:ss, a leading sign. */
export function isNumberFieldText(text: string): boolean {
  return /^[-+]?[\d.,:]*$/.test(text.normalize('NFKC'));
}

/** `0:42`, `12:05`, `1:02:03`: what a stopwatch face shows. */
export function stopwatchFace(elapsedMs: number): string {
  const total = Math.floor(Math.max(0, elapsedMs) / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

const DECIMAL = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;
const MINUTES_SECONDS = /^(\d+):([0-5]?\d)$/;

/**
 * The finite number the auditor typed, or undefined. `1,5` is read as 1.5 (a decimal comma), and a time
 * read off a phone timer as `m:ss` (`1:30`) is converted to the item's time unit.
 */
export function parseMeasure(text: string, unit: string | undefined): number | undefined {
  const typed = text.normalize('NFKC').trim();
  const clock = MINUTES_SECONDS.exec(typed);
  const value = DECIMAL.test(typed)
    ? Number(typed.replace(',', '.'))
    : clock && isTimeUnit(unit)
      ? msIn(unit!, (Number(clock[1]) * 60 + Number(clock[2])) * 1000)
      : undefined;
  // 400 typed digits make Infinity, which YAML writes as `.inf` and no audit may hold: not a number here.
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

/** Why a typed measure cannot be the answer, or undefined when it can. */
export function measureProblem(item: Item, text: string, lang: Lang): string | undefined {
  const unit = unitName(item.unit, lang);
  const value = parseMeasure(text, item.unit);
  if (value === undefined) {
    const example = isTimeUnit(item.unit) ? t(lang, '如 45 或 1:30', 'e.g. 45 or 1:30') : t(lang, '如 45', 'e.g. 45');
    return t(lang, `请输入以 ${unit} 为单位的数字(${example})`, `type a number in ${unit} (${example})`);
  }
  // Bounds that are both non-negative mean a quantity that is never negative: a time, a count, a share.
  if (value < 0 && (item.target ?? 0) >= 0 && (item.limit ?? 0) >= 0) {
    return t(lang, '不能为负数', 'cannot be negative');
  }
  if (unit.trim() === '%' && value > 100) return t(lang, '百分比不能超过 100', 'a percentage is at most 100');
  return undefined;
}

// A typed value this many times the item's own bounds is far more likely a slip (450 for 45) than a
// measurement; it is asked about once, not refused.
const IMPLAUSIBLE_FACTOR = 10;

/** A warning when a measure that can be right is probably a typing slip, or undefined. */
export function measureDoubt(item: Item, value: number, lang: Lang): string | undefined {
  const bound = Math.max(item.target ?? 0, item.limit ?? 0);
  if (bound <= 0 || value <= bound * IMPLAUSIBLE_FACTOR) return undefined;
  const unit = unitName(item.unit, lang);
  const limit = `${item.limit} ${unit}`.trim();
  return t(
    lang,
    `${value} ${unit} 远超上限 ${limit};确认无误请再按 Enter,否则请修改`,
    `${value} ${unit} is far beyond the limit of ${limit}; press Enter again to keep it, or correct it`,
  );
}
