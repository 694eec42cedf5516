// Audits of one checklist version side by side (SPEC §4, "Across audits") and the factors to fix
// first. Pure functions over scored results; the tally is a plain accumulator they fold into.
import type { Checklist, Factor, Section } from '../model/types.js';
import { weightOf } from '../model/checklist.js';
import { addToMean, emptyMean, measured, meanOf, NOTHING_SCORED, type RunningMean } from './score.js';
import type {
  AuditResult,
  FactorResult,
  FactorSummary,
  IpaFactor,
  Measured,
  Priority,
  Quadrant,
  SectionSummary,
  Spread,
  Summary,
  Zone,
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

/** A node's scores so far, across audits: enough for its mean, n, min and max. */
interface SpreadTally {
  readonly score: RunningMean;
  readonly expected: RunningMean;
  /** The adequate level, the expectation where an audit had no zone of tolerance. */
  readonly adequate: RunningMean;
}

interface FactorTally extends SpreadTally {
  /** The importance ratings of the factor's items, one per rated response (SPEC §4, IPA). */
  readonly importance: RunningMean;
}

interface SectionTally extends SpreadTally {
  readonly factors: Map<string, FactorTally>;
}

interface GroupTally {
  readonly overall: SpreadTally;
  readonly sections: Map<string, SectionTally>;
  /** Audits per zone of their overall score; all zero while no audit had a zone of tolerance. */
  readonly zones: Record<Zone, number>;
}

/**
 * Summaries in the making, fed one scored audit at a time (`tallyAudit`), so that a batch of any size
 * is summarised without holding its results. Keyed by `checklistKey`, in the order audits name them.
 */
export type SummaryTally = Map<string, GroupTally>;

const emptySpread = (): SpreadTally => ({ score: emptyMean(), expected: emptyMean(), adequate: emptyMean() });
const emptyFactor = (): FactorTally => ({ ...emptySpread(), importance: emptyMean() });

function addToSpread(spread: SpreadTally, { score, expected, adequate }: Measured): void {
  // Every audit counts once in a node's summary: a plain mean, weight 1.
  addToMean(spread.score, 1, score);
  addToMean(spread.expected, 1, expected);
  addToMean(spread.adequate, 1, adequate ?? expected);
}

function addImportance(factor: FactorTally, items: FactorResult['items']): void {
  for (const item of items) if ('importance' in item && item.importance !== undefined) addToMean(factor.importance, 1, item.importance);
}

function childTally<T>(children: Map<string, T>, id: string, make: () => T): T {
  let child = children.get(id);
  if (!child) children.set(id, (child = make()));
  return child;
}

export function tallyAudit(tally: SummaryTally, result: AuditResult): void {
  const group = childTally(tally, checklistKey(result.checklist.id, result.checklist.version), () => ({
    overall: emptySpread(),
    sections: new Map<string, SectionTally>(),
    zones: { below: 0, within: 0, above: 0 },
  }));
  // An audit that scored nothing has no overall value to average (see NOTHING_SCORED).
  if (result.sections.length > 0) addToSpread(group.overall, result);
  if (result.zone !== undefined) group.zones[result.zone]++;
  for (const section of result.sections) {
    const sectionTally = childTally(group.sections, section.id, () => ({ ...emptySpread(), factors: new Map<string, FactorTally>() }));
    addToSpread(sectionTally, section);
    for (const factor of section.factors) {
      const factorTally = childTally(sectionTally.factors, factor.id, emptyFactor);
      addToSpread(factorTally, factor);
      addImportance(factorTally, factor.items);
    }
  }
}

/**
 * A node's plain mean over the audits that scored it, with its score's range, and the mean adequate
 * level and MSA when the group has a zone of tolerance; `undefined` when no audit scored it.
 */
function spreadOf(spread: SpreadTally | undefined, tolerance: boolean): Spread | undefined {
  if (!spread || spread.score.totalWeight === 0) return undefined;
  const { score, expected } = spread;
  const numbers = { n: score.totalWeight, ...measured(meanOf(score), meanOf(expected)), min: score.lowest, max: score.highest };
  if (!tolerance) return numbers;
  const adequate = meanOf(spread.adequate);
  return { ...numbers, adequate, msa: numbers.score - adequate };
}

function summarizeSection(section: Section, tally: SectionTally | undefined, tolerance: boolean): SectionSummary | undefined {
  const spread = spreadOf(tally, tolerance);
  if (!spread || !tally) return undefined;
  const factors = section.factors.map((factor: Factor): FactorSummary | undefined => {
    const factorSpread = spreadOf(tally.factors.get(factor.id), tolerance);
    return factorSpread && { id: factor.id, ...factorSpread };
  });
  return { id: section.id, ...spread, factors: presentOnly(factors) };
}

function summarizeGroup(checklist: Checklist, group: GroupTally): Summary {
  const { zones } = group;
  const tolerance = zones.below + zones.within + zones.above > 0;
  // A group where no audit scored anything reports 0s with n = 0.
  const overall = spreadOf(group.overall, tolerance) ?? { n: 0, ...NOTHING_SCORED, min: 0, max: 0 };
  const sections = presentOnly(checklist.sections.map((section) => summarizeSection(section, group.sections.get(section.id), tolerance)));
  const ipa = importancePerformance(group, sections);
  return {
    checklist: { id: checklist.id, version: checklist.version },
    ...overall,
    ...(tolerance && { zones: { ...zones } }),
    sections,
    priorities: factorPriorities(checklist, sections),
    ...(ipa.length > 0 && { ipa }),
  };
}

/**
 * SPEC §4's importance–performance analysis: each factor with importance ratings, its performance
 * the factor's summary score, cut by the unweighted means of both over those factors.
 */
function importancePerformance(group: GroupTally, sections: readonly SectionSummary[]): IpaFactor[] {
  const rated = sections.flatMap((section) =>
    section.factors.flatMap((factor) => {
      const importance = group.sections.get(section.id)?.factors.get(factor.id)?.importance;
      return importance && importance.totalWeight > 0
        ? [{ section: section.id, factor: factor.id, importance: meanOf(importance), performance: factor.score }]
        : [];
    }),
  );
  if (rated.length === 0) return [];
  const cut = crossHairs(rated);
  return rated.map((factor) => ({ ...factor, quadrant: quadrantOf(factor.importance >= cut.importance, factor.performance >= cut.performance) }));
}

/** Where the IPA is cut: the unweighted means of importance and of performance over its factors (SPEC §4). */
export function crossHairs(factors: readonly { readonly importance: number; readonly performance: number }[]): { importance: number; performance: number } {
  const mean = (valueOf: (factor: (typeof factors)[number]) => number) => factors.reduce((sum, factor) => sum + valueOf(factor), 0) / factors.length;
  return { importance: mean((factor) => factor.importance), performance: mean((factor) => factor.performance) };
}

function quadrantOf(important: boolean, performing: boolean): Quadrant {
  if (important) return performing ? 'keep-up' : 'concentrate';
  return performing ? 'overkill' : 'low-priority';
}

/**
 * One summary per checklist id and version, in the order the audits first named them; sections and
 * factors follow the checklist's order and leave out those no audit scored. `checklists` is keyed
 * by `checklistKey` and must hold the checklist of every audit tallied.
 */
export function summariesOf(tally: SummaryTally, checklists: ReadonlyMap<string, Checklist>): Summary[] {
  return [...tally].map(([key, group]) => {
    const checklist = checklists.get(key);
    if (!checklist) throw new Error(`summarize: no checklist ${key} among those given`);
    return summarizeGroup(checklist, group);
  });
}

/** `summariesOf` over results at hand. */
export function summarize(results: readonly AuditResult[], checklists: ReadonlyMap<string, Checklist>): Summary[] {
  const tally: SummaryTally = new Map();
  for (const result of results) tallyAudit(tally, result);
  return summariesOf(tally, checklists);
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
