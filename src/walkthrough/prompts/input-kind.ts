// How each item type is answered on screen, as its spec in the item-type registry declares. The item
// prompt handles input kinds, not item types, so a new type of a known kind needs no screen code.
import { typeOf } from '../../model/item-types/index.js';
import type { InputKind } from '../../model/item-types/item-type.js';
import type { Item } from '../../model/types.js';

export type { InputKind };

export function inputKindOf(item: Item): InputKind {
  return typeOf(item).input;
}
