// Hand-computed summaries across audits and "fix first" priorities.
import { describe, expect, it } from 'vitest';
import { scoreAudit } from '../../src/core/score.js';
import { checklistKey, factorPriorities, summarize } from '../../src/core/summarize.js';
import type { Audit, Checklist } from '../../src/model/types.js';
import { auditOf, check, checklistOf, factor, likert, section } from './builders.js';

const checklist = checklistOf([
  section('people', [factor('greeting', [likert('greet')]), factor('help', [check('offers-help')])]),
  section('place', [factor('clean', [check('floor')])]),
  section('never', [factor('unused', [check('rare')])]),
]);
const library = (...checklists: Checklist[]) => new Map(checklists.map((each) => [checklistKey(each.id, each.version), each]));
const scored = (audit: Audit, of: Checklist = checklist) => scoreAudit({ file: 'x.yaml', audit, checklist: of });

describe('summarize', () => {
  const results = [
    scored(auditOf({ greet: 5, 'offers-help': true, floor: false, rare: 'na' })), // people: 100 (greet 100, help 100); place 0
    scored(auditOf({ greet: 3, 'offers-help': false, floor: true, rare: 'na' })), // people: 25 (greet 50, help 0); place 100
    scored(auditOf({ greet: 1, floor: 'na' }, { status: 'draft' })), // people: 0 (greet 0, help unanswered)
  ];

  it('takes each node’s mean over the audits that scored it, with n, min and max', () => {
    const [summary] = summarize(results, library(checklist));
    expect(summary).toMatchObject({ checklist: { id: 'test-checklist', version: '1.0.0' }, n: 3 });
    // Overall per audit: (100 + 0)/2 = 50, (25 + 100)/2 = 62.5, 0 → mean 112.5/3, all expected 100.
    expect(summary?.score).toBeCloseTo(112.5 / 3, 9);
    expect(summary).toMatchObject({ expected: 100, min: 0, max: 62.5 });
    expect(summary?.gap).toBeCloseTo(112.5 / 3 - 100, 9);
    expect(summary?.sections.map((s) => s.id)).toEqual(['people', 'place']);
    const [people, place] = summary?.sections ?? [];
    expect(people).toMatchObject({ n: 3, min: 0, max: 100, expected: 100 });
    expect(people?.score).toBeCloseTo(125 / 3, 9);
    expect(people?.factors).toEqual([
      { id: 'greeting', n: 3, score: 50, expected: 100, gap: -50, min: 0, max: 100 },
      { id: 'help', n: 2, score: 50, expected: 100, gap: -50, min: 0, max: 100 },
    ]);
    expect(place).toEqual({
      id: 'place',
      n: 2,
      score: 50,
      expected: 100,
      gap: -50,
      min: 0,
      max: 100,
      factors: [{ id: 'clean', n: 2, score: 50, expected: 100, gap: -50, min: 0, max: 100 }],
    });
  });

  it('makes gap the mean score minus the mean expectation', () => {
    const withExpectation = checklistOf([section('s', [factor('f', [likert('q')])])]);
    const [summary] = summarize(
      [scored(auditOf({ q: { value: 3, expected: 2 } }), withExpectation), scored(auditOf({ q: 5 }), withExpectation)],
      library(withExpectation),
    );
    // scores 50 and 100 → 75; expectations 25 and 100 → 62.5
    expect(summary).toMatchObject({ n: 2, score: 75, expected: 62.5, gap: 12.5, min: 50, max: 100 });
  });

  it('groups by checklist id and version in the order the results first name them', () => {
    const newer = { ...checklist, version: '1.1.0' };
    const other = { ...checklist, id: 'other' };
    const summaries = summarize(
      [scored(auditOf({ greet: 5 }), newer), ...results, scored(auditOf({ floor: true }), other), scored(auditOf({ greet: 1 }), newer)],
      library(checklist, newer, other),
    );
    expect(summaries.map(({ checklist: key, n }) => [key.id, key.version, n])).toEqual([
      ['test-checklist', '1.1.0', 2],
      ['test-checklist', '1.0.0', 3],
      ['other', '1.0.0', 1],
    ]);
  });

  it('leaves audits that scored nothing out of the overall, and reports 0s when none scored anything', () => {
    const empty = scored(auditOf({ greet: 'na' }, { status: 'draft' }));
    const [mixed] = summarize([empty, results[1]!], library(checklist));
    expect(mixed).toMatchObject({ n: 1, score: 62.5, expected: 100, min: 62.5, max: 62.5 });
    const [none] = summarize([empty], library(checklist));
    expect(none).toEqual({
      checklist: { id: 'test-checklist', version: '1.0.0' },
      n: 0,
      score: 0,
      expected: 0,
      gap: 0,
      min: 0,
      max: 0,
      sections: [],
      priorities: [],
    });
  });

  it('refuses results whose checklist it was not given', () => {
    expect(() => summarize(results, library())).toThrow(/test-checklist@1\.0\.0/);
  });

  it('returns nothing for no results', () => {
    expect(summarize([], library(checklist))).toEqual([]);
  });
});

describe('factorPriorities', () => {
  // Sections weigh 1, 3 and 2, but `c` was not scored, so the shares are 1/4 and 3/4.
  const weighted = checklistOf([
    section('a', [factor('a1', [check('x1')]), factor('a2', [check('x2')], { weight: 3 }), factor('a3', [check('x3')])]),
    section('b', [factor('b1', [check('x4')]), factor('b2', [check('x5')], { weight: 2 })], { weight: 3 }),
    section('c', [factor('c1', [check('x6')])], { weight: 2 }),
  ]);
  const nodes = [
    // a3 was not scored either, so a1 and a2 share section a as 1/4 and 3/4.
    { id: 'a', factors: [{ id: 'a1', gap: -40 }, { id: 'a2', gap: -10 }] },
    { id: 'b', factors: [{ id: 'b1', gap: 5 }, { id: 'b2', gap: -20 }] },
  ];

  it('multiplies the effective weight share by the shortfall and sorts highest first', () => {
    expect(factorPriorities(weighted, nodes)).toEqual([
      { section: 'b', factor: 'b2', priority: (3 / 4) * (2 / 3) * 20 }, // 10
      { section: 'a', factor: 'a1', priority: (1 / 4) * (1 / 4) * 40 }, // 2.5
      { section: 'a', factor: 'a2', priority: (1 / 4) * (3 / 4) * 10 }, // 1.875
      { section: 'b', factor: 'b1', priority: 0 },
    ]);
  });

  it('keeps checklist order among equal priorities', () => {
    const even = [
      { id: 'b', factors: [{ id: 'b2', gap: 0 }, { id: 'b1', gap: 0 }] },
      { id: 'a', factors: [{ id: 'a2', gap: 10 }, { id: 'a1', gap: 0 }] },
    ];
    expect(factorPriorities(weighted, even).map(({ factor: id }) => id)).toEqual(['a1', 'a2', 'b1', 'b2']);
  });

  it('works on one audit’s result as well as on a summary', () => {
    const result = scoreAudit({ file: 'x.yaml', checklist: weighted, audit: auditOf({ x1: false, x2: true, x5: false }, { status: 'draft' }) });
    expect(factorPriorities(weighted, result.sections)).toEqual([
      { section: 'b', factor: 'b2', priority: 75 },
      { section: 'a', factor: 'a1', priority: 25 / 4 },
      { section: 'a', factor: 'a2', priority: 0 },
    ]);
    const [summary] = summarize([result], library(weighted));
    expect(summary?.priorities).toEqual(factorPriorities(weighted, result.sections));
  });
});
