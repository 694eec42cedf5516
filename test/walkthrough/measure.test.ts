// Reading measures as auditors type them, refusing impossible ones, and the stopwatch's arithmetic.
import { describe, expect, it } from 'vitest';
import { isTimeUnit, measureDoubt, measureProblem, msIn, parseMeasure, stopwatchFace } from '../../src/walkthrough/prompts/measure.js';
import type { Item } from '../../src/model/types.js';

const waiting: Item = { id: 'wait', text: 'Waiting time', type: 'measure', unit: 's', better: 'lower', target: 30, limit: 120 };

describe('measure items', () => {
  it('reads decimals, decimal commas and m:ss for times', () => {
    expect(parseMeasure('45', 's')).toBe(45);
    expect(parseMeasure(' 2.5 ', 'min')).toBe(2.5);
    expect(parseMeasure('1,5', 'min')).toBe(1.5);
    expect(parseMeasure('1:30', 's')).toBe(90);
    expect(parseMeasure('1:30', 'min')).toBe(1.5);
    expect(parseMeasure('1:30', '%')).toBeUndefined();
    expect(parseMeasure('45s', 's')).toBeUndefined();
    expect(parseMeasure('', 's')).toBeUndefined();
  });

  it('refuses what cannot be a measure, in the auditor’s language', () => {
    expect(measureProblem(waiting, '45', 'en')).toBeUndefined();
    expect(measureProblem(waiting, 'soon', 'en')).toBe('type a number in s (e.g. 45 or 1:30)');
    expect(measureProblem(waiting, '-3', 'en')).toBe('cannot be negative');
    expect(measureProblem(waiting, '-3', 'zh-CN')).toBe('不能为负数');
    expect(measureProblem({ ...waiting, unit: '%', target: 90, limit: 50, better: 'higher' }, '120', 'en')).toBe('a percentage is at most 100');
    expect(measureProblem({ ...waiting, unit: '°C', target: -18, limit: -10 }, '-20', 'en')).toBeUndefined();
  });

  it('doubts a value ten times beyond the item’s bounds, once', () => {
    expect(measureDoubt(waiting, 1200, 'en')).toBeUndefined();
    expect(measureDoubt(waiting, 4500, 'en')).toBe('4500 s is far beyond the limit of 120 s; press Enter again to keep it, or correct it');
  });

  it('times only time units, rounded to what a key press can claim', () => {
    expect(['s', 'min', 'ms', '秒', 'MIN'].every(isTimeUnit)).toBe(true);
    expect(isTimeUnit('%')).toBe(false);
    expect(isTimeUnit(undefined)).toBe(false);
    expect(msIn('s', 42_499)).toBe(42);
    expect(msIn('min', 90_000)).toBe(1.5);
    expect(msIn('min', 100_000)).toBe(1.67);
  });

  it('shows the stopwatch face as a clock', () => {
    expect(stopwatchFace(0)).toBe('0:00');
    expect(stopwatchFace(42_900)).toBe('0:42');
    expect(stopwatchFace(725_000)).toBe('12:05');
    expect(stopwatchFace(3_723_000)).toBe('1:02:03');
  });
});
