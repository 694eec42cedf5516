// Hand-computed scores for every item type and every aggregation edge of SPEC §4.
import { describe, expect, it } from 'vitest';
import { scoreAudit } from '../../src/core/score.js';
import type { AuditResult, FactorResult, ItemResult, Measured } from '../../src/core/score-types.js';
import type { Audit, Checklist, Item } from '../../src/model/types.js';
import { auditOf, check, checklistOf, checklistWithItems, factor, likert, measure, section, textItem } from './builders.js';

const score = (checklist: Checklist, audit: Audit): AuditResult => scoreAudit({ file: 'a.yaml', audit, checklist });

/** The one item of a one-item checklist, scored for one response. */
function scoreOne(item: Item, response: Audit['responses'][string], extra: Partial<Checklist> = {}): ItemResult | undefined {
  const result = score(checklistWithItems([item], extra), auditOf({ [item.id]: response }));
  return result.sections[0]?.factors[0]?.items[0];
}

function expectMeasured(actual: Partial<Measured> | undefined, score: number, expected: number): void {
  expect(actual?.score).toBeCloseTo(score, 9);
  expect(actual?.expected).toBeCloseTo(expected, 9);
  expect(actual?.gap).toBeCloseTo(score - expected, 9);
}

const measuredOf = (item: ItemResult | undefined): Partial<Measured> | undefined => (item && 'score' in item ? item : undefined);

describe('likert items', () => {
  it('scores 100·(v−m)/(M−m) and falls back to the scale maximum as expectation', () => {
    expect(scoreOne(likert('q'), 4)).toEqual({ id: 'q', value: 4, score: 75, expected: 100, gap: -25 });
    expect(scoreOne(likert('q'), 1)).toEqual({ id: 'q', value: 1, score: 0, expected: 100, gap: -100 });
    expect(scoreOne(likert('q'), 5)).toEqual({ id: 'q', value: 5, score: 100, expected: 100, gap: 0 });
  });

  it('takes the expectation from the response, else the item, else the checklist, else M', () => {
    const item = likert('q', { expected: 5 });
    expect(measuredOf(scoreOne(item, { value: 3, expected: 2 }, { expected: 4 }))).toMatchObject({ score: 50, expected: 25, gap: 25 });
    expect(measuredOf(scoreOne(item, 3, { expected: 4 }))).toMatchObject({ score: 50, expected: 100, gap: -50 });
    expect(measuredOf(scoreOne(likert('q'), 3, { expected: 4 }))).toMatchObject({ score: 50, expected: 75, gap: -25 });
    expect(measuredOf(scoreOne(likert('q'), 3))).toMatchObject({ score: 50, expected: 100, gap: -50 });
  });

  it('uses the item’s own scale 1..7 over the checklist’s', () => {
    const item = likert('q', { scale: { min: 1, max: 7 }, expected: 6 });
    expectMeasured(measuredOf(scoreOne(item, 5)), 400 / 6, 500 / 6);
    expectMeasured(measuredOf(scoreOne(item, 7)), 100, 500 / 6);
    expectMeasured(measuredOf(scoreOne(likert('q', { scale: { min: 1, max: 7 } }), 2)), 100 / 6, 100);
  });

  it('handles a scale that does not start at 1', () => {
    expectMeasured(measuredOf(scoreOne(likert('q', { scale: { min: -2, max: 2 }, expected: 1 }), 0)), 50, 75);
  });
});

describe('check items', () => {
  it('scores yes 100 and no 0 against 100', () => {
    expect(scoreOne(check('c'), true)).toEqual({ id: 'c', value: true, score: 100, expected: 100, gap: 0 });
    expect(scoreOne(check('c'), { value: false, note: 'no sign' })).toEqual({ id: 'c', value: false, score: 0, expected: 100, gap: -100 });
  });
});

describe('measure items', () => {
  const lower = measure('wait', 'lower', 30, 120);
  const higher = measure('rate', 'higher', 90, 50);

  it.each([
    [10, 100],
    [30, 100],
    [75, 50],
    [100, 100 * (20 / 90)],
    [120, 0],
    [200, 0],
  ])('better lower, target 30, limit 120: %d scores %d', (value, expected) => {
    expectMeasured(measuredOf(scoreOne(lower, value)), expected, 100);
  });

  it.each([
    [95, 100],
    [90, 100],
    [60, 25],
    [80, 75],
    [50, 0],
    [40, 0],
  ])('better higher, target 90, limit 50: %d scores %d', (value, expected) => {
    expectMeasured(measuredOf(scoreOne(higher, value)), expected, 100);
  });

  it('handles fractional and negative ranges', () => {
    expectMeasured(measuredOf(scoreOne(measure('t', 'lower', -1.5, 0.5), -0.5)), 50, 100);
  });
});

describe('items left out', () => {
  it('shows `na` in all three forms and never weighs it', () => {
    const checklist = checklistWithItems([likert('a'), check('b'), measure('c', 'lower', 1, 2), likert('d')]);
    const result = score(checklist, auditOf({ a: 'na', b: { na: true }, c: { value: 'na', note: 'closed' }, d: 3 }));
    const factorResult = result.sections[0]?.factors[0];
    expect(factorResult?.items).toEqual([
      { id: 'a', na: true },
      { id: 'b', na: true },
      { id: 'c', na: true },
      { id: 'd', value: 3, score: 50, expected: 100, gap: -50 },
    ]);
    expectMeasured(factorResult, 50, 100);
    expectMeasured(result, 50, 100);
  });

  it('leaves unanswered items of a draft out, including a response that holds only a note', () => {
    const checklist = checklistWithItems([likert('a', { weight: 3 }), likert('b'), check('c')]);
    const result = score(checklist, auditOf({ b: 4, c: { note: 'ask the manager' } }, { status: 'draft' }));
    expect(result.status).toBe('draft');
    expect(result.sections[0]?.factors[0]?.items.map((item) => item.id)).toEqual(['b']);
    expectMeasured(result, 75, 100);
  });

  it('ignores text items, answered or not', () => {
    const checklist = checklistOf([
      section('s', [factor('f', [textItem('remarks'), check('c')]), factor('only-text', [textItem('other')])]),
    ]);
    const result = score(checklist, auditOf({ remarks: 'friendly staff', other: 'none', c: false }));
    expect(result.sections[0]?.factors).toEqual([
      { id: 'f', score: 0, expected: 100, gap: -100, items: [{ id: 'c', value: false, score: 0, expected: 100, gap: -100 }] },
    ]);
  });
});

describe('aggregation', () => {
  it('weights items, factors and sections 0.5, 2 and 3', () => {
    // A: factors 100, 0 and 50 (expected 75) → p = (50 + 0 + 150)/5.5 = 400/11, e = (50 + 200 + 225)/5.5 = 950/11.
    // B: items 100, 50 (expected 100), 0 → p = (50 + 100 + 0)/5.5 = 300/11, e = 100.
    // C: a wait of 75 between 30 and 120 → 50 against 100.
    // Overall p = (0.5·400/11 + 2·300/11 + 3·50)/5.5 = 4900/121, e = (0.5·950/11 + 2·100 + 3·100)/5.5 = 11950/121.
    const checklist = checklistOf(
      [
        section(
          'a',
          [
            factor('a1', [check('a1-c')], { weight: 0.5 }),
            factor('a2', [check('a2-c')], { weight: 2 }),
            factor('a3', [likert('a3-l', { expected: 4 })], { weight: 3 }),
          ],
          { weight: 0.5 },
        ),
        section(
          'b',
          [factor('b1', [check('b-yes', { weight: 0.5 }), likert('b-mid', { weight: 2 }), check('b-no', { weight: 3 })])],
          { weight: 2 },
        ),
        section('c', [factor('c1', [measure('c-wait', 'lower', 30, 120)])], { weight: 3 }),
      ],
    );
    const audit = auditOf({ 'a1-c': true, 'a2-c': false, 'a3-l': 3, 'b-yes': true, 'b-mid': 3, 'b-no': false, 'c-wait': 75 });
    const result = score(checklist, audit);
    const [a, b, c] = result.sections;
    expectMeasured(a, 400 / 11, 950 / 11);
    expectMeasured(a?.factors[2], 50, 75);
    expectMeasured(b, 300 / 11, 100);
    expectMeasured(c, 50, 100);
    expectMeasured(result, 4900 / 121, 11950 / 121);
  });

  it('leaves an all-na factor out of its section and renormalises the weights', () => {
    const checklist = checklistOf([
      section('s', [
        factor('all-na', [check('n1'), likert('n2')], { weight: 5 }),
        factor('yes', [check('y')], { weight: 3 }),
        factor('no', [check('n')]),
      ]),
    ]);
    const result = score(checklist, auditOf({ n1: 'na', n2: 'na', y: true, n: false }));
    expect(result.sections[0]?.factors.map((f) => f.id)).toEqual(['yes', 'no']);
    expectMeasured(result.sections[0], 75, 100);
    expectMeasured(result, 75, 100);
  });

  it('leaves a section with nothing scored out of the overall and renormalises', () => {
    const checklist = checklistOf([
      section('open', [factor('f1', [likert('l')])], { weight: 3 }),
      section('skipped', [factor('f2', [check('c'), textItem('t')])], { weight: 10 }),
    ]);
    const result = score(checklist, auditOf({ l: 2, c: 'na', t: 'n/a' }, { status: 'draft' }));
    expect(result.sections.map((s) => s.id)).toEqual(['open']);
    expectMeasured(result, 25, 100);
  });

  it('reports an audit that scores nothing as 0/0/0 with no sections, and passes it', () => {
    const checklist = checklistWithItems([likert('a', { critical: true }), check('b')]);
    const result = score(checklist, auditOf({ a: 'na' }, { status: 'draft' }));
    expect(result).toMatchObject({ score: 0, expected: 0, gap: 0, sections: [], result: 'pass', criticalFailures: [] });
  });

  it('keeps checklist order and gives gap = score − expected at every level', () => {
    const checklist = checklistOf([section('s', [factor('f', [likert('z', { expected: 2 }), likert('a')])])], { expected: 4 });
    const result = score(checklist, auditOf({ a: 2, z: 4 }));
    const factorResult: FactorResult | undefined = result.sections[0]?.factors[0];
    expect(factorResult?.items).toEqual([
      { id: 'z', value: 4, score: 75, expected: 25, gap: 50 },
      { id: 'a', value: 2, score: 25, expected: 75, gap: -50 },
    ]);
    expect(factorResult).toMatchObject({ score: 50, expected: 50, gap: 0 });
  });
});

describe('critical items', () => {
  const checklist = checklistOf([
    section('s', [
      factor('f', [likert('greet', { critical: true, expected: 4 }), check('safe', { critical: true }), likert('minor', { expected: 5 })]),
    ]),
  ]);

  it('passes when every critical item meets its expectation, whatever the others do', () => {
    const result = score(checklist, auditOf({ greet: 4, safe: true, minor: 1 }));
    expect(result.result).toBe('pass');
    expect(result.criticalFailures).toEqual([]);
  });

  it('fails and lists each critical item below its expectation', () => {
    const result = score(checklist, auditOf({ greet: 3, safe: false, minor: 5 }));
    expect(result.result).toBe('fail');
    expect(result.criticalFailures).toEqual([
      { section: 's', factor: 'f', item: 'greet', score: 50, expected: 75, gap: -25 },
      { section: 's', factor: 'f', item: 'safe', score: 0, expected: 100, gap: -100 },
    ]);
  });

  it('does not fail on a critical item that is `na` or, in a draft, unanswered', () => {
    const result = score(checklist, auditOf({ greet: 'na', minor: 1 }, { status: 'draft' }));
    expect(result.result).toBe('pass');
  });

  it('lowers the expectation per response, which can turn a failure into a pass', () => {
    expect(score(checklist, auditOf({ greet: { value: 3, expected: 3 }, safe: true, minor: 5 })).result).toBe('pass');
  });
});

describe('audit metadata', () => {
  it('copies file, site, auditor, date and status, and the checklist’s own id and version', () => {
    const checklist = checklistWithItems([check('c')], { id: 'service-expectations', version: '1.2.3' });
    const audit = auditOf({ c: true }, { checklist: '../checklists/service.yaml', site: 'Store 7', auditor: 'Wang Fang', date: '2026-01-02' });
    expect(scoreAudit({ file: 'audits/7.yaml', audit, checklist })).toEqual({
      file: 'audits/7.yaml',
      checklist: { id: 'service-expectations', version: '1.2.3' },
      site: 'Store 7',
      auditor: 'Wang Fang',
      date: '2026-01-02',
      status: 'complete',
      result: 'pass',
      score: 100,
      expected: 100,
      gap: 0,
      criticalFailures: [],
      sections: [
        {
          id: 's',
          score: 100,
          expected: 100,
          gap: 0,
          factors: [{ id: 'f', score: 100, expected: 100, gap: 0, items: [{ id: 'c', value: true, score: 100, expected: 100, gap: 0 }] }],
        },
      ],
    });
  });

  it('gives exactly 100 when equal parts meet awkward weights', () => {
    const checklist = checklistWithItems([check('a', { weight: 0.1 }), check('b', { weight: 0.2 })]);
    expect(score(checklist, auditOf({ a: true, b: true }))).toMatchObject({ score: 100, expected: 100, gap: 0 });
  });

  it('does not mistake an item called `constructor` for an answered one', () => {
    const checklist = checklistWithItems([check('constructor'), check('c')]);
    const result = score(checklist, auditOf({ c: true }, { status: 'draft' }));
    expect(result.sections[0]?.factors[0]?.items.map((item) => item.id)).toEqual(['c']);
  });

  it('refuses a value that does not fit its item (the audit was not validated)', () => {
    expect(() => scoreOne(check('c'), 3)).toThrow(/item c: 3 is not a check answer/);
    expect(() => scoreOne(likert('q'), true)).toThrow(/item q/);
  });
});
