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
  /** Zone of tolerance (SPEC §4), present on every node of an audit that has one. */
  readonly adequate?: number;
  /** Measure of service adequacy: score − adequate. */
  readonly msa?: number;
  /** Measure of service superiority: score − expected, the gap. */
  readonly mss?: number;
  readonly zone?: Zone;
}

export const ZONES = ['below', 'within', 'above'] as const;
export type Zone = (typeof ZONES)[number];

export type ItemResult =
  | ({ readonly id: string; readonly value: AnswerValue; readonly importance?: number } & Measured)
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

export interface Spread {
  readonly n: number;
  readonly score: number;
  readonly expected: number;
  readonly gap: number;
  readonly min: number;
  readonly max: number;
  /** Means over the audits, when any of them had a zone of tolerance. */
  readonly adequate?: number;
  readonly msa?: number;
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

/** Where a factor stands in the importance–performance analysis (SPEC §4). */
export const QUADRANTS = ['concentrate', 'keep-up', 'low-priority', 'overkill'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export interface IpaFactor {
  readonly section: string;
  readonly factor: string;
  readonly importance: number;
  readonly performance: number;
  readonly quadrant: Quadrant;
}

export interface Summary extends Spread {
  readonly checklist: ChecklistKey;
  /** Audits per zone of their overall score, when any audit had a zone of tolerance. */
  readonly zones?: Readonly<Record<Zone, number>>;
  readonly sections: readonly SectionSummary[];
  readonly priorities: readonly Priority[];
  /** Factors with importance ratings; absent when no response rated importance. */
  readonly ipa?: readonly IpaFactor[];
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
