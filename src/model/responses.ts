// The three ways an audit file may write an answer (value, `na`, or a map) brought to one form.
import type { Audit, Response } from './types.js';

export type AnswerValue = number | boolean | string;

export interface Answer {
  readonly value?: AnswerValue;
  readonly na: boolean;
  readonly expected?: number;
  readonly adequate?: number;
  readonly importance?: number;
  readonly note?: string;
  readonly evidence?: readonly string[];
}

export const NA = 'na';

/** The audit's response to item `id`, if it has one. */
export function responseTo(audit: Audit, id: string): Response | undefined {
  // Own keys only: an item called `constructor` must not find Object.prototype's.
  return Object.hasOwn(audit.responses, id) ? audit.responses[id] : undefined;
}

export function toAnswer(response: Response): Answer {
  if (typeof response !== 'object') return response === NA ? { na: true } : { value: response, na: false };
  // Keys set one by one rather than spread from conditional objects: this runs for every response
  // of every audit, several times (checks, scoring), and spreads cost an object each.
  const { value, na, expected, adequate, importance, note, evidence } = response;
  const answer: { -readonly [Key in keyof Answer]: Answer[Key] } =
    value === NA || value === undefined ? { na: na === true || value === NA } : { value, na: na === true };
  if (expected !== undefined) answer.expected = expected;
  if (adequate !== undefined) answer.adequate = adequate;
  if (importance !== undefined) answer.importance = importance;
  if (note !== undefined) answer.note = note;
  if (evidence !== undefined) answer.evidence = evidence;
  return answer;
}

/** Answered means a value or `na`; a map holding only a note is still waiting for its answer. */
export function isAnswered(answer: Answer | undefined): boolean {
  return answer !== undefined && (answer.na || answer.value !== undefined);
}
