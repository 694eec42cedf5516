import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, nearestWord } from '../../src/shared/nearest-word.js';

const ITEM_KEYS = ['id', 'text', 'type', 'method', 'expected', 'scale', 'weight', 'critical', 'guidance', 'unit', 'better', 'target', 'limit', 'x-…'];
const word = fc.string({ unit: fc.constantFrom(...'abcdefg-'), maxLength: 12 });

describe('editDistance', () => {
  it('counts an insertion, a deletion, a change and a swap of neighbours as one edit each', () => {
    expect(editDistance('gudance', 'guidance')).toBe(1);
    expect(editDistance('guidancee', 'guidance')).toBe(1);
    expect(editDistance('guidence', 'guidance')).toBe(1);
    expect(editDistance('gudiance', 'guidance')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('is zero exactly between equal words, symmetric, and at most the longer length (property)', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const distance = editDistance(a, b);
        expect(distance === 0).toBe(a === b);
        expect(editDistance(b, a)).toBe(distance);
        expect(distance).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(distance).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
      }),
    );
  });
});

describe('nearestWord', () => {
  it('finds the key a slip was meant to be, whatever its case', () => {
    expect(nearestWord('gudance', ITEM_KEYS)).toBe('guidance');
    expect(nearestWord('Guidance', ITEM_KEYS)).toBe('guidance');
    expect(nearestWord('wieght', ITEM_KEYS)).toBe('weight');
    expect(nearestWord('taget', ITEM_KEYS)).toBe('target');
  });

  it('suggests nothing for another word, and never the word itself', () => {
    expect(nearestWord('colour', ITEM_KEYS)).toBeUndefined();
    expect(nearestWord('notes', ITEM_KEYS)).toBeUndefined();
    expect(nearestWord('guidance', ITEM_KEYS)).toBeUndefined();
  });

  it('lets a short word differ by one edit only', () => {
    expect(nearestWord('ix', ITEM_KEYS)).toBe('id');
    expect(nearestWord('ux', ITEM_KEYS)).toBeUndefined();
  });
});
