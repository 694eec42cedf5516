// Likert items: a whole point on a scale m..M (the item's own or the checklist's), against an
// expected point; the score is where the answer lies on the scale.
import { localize, t } from '../../shared/lang.js';
import { itemScale } from '../checklist.js';
import type { Checklist, Item, Scale } from '../types.js';
import { notAnAnswer, percent, type ItemProblem, type ItemTypeSpec } from './item-type.js';

/**
 * Points a scale may have: what a person can answer (0–100 is the widest scale in use), and what a
 * walkthrough can offer: `max: 1000000000` passed, and `run` died building a billion choices.
 */
export const MAX_SCALE_POINTS = 101;

/** A scale whose min is not below its max, that is too long, or has labels outside it; empty when the scale is sound. */
export function scaleProblems(scale: Scale): ItemProblem[] {
  if (scale.min >= scale.max) return [{ path: ['min'], code: 'bad-scale', params: { min: scale.min, max: scale.max } }];
  if (scale.max - scale.min + 1 > MAX_SCALE_POINTS) {
    return [{ path: ['max'], code: 'scale-too-long', params: { min: scale.min, max: scale.max, limit: MAX_SCALE_POINTS } }];
  }
  return Object.keys(scale.labels ?? {})
    .filter((point) => Number(point) < scale.min || Number(point) > scale.max)
    .map((point) => ({ path: ['labels', point], code: 'label-outside-scale', params: { point, min: scale.min, max: scale.max }, at: 'key' }));
}

/** An expected point outside its scale. */
export function expectedProblem(expected: number | undefined, scale: Scale, path: ItemProblem['path']): ItemProblem[] {
  if (expected === undefined || (expected >= scale.min && expected <= scale.max)) return [];
  return [{ path, code: 'expected-outside-scale', params: { value: expected, min: scale.min, max: scale.max } }];
}

/**
 * The zone of tolerance's lower end outside its scale, or above the (desired) expectation that
 * applies with it (the scale's max when none is given).
 */
export function adequateProblem(adequate: number | undefined, expected: number | undefined, scale: Scale, path: ItemProblem['path']): ItemProblem[] {
  if (adequate === undefined) return [];
  if (adequate < scale.min || adequate > scale.max) return [{ path, code: 'adequate-outside-scale', params: { value: adequate, min: scale.min, max: scale.max } }];
  const desired = expected ?? scale.max;
  return adequate > desired ? [{ path, code: 'adequate-above-expected', params: { adequate, expected: desired } }] : [];
}

const within = (path: ItemProblem['path'], problems: ItemProblem[]) => problems.map((problem) => ({ ...problem, path: [...path, ...problem.path] }));

function scaleOf(item: Item, checklist: Checklist): Scale {
  const scale = itemScale(item, checklist);
  if (!scale) throw new TypeError(`item ${item.id}: a likert item needs a scale (validate the checklist first)`);
  return scale;
}

export const likert: ItemTypeSpec = {
  name: 'likert',
  input: 'scale',
  scored: true,
  ownKeys: ['expected', 'adequate', 'scale'],
  checkItem(item, checklist) {
    const ownScale = item.scale ? within(['scale'], scaleProblems(item.scale)) : [];
    // Expectations are checked only against a scale that is one.
    if (ownScale.some((problem) => problem.code === 'bad-scale')) return ownScale;
    const scale = itemScale(item, checklist);
    if (!scale) return [{ path: [], code: 'missing-scale' }];
    const expected = item.expected ?? checklist.expected;
    // An inherited adequate level was checked on the checklist, unless this item changes what it is measured against.
    const ownFooting = item.adequate !== undefined || item.scale !== undefined || item.expected !== undefined || !checklist.scale;
    const adequate = ownFooting ? (item.adequate ?? checklist.adequate) : undefined;
    return [
      ...ownScale,
      ...expectedProblem(expected, scale, [item.expected === undefined ? 'id' : 'expected']),
      ...adequateProblem(adequate, expected, scale, [item.adequate === undefined ? 'id' : 'adequate']),
    ];
  },
  fits(item, checklist, value) {
    const scale = itemScale(item, checklist);
    return typeof value === 'number' && Number.isInteger(value) && !!scale && value >= scale.min && value <= scale.max;
  },
  score(item, answer, checklist) {
    const scale = scaleOf(item, checklist);
    const onScale = (point: number) => percent((point - scale.min) / (scale.max - scale.min));
    const value = typeof answer.value === 'number' ? answer.value : notAnAnswer(item, 'likert', answer.value);
    const expected = onScale(answer.expected ?? item.expected ?? checklist.expected ?? scale.max);
    const adequatePoint = answer.adequate ?? item.adequate ?? checklist.adequate;
    return {
      score: onScale(value),
      expected,
      // SPEC §4: with no adequate level there is no tolerance, and the adequate level is the expectation.
      adequate: adequatePoint === undefined ? expected : onScale(adequatePoint),
      ...(answer.importance !== undefined && { importance: onScale(answer.importance) }),
    };
  },
  answerText(item, value, checklist, lang) {
    const labelText = itemScale(item, checklist)?.labels?.[String(value)];
    if (labelText === undefined) return String(value);
    const label = localize(labelText, lang);
    return t(lang, `${String(value)}(${label})`, `${String(value)} (${label})`);
  },
};
