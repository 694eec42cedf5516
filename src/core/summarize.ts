// Audits of one checklist version side by side (SPEC §4, "Across audits") and the factors to fix
// first. Pure functions over scored results.
import type { Checklist, Factor, Section } from '../schema/types.js';
import { weightOf } from './checklist-model.js';
import { NOTHING_SCORED, weightedMean } from './score.js';
import type {
  AuditResult,
  FactorSummary,
  Measured,
  Priority,
  SectionResult,
  SectionSummary,
  Spread,
  Summary,
} from './score-types.js';

/** The key of the checklist map `summarize` takes: audits compare only within one id and version. */
export function checklistKey(id: string, version: string): string {
  return `${id}@${version}`;
}

/** The part of a scored tree that priorities need; an audit result and a summary both have it. */
export interface ScoredSection {
  readonly id: string;
  readonly factors: readonly { readonly id: string; readonly gap: number }[];
}

function presentOnly<T>(values: readonly (T | undefined)[]): T[] {
  return values.filter((value): value is T => value !== undefined);
}

/** A node's plain mean over the audits that scored it, with its score's range; `undefined` when none did. */
function spreadOf(values: readonly Measured[]): Spread | undefined {
  const mean = weightedMean(values.map(({ score, expected }) => ({ weight: 1, score, expected })));
  if (!mean) return undefined;
  const min = values.reduce((lowest, value) => Math.min(lowest, value.score), Infinity);
  const max = values.reduce((highest, value) => Math.max(highest, value.score), -Infinity);
  return { n: values.length, ...mean, min, max };
}

function summarizeFactor(factor: Factor, sections: readonly SectionResult[]): FactorSummary | undefined {
  const spread = spreadOf(sections.flatMap((section) => section.factors.filter(({ id }) => id === factor.id)));
  return spread && { id: factor.id, ...spread };
}

function summarizeSection(section: Section, results: readonly AuditResult[]): SectionSummary | undefined {
  const scored = results.flatMap((result) => result.sections.filter(({ id }) => id === section.id));
  const spread = spreadOf(scored);
  return spread && { id: section.id, ...spread, factors: presentOnly(section.factors.map((factor) => summarizeFactor(factor, scored))) };
}

function summarizeGroup(checklist: Checklist, results: readonly AuditResult[]): Summary {
  // An audit that scored nothing has no overall value to average (see NOTHING_SCORED), so `n` counts
  // the audits that scored something, and a group where none did reports 0s with n = 0.
  const overall = spreadOf(results.filter((result) => result.sections.length > 0)) ?? {
    n: 0,
    ...NOTHING_SCORED,
    min: 0,
    max: 0,
  };
  const sections = presentOnly(checklist.sections.map((section) => summarizeSection(section, results)));
  return {
    checklist: { id: checklist.id, version: checklist.version },
    ...overall,
    sections,
    priorities: factorPriorities(checklist, sections),
  };
}

/**
 * One summary per checklist id and version, in the order the results first name them; sections and
 * factors follow the checklist's order and leave out those no audit scored. `checklists` is keyed
 * by `checklistKey` and must hold the checklist of every result.
 */
export function summarize(results: readonly AuditResult[], checklists: ReadonlyMap<string, Checklist>): Summary[] {
  const groups = new Map<string, AuditResult[]>();
  for (const result of results) {
    const key = checklistKey(result.checklist.id, result.checklist.version);
    const group = groups.get(key);
    if (group) group.push(result);
    else groups.set(key, [result]);
  }
  return [...groups].map(([key, group]) => {
    const checklist = checklists.get(key);
    if (!checklist) throw new Error(`summarize: no checklist ${key} among those given`);
    return summarizeGroup(checklist, group);
  });
}

/** The checklist's nodes that were scored, in checklist order, each with its scored counterpart. */
function scoredNodes<Node extends { readonly id: string }, Scored extends { readonly id: string }>(
  nodes: readonly Node[],
  scored: readonly Scored[],
): { node: Node; scored: Scored }[] {
  const scoredById = new Map(scored.map((each) => [each.id, each]));
  return presentOnly(nodes.map((node) => {
    const match = scoredById.get(node.id);
    return match && { node, scored: match };
  }));
}

function totalWeight(nodes: readonly { node: { weight?: number } }[]): number {
  return nodes.reduce((total, { node }) => total + weightOf(node), 0);
}

/**
 * The "fix first" list of one audit or of a summary: each scored factor's share of the overall score
 * (its section's share among the scored sections × its share among its section's scored factors)
 * times its shortfall, max(0, −gap). Factors that meet their expectation stay in with priority 0, so
 * the list covers every scored factor and a reader can cut it where they like. Highest first; equal
 * priorities keep checklist order.
 */
export function factorPriorities(checklist: Checklist, sections: readonly ScoredSection[]): Priority[] {
  const scoredSections = scoredNodes(checklist.sections, sections);
  const sectionsWeight = totalWeight(scoredSections);
  const priorities = scoredSections.flatMap(({ node: section, scored }) => {
    const scoredFactors = scoredNodes(section.factors, scored.factors);
    const factorsWeight = totalWeight(scoredFactors);
    return scoredFactors.map(({ node: factor, scored: { gap } }) => ({
      section: section.id,
      factor: factor.id,
      priority: (weightOf(section) / sectionsWeight) * (weightOf(factor) / factorsWeight) * Math.max(0, -gap),
    }));
  });
  // Array.prototype.sort is stable, which keeps checklist order among ties.
  return priorities.sort((a, b) => b.priority - a.priority);
}
