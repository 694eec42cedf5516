// Random valid checklists (every item type, weights, scales, targets and limits) and audits that fit
// them (values, `na` in its three forms, unanswered items, per-response expectations).
import fc from 'fast-check';
import { itemScale, itemsOf } from '../../src/model/checklist.js';
import { isScored, typeOf } from '../../src/model/item-types/index.js';
import { isAnswered, toAnswer } from '../../src/model/responses.js';
import type { Audit, Checklist, Item, Response, Scale } from '../../src/model/types.js';

type ItemShape = Omit<Item, 'id' | 'text'>;

const weight = fc.option(fc.double({ min: 0.01, max: 100, noNaN: true }), { nil: undefined });

const scaleArb: fc.Arbitrary<Scale> = fc
  .integer({ min: -5, max: 5 })
  .chain((min) => fc.integer({ min: min + 1, max: min + 10 }).map((max) => ({ min, max })));

const pointOn = (scale: Scale) => fc.integer({ min: scale.min, max: scale.max });

/** Hundredths spread evenly over the range: fc.double crowds its values near 0. */
export const decimal = (min: number, max: number) => fc.integer({ min: Math.ceil(min * 100), max: Math.floor(max * 100) }).map((n) => n / 100);

function likertArb(checklistScale: Scale): fc.Arbitrary<ItemShape> {
  // An item with its own scale carries its own expectation: the checklist's may lie outside that scale.
  const scaling = fc.oneof(
    fc.record({ expected: fc.option(pointOn(checklistScale), { nil: undefined }) }),
    scaleArb.chain((scale) => pointOn(scale).map((expected) => ({ scale, expected }))),
  );
  return fc.tuple(scaling, weight, fc.boolean()).map(([scale, weight, critical]) => ({ type: 'likert', ...scale, weight, critical }));
}

const checkArb: fc.Arbitrary<ItemShape> = fc.tuple(weight, fc.boolean()).map(([weight, critical]) => ({ type: 'check', weight, critical }));

const measureArb: fc.Arbitrary<ItemShape> = fc
  .record({
    better: fc.constantFrom('lower' as const, 'higher' as const),
    target: decimal(-1000, 1000),
    distance: fc.oneof(decimal(0.01, 1000), fc.double({ min: 1e-6, max: 1, noNaN: true })),
    weight,
    critical: fc.boolean(),
  })
  .map(({ better, target, distance, ...rest }) => ({
    type: 'measure',
    better,
    target,
    limit: better === 'lower' ? target + distance : target - distance,
    ...rest,
  }));

const textArb: fc.Arbitrary<ItemShape> = fc.constant({ type: 'text' });

const itemArb = (checklistScale: Scale) => fc.oneof(likertArb(checklistScale), checkArb, measureArb, textArb);

/** Checklists whose factor ids repeat across sections (they are unique only within one), as files may. */
export function checklistArb(id = 'random'): fc.Arbitrary<Checklist> {
  return scaleArb.chain((scale) =>
    fc
      .record({
        expected: fc.option(pointOn(scale), { nil: undefined }),
        sections: fc.array(
          fc.record({
            weight,
            factors: fc.array(fc.record({ weight, items: fc.array(itemArb(scale), { minLength: 1, maxLength: 5 }) }), {
              minLength: 1,
              maxLength: 4,
            }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      })
      .map(({ expected, sections }) => {
        let itemCount = 0;
        return {
          id,
          version: '1.0.0',
          title: id,
          scale,
          expected,
          sections: sections.map((section, s) => ({
            id: `s${s}`,
            title: `s${s}`,
            weight: section.weight,
            factors: section.factors.map((factor, f) => ({
              id: `f${f}`,
              title: `f${f}`,
              weight: factor.weight,
              items: factor.items.map((shape) => {
                const itemId = `i${itemCount++}`;
                return { id: itemId, text: itemId, ...shape };
              }),
            })),
          })),
        };
      }),
  );
}

export function measureValueArb(item: Item): fc.Arbitrary<number> {
  const target = item.target ?? 0;
  const limit = item.limit ?? 0;
  const span = Math.abs(limit - target);
  return fc.oneof(
    fc.constant(target),
    fc.constant(limit),
    decimal(Math.min(target, limit) - span, Math.max(target, limit) + span),
    fc.double({ min: Math.min(target, limit), max: Math.max(target, limit), noNaN: true }),
  );
}

function valueArb(item: Item, checklist: Checklist): fc.Arbitrary<number | boolean | string> {
  switch (typeOf(item).name) {
    case 'likert':
      return pointOn(itemScale(item, checklist) ?? { min: 0, max: 1 });
    case 'check':
      return fc.boolean();
    case 'measure':
      return measureValueArb(item);
    case 'text':
      return fc.string();
  }
}

function answerArb(item: Item, checklist: Checklist): fc.Arbitrary<Response> {
  const value = valueArb(item, checklist);
  const scale = itemScale(item, checklist);
  if (typeOf(item).name !== 'likert' || !scale) return fc.oneof(value, fc.record({ value }));
  return fc.oneof(value, fc.record({ value, expected: pointOn(scale) }, { requiredKeys: ['value'] }));
}

function responseArb(item: Item, checklist: Checklist): fc.Arbitrary<Response | undefined> {
  if (!isScored(item)) return fc.option(fc.string(), { nil: undefined });
  return fc.oneof(
    { arbitrary: fc.constantFrom(undefined, { note: 'come back later' }), weight: 1 },
    { arbitrary: fc.constantFrom<Response>('na', { na: true }, { value: 'na' }), weight: 1 },
    { arbitrary: answerArb(item, checklist), weight: 5 },
  );
}

export function isAnsweredIn(audit: Audit, item: Item): boolean {
  const response = Object.hasOwn(audit.responses, item.id) ? audit.responses[item.id] : undefined;
  return response !== undefined && isAnswered(toAnswer(response));
}

export function auditArb(checklist: Checklist): fc.Arbitrary<Audit> {
  const items = [...itemsOf(checklist)];
  return fc.tuple(...items.map((item) => responseArb(item, checklist))).map((responses) => {
    const answered = items.flatMap((item, k) => {
      const response = responses[k];
      return response === undefined ? [] : [[item.id, response] as const];
    });
    const audit: Audit = {
      checklist: { id: checklist.id, version: checklist.version },
      site: 'Random store',
      auditor: 'Random auditor',
      date: '2026-11-23',
      status: 'draft',
      responses: Object.fromEntries(answered),
    };
    const complete = items.every((item) => !isScored(item) || isAnsweredIn(audit, item));
    return complete ? { ...audit, status: 'complete' } : audit;
  });
}

export const checklistWithAudit = checklistArb().chain((checklist) => auditArb(checklist).map((audit) => ({ checklist, audit })));
