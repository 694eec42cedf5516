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
  const { value, na, expected, adequate, importance, note, evidence } = response;
  return {
    ...(value === NA ? {} : value !== undefined && { value }),
    na: na === true || value === NA,
    ...(expected !== undefined && { expected }),
    ...(adequate !== undefined && { adequate }),
    ...(importance !== undefined && { importance }),
    ...(note !== undefined && { note }),
    ...(evidence !== undefined && { evidence }),
  };
}

/** Answered means a value or `na`; a map holding only a note is still waiting for its answer. */
export function isAnswered(answer: Answer | undefined): boolean {
  return answer !== undefined && (answer.na || answer.value !== undefined);
}
