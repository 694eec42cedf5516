// The three ways an audit file may write an answer (value, `na`, or a map) brought to one form.
import type { Response } from '../schema/types.js';

export type AnswerValue = number | boolean | string;

export interface Answer {
  readonly value?: AnswerValue;
  readonly na: boolean;
  readonly expected?: number;
  readonly note?: string;
  readonly evidence?: readonly string[];
}

export const NA = 'na';

export function toAnswer(response: Response): Answer {
  if (typeof response !== 'object') return response === NA ? { na: true } : { value: response, na: false };
  const { value, na, expected, note, evidence } = response;
  return {
    ...(value === NA ? {} : value !== undefined && { value }),
    na: na === true || value === NA,
    ...(expected !== undefined && { expected }),
    ...(note !== undefined && { note }),
    ...(evidence !== undefined && { evidence }),
  };
}

/** Answered means a value or `na`; a map holding only a note is still waiting for its answer. */
export function isAnswered(answer: Answer | undefined): boolean {
  return answer !== undefined && (answer.na || answer.value !== undefined);
}
