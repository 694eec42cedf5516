// The results of scoring, shaped as SPEC §5 `score --format json` prints them (all numbers 0–100, unrounded).
import type { AnswerValue } from '../model/responses.js';

export interface ChecklistKey {
  readonly id: string;
  readonly version: string;
}

export interface Measured {
  readonly score: number;
  readonly expected: number;
  readonly gap: number;
}

export type ItemResult =
  | ({ readonly id: string; readonly value: AnswerValue } & Measured)
  | { readonly id: string; readonly na: true };

export interface FactorResult extends Measured {
  readonly id: string;
  readonly items: readonly ItemResult[];
}

export interface SectionResult extends Measured {
  readonly id: string;
  readonly factors: readonly FactorResult[];
}

export interface CriticalFailure {
  readonly section: string;
  readonly factor: string;
  readonly item: string;
  readonly score: number;
  readonly expected: number;
  readonly gap: number;
}

export interface AuditResult extends Measured {
  readonly file: string;
  readonly checklist: ChecklistKey;
  readonly site: string;
  readonly auditor: string;
  readonly date: string;
  readonly status: 'complete' | 'draft';
  readonly result: 'pass' | 'fail';
  readonly criticalFailures: readonly CriticalFailure[];
  readonly sections: readonly SectionResult[];
}

export interface Spread extends Measured {
  readonly n: number;
  readonly min: number;
  readonly max: number;
}

export interface FactorSummary extends Spread {
  readonly id: string;
}

export interface SectionSummary extends Spread {
  readonly id: string;
  readonly factors: readonly FactorSummary[];
}

export interface Priority {
  readonly section: string;
  readonly factor: string;
  readonly priority: number;
}

export interface Summary extends Spread {
  readonly checklist: ChecklistKey;
  readonly sections: readonly SectionSummary[];
  readonly priorities: readonly Priority[];
}

export interface ScoreError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface ScoreReport {
  readonly audits: readonly AuditResult[];
  readonly summaries: readonly Summary[];
  readonly errors: readonly ScoreError[];
}
