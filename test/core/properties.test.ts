// Properties of scoring and summaries over random valid checklists and audits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemScale, itemsOf, weightOf } from '../../src/model/checklist.js';
import { isScored, typeOf } from '../../src/model/item-types/index.js';
import { toAnswer } from '../../src/model/responses.js';
import { scoreAudit } from '../../src/core/score.js';
import type { AuditResult, Measured, Priority } from '../../src/core/score-types.js';
import { checklistKey, factorPriorities, summarize, type ScoredSection } from '../../src/core/summarize.js';
import type { Audit, Checklist, Item, Response } from '../../src/model/types.js';
import { auditArb, checklistArb, checklistWithAudit, decimal, isAnsweredIn } from './arbitraries.js';

const DIGITS = 9;
const score = (checklist: Checklist, audit: Audit) => scoreAudit({ file: 'random.yaml', audit, checklist });

/** Every scored node's numbers keyed by its path ('' is the overall), in tree order. */
function numbersByPath(result: AuditResult): Map<string, Measured> {
  const numbers = new Map<string, Measured>();
  const add = (path: string, { score, expected, gap }: Measured) => numbers.set(path, { score, expected, gap });
  if (result.sections.length > 0) add('', result);
  for (const section of result.sections) {
    add(section.id, section);
    for (const factor of section.factors) {
      add(`${section.id}/${factor.id}`, factor);
      for (const item of factor.items) if ('score' in item) add(`${section.id}/${factor.id}/${item.id}`, item);
    }
  }
  return numbers;
}

function expectSameNumbers(actual: Map<string, Measured>, expected: Map<string, Measured>): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [path, numbers] of expected) {
    const other = actual.get(path);
    expect(other?.score, path).toBeCloseTo(numbers.score, DIGITS);
    expect(other?.expected, path).toBeCloseTo(numbers.expected, DIGITS);
    expect(other?.gap, path).toBeCloseTo(numbers.gap, DIGITS);
  }
}

function withResponse(audit: Audit, id: string, response: Response): Audit {
  return { ...audit, responses: { ...audit.responses, [id]: response } };
}

type Level = 'items' | 'factors' | 'sections';

function scaleWeights(checklist: Checklist, level: Level, factor: number): Checklist {
  const scaled = <T extends { weight?: number }>(node: T, at: Level): T => (at === level ? { ...node, weight: weightOf(node) * factor } : node);
  return {
    ...checklist,
    sections: checklist.sections.map((section) => ({
      ...scaled(section, 'sections'),
      factors: section.factors.map((each) => ({ ...scaled(each, 'factors'), items: each.items.map((item) => scaled(item, 'items')) })),
    })),
  };
}

/** Where an item sits, as result paths of its factor and section. */
function pathsOf(checklist: Checklist, id: string): { section: string; factor: string } {
  for (const section of checklist.sections) {
    for (const factor of section.factors) {
      if (factor.items.some((item) => item.id === id)) return { section: section.id, factor: `${section.id}/${factor.id}` };
    }
  }
  throw new Error(`no item ${id}`);
}

/** A value at least as good as the current one, as SPEC §4 ranks them. */
function betterValueArb(item: Item, checklist: Checklist, value: number | boolean | string): fc.Arbitrary<number | boolean> {
  const current = Number(value);
  switch (typeOf(item).name) {
    case 'likert':
      return fc.integer({ min: current, max: itemScale(item, checklist)?.max ?? current });
    case 'check':
      return fc.constant(true);
    case 'measure':
      return decimal(0, 1000).map((step) => (item.better === 'lower' ? current - step : current + step));
    case 'text':
      throw new Error('text items are not scored');
  }
}

describe('scoring properties', () => {
  it('keeps every score and expectation within 0..100 and gap = score − expected at every node', () => {
    fc.assert(
      fc.property(checklistWithAudit, ({ checklist, audit }) => {
        const result = score(checklist, audit);
        for (const [path, node] of [['(overall)', result] as const, ...numbersByPath(result)]) {
          for (const value of [node.score, node.expected]) {
            expect(value, path).toBeGreaterThanOrEqual(0);
            expect(value, path).toBeLessThanOrEqual(100);
          }
          expect(node.gap, path).toBeCloseTo(node.score - node.expected, DIGITS);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('changes no number when an unanswered item is answered `na`', () => {
    const withUnanswered = checklistWithAudit.chain(({ checklist, audit }) => {
      const open = [...itemsOf(checklist)].filter((item) => isScored(item) && !isAnsweredIn(audit, item));
      return fc.constantFrom(...(open.length > 0 ? open : [undefined])).map((item) => ({ checklist, audit, item }));
    });
    fc.assert(
      fc.property(withUnanswered, ({ checklist, audit, item }) => {
        fc.pre(item !== undefined);
        const before = score(checklist, audit);
        const after = score(checklist, withResponse(audit, item.id, 'na'));
        expect(numbersByPath(after)).toEqual(numbersByPath(before));
        expect(after).toMatchObject({ score: before.score, expected: before.expected, result: before.result });
        expect(after.criticalFailures).toEqual(before.criticalFailures);
      }),
    );
  });

  it('changes nothing when all weights of one level are multiplied by the same positive number', () => {
    const scaling = fc.record({
      level: fc.constantFrom<Level>('items', 'factors', 'sections'),
      factor: fc.double({ min: 0.001, max: 1000, noNaN: true }),
    });
    fc.assert(
      fc.property(checklistWithAudit, scaling, ({ checklist, audit }, { level, factor }) => {
        const before = score(checklist, audit);
        const after = score(scaleWeights(checklist, level, factor), audit);
        expectSameNumbers(numbersByPath(after), numbersByPath(before));
        expect(after.result).toBe(before.result);
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers a factor, section or overall score when one answer improves', () => {
    const withImprovement = checklistWithAudit.chain(({ checklist, audit }) => {
      const answered = [...itemsOf(checklist)].flatMap((item) => {
        const response = Object.hasOwn(audit.responses, item.id) ? audit.responses[item.id] : undefined;
        const answer = response === undefined ? undefined : toAnswer(response);
        return isScored(item) && answer?.value !== undefined ? [{ item, response: response!, value: answer.value }] : [];
      });
      if (answered.length === 0) return fc.constant(undefined);
      return fc
        .constantFrom(...answered)
        .chain(({ item, response, value }) =>
          betterValueArb(item, checklist, value).map((better) => ({
            checklist,
            audit,
            item,
            improved: withResponse(audit, item.id, typeof response === 'object' ? { ...response, value: better } : better),
          })),
        );
    });
    fc.assert(
      fc.property(withImprovement, (example) => {
        fc.pre(example !== undefined);
        const { checklist, audit, item, improved } = example;
        const before = numbersByPath(score(checklist, audit));
        const after = numbersByPath(score(checklist, improved));
        const { section, factor } = pathsOf(checklist, item.id);
        for (const path of [factor, section, '']) {
          expect(after.get(path)?.score, path).toBeGreaterThanOrEqual(before.get(path)?.score ?? Infinity);
        }
      }),
      { numRuns: 300 },
    );
  });
});

function expectSoundPriorities(checklist: Checklist, sections: readonly ScoredSection[], priorities: readonly Priority[]): void {
  const factors = sections.flatMap((section) => section.factors.map((factor) => ({ section: section.id, factor })));
  expect(priorities).toHaveLength(factors.length);
  priorities.forEach((entry, k) => {
    expect(entry.priority).toBeGreaterThanOrEqual(0);
    if (k > 0) expect(entry.priority).toBeLessThanOrEqual(priorities[k - 1]!.priority);
    const scored = factors.find(({ section, factor }) => section === entry.section && factor.id === entry.factor);
    // A share of the overall is at most 1, so no priority exceeds its factor's shortfall.
    expect(entry.priority).toBeLessThanOrEqual(Math.max(0, -(scored?.factor.gap ?? 0)) + 1e-9);
  });
  // With every gap −1 the priorities are the shares themselves, which make up the whole score.
  const shortOne = sections.map((section) => ({ id: section.id, factors: section.factors.map(({ id }) => ({ id, gap: -1 })) }));
  const shares = factorPriorities(checklist, shortOne).reduce((total, { priority }) => total + priority, 0);
  if (factors.length > 0) expect(shares).toBeCloseTo(1, DIGITS);
}

describe('summary properties', () => {
  const scoredSets = fc
    .tuple(checklistArb('first'), checklistArb('second'))
    .chain(([first, second]) =>
      fc
        .array(
          fc.oneof(
            auditArb(first).map((audit) => score(first, audit)),
            auditArb(second).map((audit) => score(second, audit)),
          ),
          { minLength: 1, maxLength: 8 },
        )
        .map((results) => ({ checklists: [first, second], results })),
    );

  it('counts, averages and ranges each node over the audits that scored it', () => {
    fc.assert(
      fc.property(scoredSets, ({ checklists, results }) => {
        const library = new Map(checklists.map((checklist) => [checklistKey(checklist.id, checklist.version), checklist]));
        const summaries = summarize(results, library);
        expect(summaries.map(({ checklist }) => checklist.id)).toEqual([...new Set(results.map(({ checklist }) => checklist.id))]);
        for (const summary of summaries) {
          const group = results.filter((result) => result.checklist.id === summary.checklist.id).map(numbersByPath);
          const paths = new Set(group.flatMap((numbers) => [...numbers.keys()].filter((path) => path.split('/').length < 3)));
          const nodes = [
            ['', summary] as const,
            ...summary.sections.flatMap((section) => [
              [section.id, section] as const,
              ...section.factors.map((factor) => [`${section.id}/${factor.id}`, factor] as const),
            ]),
          ];
          expect(new Set(nodes.map(([path]) => path).filter((path) => path !== '' || summary.n > 0))).toEqual(paths);
          for (const [path, node] of nodes) {
            const values = group.flatMap((numbers) => numbers.get(path) ?? []);
            expect(node.n, path).toBe(values.length);
            if (values.length === 0) continue;
            const mean = (pick: (value: Measured) => number) => values.reduce((total, value) => total + pick(value), 0) / values.length;
            expect(node.score, path).toBeCloseTo(mean((value) => value.score), DIGITS);
            expect(node.expected, path).toBeCloseTo(mean((value) => value.expected), DIGITS);
            expect(node.gap, path).toBeCloseTo(node.score - node.expected, DIGITS);
            expect(node.min, path).toBe(Math.min(...values.map((value) => value.score)));
            expect(node.max, path).toBe(Math.max(...values.map((value) => value.score)));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives non-negative priorities, highest first, for summaries and for single audits', () => {
    fc.assert(
      fc.property(scoredSets, ({ checklists, results }) => {
        const library = new Map(checklists.map((checklist) => [checklistKey(checklist.id, checklist.version), checklist]));
        for (const summary of summarize(results, library)) {
          const checklist = library.get(checklistKey(summary.checklist.id, summary.checklist.version))!;
          expectSoundPriorities(checklist, summary.sections, summary.priorities);
        }
        for (const result of results) {
          const checklist = library.get(checklistKey(result.checklist.id, result.checklist.version))!;
          expectSoundPriorities(checklist, result.sections, factorPriorities(checklist, result.sections));
        }
      }),
      { numRuns: 200 },
    );
  });
});
