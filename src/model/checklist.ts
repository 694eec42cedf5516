// Facts about a checklist that follow from its defaults; shared by validation, scoring and display.
import type { Checklist, Item, Scale } from './types.js';

export function itemScale(item: Item, checklist: Checklist): Scale | undefined {
  return item.scale ?? checklist.scale;
}

export function weightOf(node: { weight?: number }): number {
  return node.weight ?? 1;
}

export function* itemsOf(checklist: Checklist): Generator<Item> {
  for (const section of checklist.sections) for (const factor of section.factors) yield* factor.items;
}

/** What scoring and checking every audit of a checklist look up: derived once per checklist object. */
export interface ItemIndex {
  /** The items by id. */
  readonly byId: ReadonlyMap<string, Item>;
  /** The ids of the critical items. */
  readonly critical: ReadonlySet<string>;
  /** Whether any item has an adequate level of its own. */
  readonly anyAdequate: boolean;
}

// Keyed by the checklist object itself: thousands of audits share one loaded checklist, and a
// checklist that is no longer used takes its index with it.
const indexes = new WeakMap<Checklist, ItemIndex>();

export function itemIndex(checklist: Checklist): ItemIndex {
  let index = indexes.get(checklist);
  if (!index) {
    const items = [...itemsOf(checklist)];
    index = {
      byId: new Map(items.map((item) => [item.id, item])),
      critical: new Set(items.filter((item) => item.critical === true).map((item) => item.id)),
      anyAdequate: items.some((item) => item.adequate !== undefined),
    };
    indexes.set(checklist, index);
  }
  return index;
}

/** The checklist's items by id (ids are unique in a valid checklist). */
export function itemsById(checklist: Checklist): ReadonlyMap<string, Item> {
  return itemIndex(checklist).byId;
}
