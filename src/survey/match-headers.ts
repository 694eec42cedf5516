// Which column of an export holds which item, guessed from the header texts: form tools put the whole
// question in the header, in whatever language the form was in, often with a number in front and
// a word saying which rating it is (perception, expectation, minimum, importance). A starting point
// for the user to check, never the last word: `import --init` writes it into a map to edit.
import { RATINGS } from '../model/vocabulary.js';
import { itemsOf } from '../model/checklist.js';
import { typeOf } from '../model/item-types/index.js';
import type { Checklist, ItemField } from '../model/types.js';
import { headerKey } from './columns.js';

export interface HeaderMatch {
  /** 0-based. */
  readonly column: number;
  readonly item: string;
  readonly field: ItemField;
  /** 0–1: how much of the header and the item text the two share. */
  readonly similarity: number;
}

export interface HeaderMatches {
  readonly matches: readonly HeaderMatch[];
  readonly site?: number;
  readonly auditor?: number;
  readonly date?: number;
  /** Columns matched to nothing, 0-based. */
  readonly unmatchedColumns: readonly number[];
  /** Items of the checklist no column was matched to as their value. */
  readonly unmatchedItems: readonly string[];
}

/** Below this a header and an item text have too little in common to be offered as a match. */
export const MIN_SIMILARITY = 0.5;

/** Letters and digits only, case and width folded: what two spellings of one question share. */
function letters(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const pair = text.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** 1 when one text holds the other whole; else the Dice coefficient of their letter pairs. */
export function similarity(header: string, itemText: string): number {
  const a = letters(header);
  const b = letters(itemText);
  if (a.length < 2 || b.length < 2) return a === b && a !== '' ? 1 : 0;
  if (a.includes(b)) return 1;
  const pairsA = bigrams(a);
  const pairsB = bigrams(b);
  let shared = 0;
  for (const [pair, count] of pairsA) shared += Math.min(count, pairsB.get(pair) ?? 0);
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

// Words that say which rating of an item a column holds, in the languages the built-in checklists
// carry. Tried in this order: "minimum expectation" is the adequate level, not the desired one.
const FIELD_WORDS: readonly [ItemField, RegExp][] = [
  ['adequate', /adequate|minimum|acceptable|tolera|最低|可接受|容忍/iu],
  ['importance', /importan|重要/iu],
  ['expected', /expect|desired|ideal|期望|理想/iu],
  ['note', /comment|note|remark|备注|意见|说明/iu],
];

const OTHER_FIELDS: readonly ['site' | 'auditor' | 'date', RegExp][] = [
  ['site', /branch|store|site|outlet|shop|location|门店|网点|分行|支行|营业厅|店铺|地点/iu],
  ['auditor', /auditor|interviewer|surveyor|访问员|调查员|审核员|访员/iu],
  ['date', /date|submitted|timestamp|time|日期|时间|提交/iu],
];

/** The rating a header names, read from what is left of it once the item's own words are taken out. */
function fieldOf(header: string, itemTexts: readonly string[]): ItemField {
  let rest = headerKey(header);
  for (const text of itemTexts) rest = rest.replace(headerKey(text), ' ');
  return FIELD_WORDS.find(([, words]) => words.test(rest))?.[0] ?? 'value';
}

function textsOf(text: Checklist['title']): string[] {
  return typeof text === 'string' ? [text] : Object.values(text);
}

export function matchHeaders(headers: readonly string[], checklist: Checklist): HeaderMatches {
  const items = [...itemsOf(checklist)].map((item) => ({ id: item.id, texts: textsOf(item.text), likert: typeOf(item).name === 'likert' }));
  // Each (item, rating) goes to the header most like it; a header to at most one of them.
  const best = new Map<string, HeaderMatch>();
  headers.forEach((header, column) => {
    let top: { id: string; texts: string[]; likert: boolean; similarity: number } | undefined;
    for (const item of items) {
      const score = Math.max(...item.texts.map((text) => similarity(header, text)));
      if (score >= MIN_SIMILARITY && score > (top?.similarity ?? 0)) top = { ...item, similarity: score };
    }
    if (!top) return;
    const field = fieldOf(header, top.texts);
    // Only likert items have expected, adequate and importance levels: such a column of another item is the user's to place.
    if (!top.likert && (RATINGS as readonly ItemField[]).includes(field)) return;
    const key = `${top.id}\u0000${field}`;
    const taken = best.get(key);
    if (!taken || taken.similarity < top.similarity) best.set(key, { column, item: top.id, field, similarity: top.similarity });
  });
  const matches = [...best.values()].sort((a, b) => a.column - b.column);
  const used = new Set(matches.map((match) => match.column));
  const others: Partial<Record<'site' | 'auditor' | 'date', number>> = {};
  headers.forEach((header, column) => {
    if (used.has(column)) return;
    const found = OTHER_FIELDS.find(([name, words]) => others[name] === undefined && words.test(header));
    if (found) {
      others[found[0]] = column;
      used.add(column);
    }
  });
  const valued = new Set(matches.filter((match) => match.field === 'value').map((match) => match.item));
  return {
    matches,
    ...others,
    unmatchedColumns: headers.map((_, column) => column).filter((column) => !used.has(column)),
    unmatchedItems: items.map((item) => item.id).filter((id) => !valued.has(id)),
  };
}
