// Measure items: a number in a unit (a waiting time, a share), scored from its limit (0) to its
// target (100); either direction can be better.
import type { ItemProblem, ItemTypeSpec } from './item-type.js';
import { notAnAnswer, percent } from './item-type.js';
import { quantity } from '../../shared/units.js';

const REQUIRED = ['better', 'target', 'limit'] as const;

export const measure: ItemTypeSpec = {
  name: 'measure',
  input: 'number',
  scored: true,
  ownKeys: ['unit', 'better', 'target', 'limit'],
  checkItem(item) {
    const missing = REQUIRED.filter((key) => item[key] === undefined);
    const problems: ItemProblem[] = missing.map((key) => ({ path: [], code: 'missing-key', params: { key } }));
    const { better, target, limit } = item;
    if (missing.length === 0 && better !== undefined && target !== undefined && limit !== undefined) {
      const onGoodSide = better === 'lower' ? target < limit : target > limit;
      if (!onGoodSide) problems.push({ path: ['target'], code: 'target-beyond-limit', params: { better, target, limit } });
    }
    return problems;
  },
  fits: (_item, _checklist, value) => typeof value === 'number' && Number.isFinite(value),
  /**
   * How far the value has come from the limit (0) to the target (100), capped at both ends. One formula
   * serves both directions: for `better: higher` (v−limit)/(target−limit) is the same quotient with
   * both signs flipped, and validation guarantees the target lies on the better side of the limit.
   */
  score(item, answer) {
    const { target, limit } = item;
    if (target === undefined || limit === undefined) {
      throw new TypeError(`item ${item.id}: a measure item needs a target and a limit (validate the checklist first)`);
    }
    const value = typeof answer.value === 'number' ? answer.value : notAnAnswer(item, 'measure', answer.value);
    const fraction = (limit - value) / (limit - target);
    return { score: percent(Math.min(1, Math.max(0, fraction))), expected: 100, adequate: 100 };
  },
  answerText: (item, value, _checklist, lang) => quantity(String(value), item.unit, lang),
};
