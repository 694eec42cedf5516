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

/** The checklist's items by id (ids are unique in a valid checklist). */
export function itemsById(checklist: Checklist): Map<string, Item> {
  return new Map([...itemsOf(checklist)].map((item) => [item.id, item]));
}
