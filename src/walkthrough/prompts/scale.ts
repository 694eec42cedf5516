// Likert scales by arithmetic, never by listing their points: a checklist may declare a scale of
// 1..1e9, and a walkthrough that built every point would run out of memory before its first screen.
import type { Scale } from '../../model/types.js';

/** Scales up to this many points are drawn one choice a line (labelled) or in one row (unlabelled). */
export const DRAWN_POINTS = 11;

export function pointCount(scale: Scale): number {
  return scale.max - scale.min + 1;
}

export function onScale(scale: Scale, value: number): boolean {
  return Number.isInteger(value) && value >= scale.min && value <= scale.max;
}

/** The points shown on screen: every point of a small scale, else only the labelled ones (a file's own, so few). */
export function shownPoints(scale: Scale): number[] {
  if (pointCount(scale) <= DRAWN_POINTS) return Array.from({ length: pointCount(scale) }, (_, i) => scale.min + i);
  return Object.keys(scale.labels ?? {})
    .map(Number)
    .filter((point) => onScale(scale, point))
    .toSorted((a, b) => a - b);
}

const WHOLE = /^-?\d+$/;

/**
 * Whether more digits after `typed` could still name a point: `1` on a 0–10 scale (10), `-` on -3..3.
 * Checked per number of added digits k: the numbers written `typed` + k digits form one interval.
 */
export function mayContinue(scale: Scale, typed: string): boolean {
  if (typed === '-') return scale.min < 0;
  if (!WHOLE.test(typed)) return false;
  const negative = typed.startsWith('-');
  const digits = negative ? typed.slice(1) : typed;
  // `0` and `-0` are never the start of another number.
  if (/^0/.test(digits)) return false;
  const head = Number(digits);
  const reach = Math.max(Math.abs(scale.min), Math.abs(scale.max));
  for (let power = 10; head * power <= reach; power *= 10) {
    const [low, high] = [head * power, head * power + power - 1];
    const [from, to] = negative ? [-high, -low] : [low, high];
    if (from <= scale.max && to >= scale.min) return true;
  }
  return false;
}

/** What typed digits mean: a point as soon as no longer number could be meant, else still typing, else nothing. */
export function readTyped(scale: Scale, typed: string): { readonly point?: number; readonly partial: boolean } {
  const value = WHOLE.test(typed) ? Number(typed) : undefined;
  const point = value !== undefined && onScale(scale, value) ? value : undefined;
  return { ...(point !== undefined && { point }), partial: mayContinue(scale, typed) };
}
