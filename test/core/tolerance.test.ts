// The zone of tolerance and the importance–performance analysis (SPEC §4), by hand and as properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreAudit } from '../../src/core/score.js';
import type { AuditResult, Measured } from '../../src/core/score-types.js';
import { checklistKey, summarize } from '../../src/core/summarize.js';
import type { Checklist, Response } from '../../src/model/types.js';
import { auditOf, checklistOf, checklistWithItems, factor, likert, section } from './builders.js';

const keyed = (checklist: Checklist) => new Map([[checklistKey(checklist.id, checklist.version), checklist]]);
const score = (checklist: Checklist, responses: Record<string, Response>) => scoreAudit({ file: 'a.yaml', audit: auditOf(responses), checklist });

/** Four factors of one item each, on a 1–5 scale expecting 5 with 3 as the adequate level. */
const FOUR = checklistOf([section('s', ['a', 'b', 'c', 'd'].map((id) => factor(`f-${id}`, [likert(id)])))], { expected: 5, adequate: 3 });
const RATED = { a: { value: 4, importance: 5 }, b: { value: 2, importance: 4 }, c: { value: 5, importance: 2 }, d: { value: 1, importance: 1 } };

describe('the zone of tolerance', () => {
  it('gives every node its adequate level, MSA, MSS and zone, worked out by hand', () => {
    const result = score(FOUR, RATED);
    const items = result.sections[0]!.factors.map((f) => f.items[0]);
    // a = 100·(3−1)/(5−1) = 50 for every item; e = 100.
    expect(items).toEqual([
      { id: 'a', value: 4, score: 75, expected: 100, gap: -25, adequate: 50, msa: 25, mss: -25, zone: 'within', importance: 100 },
      { id: 'b', value: 2, score: 25, expected: 100, gap: -75, adequate: 50, msa: -25, mss: -75, zone: 'below', importance: 75 },
      { id: 'c', value: 5, score: 100, expected: 100, gap: 0, adequate: 50, msa: 50, mss: 0, zone: 'above', importance: 25 },
      { id: 'd', value: 1, score: 0, expected: 100, gap: -100, adequate: 50, msa: -50, mss: -100, zone: 'below', importance: 0 },
    ]);
    expect(pick(result)).toEqual({ score: 50, expected: 100, gap: -50, adequate: 50, msa: 0, mss: -50, zone: 'within' });
  });

  it('takes a response’s adequate level over the item’s and the checklist’s', () => {
    const checklist = checklistWithItems([likert('a', { adequate: 2 })], { adequate: 3, expected: 5 });
    expect(pick(score(checklist, { a: 3 }))).toMatchObject({ adequate: 25, zone: 'within' });
    expect(pick(score(checklist, { a: { value: 3, adequate: 4 } }))).toMatchObject({ adequate: 75, zone: 'below' });
  });

  it('has no tolerance for check and measure items: their adequate level is the expectation', () => {
    const checklist = checklistWithItems([likert('a'), { id: 'b', text: 'b', type: 'check' }], { adequate: 3, expected: 5 });
    const [, b] = score(checklist, { a: 5, b: false }).sections[0]!.factors[0]!.items;
    expect(b).toMatchObject({ score: 0, expected: 100, adequate: 100, zone: 'below' });
  });

  it('is absent, field and all, when neither checklist nor responses give an adequate level', () => {
    const result = score(checklistWithItems([likert('a')], { expected: 5 }), { a: 4 });
    expect(Object.keys(result)).not.toContain('zone');
    expect(Object.keys(result.sections[0]!.factors[0]!.items[0]!)).toEqual(['id', 'value', 'score', 'expected', 'gap']);
  });

  it('counts audits per zone and averages adequacy in summaries', () => {
    const results = [score(FOUR, RATED), score(FOUR, { a: 5, b: 5, c: 5, d: 5 }), score(FOUR, { a: 1, b: 1, c: 1, d: 1 })];
    const [summary] = summarize(results, keyed(FOUR));
    expect(summary).toMatchObject({ n: 3, zones: { below: 1, within: 1, above: 1 }, adequate: 50, msa: 0 });
    expect(summary!.sections[0]).toMatchObject({ adequate: 50 });
  });
});

describe('importance–performance', () => {
  it('puts each rated factor in its quadrant around the means, worked out by hand', () => {
    const [summary] = summarize([score(FOUR, RATED)], keyed(FOUR));
    // Importance 100, 75, 25, 0 and performance 75, 25, 100, 0: both cut at 50.
    expect(summary!.ipa).toEqual([
      { section: 's', factor: 'f-a', importance: 100, performance: 75, quadrant: 'keep-up' },
      { section: 's', factor: 'f-b', importance: 75, performance: 25, quadrant: 'concentrate' },
      { section: 's', factor: 'f-c', importance: 25, performance: 100, quadrant: 'overkill' },
      { section: 's', factor: 'f-d', importance: 0, performance: 0, quadrant: 'low-priority' },
    ]);
  });

  it('averages importance over rated responses only and leaves unrated factors out', () => {
    const results = [score(FOUR, { ...RATED, b: 2 }), score(FOUR, { a: { value: 4, importance: 3 }, b: 2, c: 5, d: 1 })];
    const [summary] = summarize(results, keyed(FOUR));
    expect(summary!.ipa?.map(({ factor, importance }) => [factor, importance])).toEqual([
      ['f-a', 75],
      ['f-c', 25],
      ['f-d', 0],
    ]);
  });
});

function pick(node: Measured): Measured {
  const { score: s, expected, gap, adequate, msa, mss, zone } = node;
  return { score: s, expected, gap, ...(adequate !== undefined && { adequate, msa, mss, zone }) };
}

// Random likert checklists with adequate ≤ expected everywhere, and audits answering them.
const point = fc.integer({ min: 1, max: 7 });
const itemArb = fc
  .tuple(fc.integer({ min: 2, max: 7 }), fc.double({ min: 0.1, max: 5, noNaN: true }))
  .chain(([expected, weight]) => fc.integer({ min: 1, max: expected }).map((adequate) => ({ expected, adequate, weight })));
const checklistArb = fc.array(fc.array(itemArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((factors) =>
  checklistOf(
    [section('s', factors.map((items, f) => factor(`f${f}`, items.map((item, i) => likert(`i${f}-${i}`, item)))))],
    { scale: { min: 1, max: 7 } },
  ),
);
const responsesArb = (checklist: Checklist) =>
  fc.tuple(
    ...checklist.sections[0]!.factors.flatMap((f) =>
      f.items.map((item) =>
        fc.oneof(
          point.map((value): [string, Response] => [item.id, value]),
          fc.tuple(point, fc.option(point, { nil: undefined })).map(([value, importance]): [string, Response] => [item.id, { value, ...(importance !== undefined && { importance }) }]),
        ),
      ),
    ),
  ).map((entries) => Object.fromEntries(entries));
const batchArb = checklistArb.chain((checklist) => fc.tuple(fc.constant(checklist), fc.array(responsesArb(checklist), { minLength: 1, maxLength: 6 })));

function nodesOf(result: AuditResult): Measured[] {
  return [result, ...result.sections.flatMap((s) => [s, ...s.factors.flatMap((f) => [f, ...f.items.flatMap((i) => ('na' in i ? [] : [i]))])])];
}

describe('zone of tolerance and IPA properties', () => {
  it('adequate ≤ expected gives msa ≥ mss at every node, and the zone follows from p, a and e', () => {
    fc.assert(
      fc.property(batchArb, ([checklist, audits]) => {
        for (const responses of audits) {
          for (const node of nodesOf(score(checklist, responses))) {
            expect(node.msa! + 1e-9).toBeGreaterThanOrEqual(node.mss!);
            expect(node.mss).toBe(node.gap);
            const zone = node.score < node.adequate! ? 'below' : node.score < node.expected ? 'within' : 'above';
            expect(node.zone).toBe(zone);
          }
        }
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  it('zone counts sum to n, and quadrants follow the cross-hairs', () => {
    fc.assert(
      fc.property(batchArb, ([checklist, audits]) => {
        const [summary] = summarize(audits.map((responses) => score(checklist, responses)), keyed(checklist));
        const { below, within, above } = summary!.zones!;
        expect(below + within + above).toBe(summary!.n);
        const ipa = summary!.ipa ?? [];
        const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
        const [cutI, cutP] = [mean(ipa.map((f) => f.importance)), mean(ipa.map((f) => f.performance))];
        for (const f of ipa) {
          expect(f.quadrant).toBe(f.importance >= cutI ? (f.performance >= cutP ? 'keep-up' : 'concentrate') : f.performance >= cutP ? 'overkill' : 'low-priority');
        }
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('a batch without importance ratings has no ipa', () => {
    fc.assert(
      fc.property(checklistArb, fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 9 }), (checklist, values) => {
        const ids = checklist.sections[0]!.factors.flatMap((f) => f.items.map((item) => item.id));
        const responses = Object.fromEntries(ids.map((id, i) => [id, values[i % values.length]!]));
        const [summary] = summarize([score(checklist, responses)], keyed(checklist));
        expect(summary).not.toHaveProperty('ipa');
      }),
      { numRuns: 100, seed: 16 },
    );
  });
});
