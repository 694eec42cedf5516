// The registry of item types: every type named in model/vocabulary.ts (ITEM_TYPES) has its spec here, which
// the compiler checks (a new type in ITEM_TYPES without a spec does not build).
import type { AnswerValue } from '../responses.js';
import type { Item, ItemType } from '../types.js';
import { check } from './check.js';
import { notAnAnswer, type ItemTypeSpec } from './item-type.js';
import { likert } from './likert.js';
import { measure } from './measure.js';
import { text } from './text.js';

export const ITEM_TYPE_SPECS: Readonly<Record<ItemType, ItemTypeSpec>> = { likert, check, measure, text };

/** The spec of an item's type (likert when the item names none). */
export function typeOf(item: Item): ItemTypeSpec {
  return ITEM_TYPE_SPECS[item.type ?? 'likert'];
}

/** Throws: `value` reached scoring without fitting `item` (see notAnAnswer). */
export function notAnAnswerOf(item: Item, value: AnswerValue | undefined): never {
  return notAnAnswer(item, typeOf(item).name, value);
}

/** Text items collect remarks; every other type is scored. */
export function isScored(item: Item): boolean {
  return typeOf(item).scored;
}

/**
 * The types that may carry `key`, for keys some types own; undefined for keys every type may carry.
 * `critical` belongs to the scored types: an item that is not scored cannot fall short.
 */
export function typesAllowing(key: keyof Item): ItemType[] | undefined {
  const specs = Object.values(ITEM_TYPE_SPECS);
  if (key === 'critical') return specs.filter((spec) => spec.scored).map((spec) => spec.name);
  const owners = specs.filter((spec) => spec.ownKeys.includes(key)).map((spec) => spec.name);
  return owners.length > 0 ? owners : undefined;
}
