// What the tool knows about one type of checklist item, in one place: the keys only it may carry,
// the rules for its items that a schema cannot say, what counts as an answer, how an answer scores
// (SPEC §4) and how it reads. The registry (index.ts) holds one of these per type, so adding a type
// is one file here plus its keys in the schema definition.
import type { FindingCode, FindingParams } from '../../shared/findings.js';
import type { Lang } from '../../shared/lang.js';
import type { AnswerValue, Answer } from '../responses.js';
import type { Checklist, Item, ItemType } from '../types.js';

/** A problem with one item, found by its type's rules; the path is relative to the item. */
export interface ItemProblem {
  readonly path: readonly (string | number)[];
  readonly code: FindingCode;
  readonly params?: FindingParams;
  /** Point at the key of the path's last step rather than its value (an unknown or misplaced key). */
  readonly at?: 'key';
}

/** Score, expectation and (when known) the adequate level and importance of one answered item, on 0–100. */
export interface ItemScore {
  readonly score: number;
  readonly expected: number;
  /** The lowest level still accepted (zone of tolerance); the expectation itself when the item has none. */
  readonly adequate: number;
  /** How much the respondent said the item matters, when they said it. */
  readonly importance?: number;
}

/** How a person enters an answer of this type: a point of a scale, yes or no, a number, text. */
export type InputKind = 'scale' | 'yes-no' | 'number' | 'text';

export interface ItemTypeSpec {
  readonly name: ItemType;
  /** The walkthrough draws one screen per input kind, so a new type with a known kind needs no screen code. */
  readonly input: InputKind;
  /** Scored types count in every mean; the others collect remarks. */
  readonly scored: boolean;
  /** Item keys that belong to this type alone among those that belong to some types only. */
  readonly ownKeys: readonly (keyof Item)[];
  /** Rules for an item of this type beyond its shape. */
  checkItem(item: Item, checklist: Checklist): ItemProblem[];
  /** Whether `value` is an answer to `item`. */
  fits(item: Item, checklist: Checklist, value: AnswerValue): boolean;
  /** The score of an answer that fits (validated); throws on one that does not. Scored types only. */
  score(item: Item, answer: Answer, checklist: Checklist): ItemScore;
  /** An answer that fits, as people read it: `4 (good)`, `yes`, `45 s`, the text. */
  answerText(item: Item, value: AnswerValue, checklist: Checklist, lang: Lang): string;
}

/** A value that does not fit its item reached scoring: validation was skipped, a programming error. */
export function notAnAnswer(item: Item, type: ItemType, value: AnswerValue | undefined): never {
  throw new TypeError(`item ${item.id}: ${JSON.stringify(value)} is not a ${type} answer (validate the audit first)`);
}

/** Takes the fraction, not the numerator: dividing first means a fraction of at most 1 never gives more than 100. */
export function percent(fraction: number): number {
  return 100 * fraction;
}
