// Text items: free remarks, never scored.
import type { ItemTypeSpec } from './item-type.js';

export const text: ItemTypeSpec = {
  name: 'text',
  input: 'text',
  scored: false,
  ownKeys: [],
  checkItem: () => [],
  fits: (_item, _checklist, value) => typeof value === 'string',
  score(item) {
    throw new TypeError(`item ${item.id}: text items are not scored`);
  },
  answerText: (_item, value) => String(value),
};
