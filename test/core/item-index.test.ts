// The per-checklist item index (model/checklist.ts): what every audit looks up, derived once per checklist.
import { describe, expect, it } from 'vitest';
import { itemIndex } from '../../src/model/checklist.js';
import { toAnswer } from '../../src/model/responses.js';
import { check, checklistOf, factor, likert, section } from './builders.js';

describe('itemIndex', () => {
  const checklist = checklistOf([
    section('a', [factor('f', [likert('greets', { critical: true }), check('clean')])]),
    section('b', [factor('g', [likert('fast', { adequate: 3 })])]),
  ]);

  it('finds every item by id, names the critical ones and sees an item adequate level', () => {
    const index = itemIndex(checklist);
    expect([...index.byId.keys()]).toEqual(['greets', 'clean', 'fast']);
    expect(index.byId.get('clean')?.type).toBe('check');
    expect([...index.critical]).toEqual(['greets']);
    expect(index.anyAdequate).toBe(true);
    expect(itemIndex(checklistOf([section('a', [factor('f', [likert('x')])])])).anyAdequate).toBe(false);
  });

  it('is derived once for a checklist object', () => {
    expect(itemIndex(checklist)).toBe(itemIndex(checklist));
  });
});

describe('toAnswer', () => {
  it('brings the three forms of a response to one, keeping only the keys the response has', () => {
    expect(toAnswer(4)).toEqual({ value: 4, na: false });
    expect(toAnswer('na')).toEqual({ na: true });
    expect(toAnswer({ value: 'na', note: 'closed' })).toEqual({ na: true, note: 'closed' });
    expect(toAnswer({ na: true })).toEqual({ na: true });
    expect(toAnswer({ note: 'later' })).toEqual({ na: false, note: 'later' });
    const full = { value: 5, na: false, expected: 6, adequate: 4, importance: 7, note: 'n', evidence: ['a.jpg'] };
    expect(Object.entries(toAnswer(full))).toEqual(Object.entries(full));
  });
});
