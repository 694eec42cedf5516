// One audit scored against its checklist (SPEC §4): pure functions from validated data to numbers.
// Precondition: the audit passed validation against this checklist, so every value fits its item's
// type; a value that does not fit is a programming error and throws rather than scoring as zero.
import type { Audit, Checklist, Factor, Item, Section } from '../model/types.js';
import { itemIndex, weightOf } from '../model/checklist.js';
import { isScored, notAnAnswerOf, typeOf } from '../model/item-types/index.js';
import { isAnswered, responseTo, toAnswer } from '../model/responses.js';
import type { AuditResult, CriticalFailure, FactorResult, ItemResult, Measured, SectionResult, Zone } from './score-types.js';

/** What one scored node brings to its parent's mean. */
export interface WeightedMeasure {
  readonly weight: number;
  readonly score: number;
  readonly expected: number;
  /** The adequate level; the expectation when there is none. */
  readonly adequate?: number;
}

/**
 * An audit that scores nothing (every item `na` or unanswered) has no mean to report; JSON cannot
 * carry NaN, so it reports 0/0/0 with no sections, and summaries leave it out of the overall values.
 */
export const NOTHING_SCORED: Measured = { score: 0, expected: 0, gap: 0 };

/**
 * A weighted mean built one part at a time, so that a summary over thousands of audits can be kept
 * without holding them, and agrees to the last bit with the mean over all parts at once.
 */
export interface RunningMean {
  weightedSum: number;
  totalWeight: number;
  lowest: number;
  highest: number;
}

export function emptyMean(): RunningMean {
  return { weightedSum: 0, totalWeight: 0, lowest: Infinity, highest: -Infinity };
}

export function addToMean(mean: RunningMean, weight: number, value: number): void {
  mean.weightedSum += weight * value;
  mean.totalWeight += weight;
  mean.lowest = Math.min(mean.lowest, value);
  mean.highest = Math.max(mean.highest, value);
}

export function meanOf({ weightedSum, totalWeight, lowest, highest }: RunningMean): number {
  // A weighted mean lies between its smallest and largest part. Clamping removes only float drift
  // (weights 0.1 and 0.2 over parts of 100 give 99.99999999999999), so equal parts give exactly
  // their value and no mean leaves 0..100.
  return Math.min(highest, Math.max(lowest, weightedSum / totalWeight));
}

function weightedMeanOf(parts: readonly WeightedMeasure[], valueOf: (part: WeightedMeasure) => number): number {
  const mean = emptyMean();
  for (const part of parts) addToMean(mean, part.weight, valueOf(part));
  return meanOf(mean);
}

export function measured(score: number, expected: number): Measured {
  return { score, expected, gap: score - expected };
}

/** Below the adequate level, within the zone of tolerance, or at or above the expectation (SPEC §4). */
export function zoneOf(score: number, adequate: number, expected: number): Zone {
  if (score < adequate) return 'below';
  return score < expected ? 'within' : 'above';
}

/** A node's numbers, with the zone of tolerance when the audit has one. */
function nodeNumbers(score: number, expected: number, adequate: number, tolerance: boolean): Measured {
  const numbers = measured(score, expected);
  if (!tolerance) return numbers;
  return { ...numbers, adequate, msa: score - adequate, mss: numbers.gap, zone: zoneOf(score, adequate, expected) };
}

/** The weighted means of score and expectation; `undefined` when nothing was scored. */
export function weightedMean(parts: readonly WeightedMeasure[]): Measured | undefined {
  if (parts.length === 0) return undefined;
  return measured(
    weightedMeanOf(parts, (part) => part.score),
    weightedMeanOf(parts, (part) => part.expected),
  );
}

/** weightedMean with the adequate levels averaged like the expectations, as SPEC §4 asks. */
function nodeMean(parts: readonly WeightedMeasure[], tolerance: boolean): Measured | undefined {
  const mean = weightedMean(parts);
  if (!mean || !tolerance) return mean;
  return nodeNumbers(mean.score, mean.expected, weightedMeanOf(parts, (part) => part.adequate ?? part.expected), true);
}

/**
 * One level of the tree: scores each child, keeps the ones the result shows, and weighs those that
 * carry numbers (an `na` item is shown but carries none) into the parent's mean.
 */
function scoreChildren<Child extends { weight?: number }, Result>(
  children: readonly Child[],
  scoreChild: (child: Child) => Result | undefined,
  numbersOf: (result: Result) => Measured | undefined,
  tolerance: boolean,
): { results: Result[]; mean: Measured | undefined } {
  const results: Result[] = [];
  const parts: WeightedMeasure[] = [];
  for (const child of children) {
    const result = scoreChild(child);
    if (result === undefined) continue;
    results.push(result);
    const numbers = numbersOf(result);
    if (numbers) parts.push({ weight: weightOf(child), score: numbers.score, expected: numbers.expected, adequate: numbers.adequate ?? numbers.expected });
  }
  return { results, mean: nodeMean(parts, tolerance) };
}

/** What scoring one audit needs at every level. */
interface Scoring {
  readonly audit: Audit;
  readonly checklist: Checklist;
  /** Whether the audit has a zone of tolerance: every node then carries it. */
  readonly tolerance: boolean;
}

/**
 * SPEC §4: a zone of tolerance when the checklist or any response of the audit gives an adequate
 * level (the checklist for all its likert items, or an item for itself).
 */
function hasTolerance(audit: Audit, checklist: Checklist): boolean {
  if (checklist.adequate !== undefined || itemIndex(checklist).anyAdequate) return true;
  return Object.values(audit.responses).some((response) => typeof response === 'object' && response.adequate !== undefined);
}

/** The item as the result lists it; `undefined` for what the result leaves out (unanswered, text). */
function scoreItem(item: Item, { audit, checklist, tolerance }: Scoring): ItemResult | undefined {
  const response = responseTo(audit, item.id);
  if (!isScored(item) || response === undefined) return undefined;
  const answer = toAnswer(response);
  if (!isAnswered(answer)) return undefined;
  if (answer.na) return { id: item.id, na: true };
  const { score, expected, adequate, importance } = typeOf(item).score(item, answer, checklist);
  return {
    id: item.id,
    value: answer.value ?? notAnAnswerOf(item, answer.value),
    ...nodeNumbers(score, expected, adequate, tolerance),
    ...(importance !== undefined && { importance }),
  };
}

function scoreFactor(factor: Factor, scoring: Scoring): FactorResult | undefined {
  const { results, mean } = scoreChildren(
    factor.items,
    (item) => scoreItem(item, scoring),
    (result) => ('na' in result ? undefined : result),
    scoring.tolerance,
  );
  return mean && { id: factor.id, ...mean, items: results };
}

function scoreSection(section: Section, scoring: Scoring): SectionResult | undefined {
  const { results, mean } = scoreChildren(section.factors, (factor) => scoreFactor(factor, scoring), (result) => result, scoring.tolerance);
  return mean && { id: section.id, ...mean, factors: results };
}
/** Critical items that fell short; `na` and unanswered critical items (drafts) do not fail an audit. */
function criticalFailures(checklist: Checklist, sections: readonly SectionResult[]): CriticalFailure[] {
  const { critical } = itemIndex(checklist);
  return sections.flatMap((section) =>
    section.factors.flatMap((factor) =>
      factor.items.flatMap((item) =>
        'gap' in item && item.gap < 0 && critical.has(item.id)
          ? [{ section: section.id, factor: factor.id, item: item.id, score: item.score, expected: item.expected, gap: item.gap }]
          : [],
      ),
    ),
  );
}

export function scoreAudit(input: { file: string; audit: Audit; checklist: Checklist }): AuditResult {
  const { file, audit, checklist } = input;
  const scoring: Scoring = { audit, checklist, tolerance: hasTolerance(audit, checklist) };
  const { results, mean } = scoreChildren(checklist.sections, (section) => scoreSection(section, scoring), (result) => result, scoring.tolerance);
  const failures = criticalFailures(checklist, results);
  return {
    file,
    checklist: { id: checklist.id, version: checklist.version },
    site: audit.site,
    auditor: audit.auditor,
    date: audit.date,
    status: audit.status,
    result: failures.length > 0 ? 'fail' : 'pass',
    ...(mean ?? NOTHING_SCORED),
    criticalFailures: failures,
    sections: results,
  };
}
