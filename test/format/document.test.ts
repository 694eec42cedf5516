import { describe, expect, it } from 'vitest';
import { formatGap, formatScore, toneOf } from '../../src/format/document.js';

describe('numbers for people', () => {
  it('rounds to one decimal', () => {
    expect(formatScore(81.25)).toBe('81.3');
    expect(formatScore(66.66666666666667)).toBe('66.7');
    expect(formatScore(100)).toBe('100.0');
    expect(formatScore(0)).toBe('0.0');
  });

  it('signs gaps, and never shows a shortfall that rounds away as -0.0', () => {
    expect(formatGap(-4.75)).toBe('-4.8');
    expect(formatGap(3)).toBe('+3.0');
    expect(formatGap(-0.04)).toBe('0.0');
    expect(formatGap(1.4210854715202004e-14)).toBe('0.0');
  });
});

describe('toneOf', () => {
  it('tells a met expectation, a near miss (within 10 points) and a far one apart', () => {
    expect(toneOf(0)).toBe('met');
    expect(toneOf(2.5)).toBe('met');
    expect(toneOf(-0.1)).toBe('near');
    expect(toneOf(-10)).toBe('near');
    expect(toneOf(-10.1)).toBe('far');
  });
});
