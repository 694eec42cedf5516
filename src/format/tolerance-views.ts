// The zone of tolerance and the importance–performance analysis (SPEC §4) as cells and tables, for
// the views that show scores: a node with a zone of tolerance gets its adequate level, MSA and zone
// beside score, expectation and gap; a summary with importance ratings gets its IPA table.
import type { ChecklistKey, IpaFactor, Measured, Spread, Zone } from '../core/score-types.js';
import { crossHairs } from '../core/summarize.js';
import type { ChecklistTitles } from './checklist-titles.js';
import { gapCell, left, number, right, type Cell, type Column, type Grid, type QuadrantChart, type TextCell } from './document.js';
import type { Words } from './score-words.js';

/** Whether a scored node (or every node of its audit or summary) carries a zone of tolerance. */
export function hasTolerance(node: Pick<Measured, 'adequate'> | Pick<Spread, 'adequate'>): boolean {
  return node.adequate !== undefined;
}


export function toleranceColumns(w: Words, { zone = true } = {}): Column[] {
  return [right(w.adequate), right(w.msa), ...(zone ? [left(w.zone)] : [])];
}

/** Below the adequate level is a failure to deliver; within the zone a warning; above it met. */
const ZONE_TONES: Record<Zone, TextCell['tone']> = { below: 'far', within: 'near', above: 'met' };

export function zoneCell(w: Words, zone: Zone): TextCell {
  return { text: w[zone], tone: ZONE_TONES[zone] };
}

/** Adequate, MSA and (for one audit's nodes) the zone; blanks for a node without a zone of tolerance. */
export function toleranceCells(w: Words, node: Measured | Spread, { zone = true } = {}): Cell[] {
  const blanks = zone ? 3 : 2;
  if (node.adequate === undefined || node.msa === undefined) return Array.from({ length: blanks }, () => ({ text: '' }));
  const zoneOfNode = 'zone' in node && node.zone !== undefined ? [zoneCell(w, node.zone)] : zone ? [{ text: '' }] : [];
  return [number(node.adequate), gapCell(node.msa), ...zoneOfNode];
}

/** The audits of a summary per zone of their overall score, as one line of facts. */
export function zonesText(w: Words, zones: Readonly<Record<Zone, number>>): string {
  return (['below', 'within', 'above'] as const).map((zone) => `${w[zone]} ${zones[zone]}`).join(' · ');
}

/** The IPA of a summary: each rated factor with its importance, performance and quadrant. */
export function ipaGrid(w: Words, titles: ChecklistTitles, key: ChecklistKey, ipa: readonly IpaFactor[]): Grid {
  const QUADRANT_TONES: Record<IpaFactor['quadrant'], TextCell['tone']> = { concentrate: 'far', 'keep-up': 'met', 'low-priority': undefined, overkill: 'near' };
  return {
    columns: [left(w.section), left(w.factor), right(w.importance), right(w.performance), left(w.quadrant)],
    rows: ipa.map((factor) => [
      { text: titles.section(key, factor.section) },
      { text: titles.factor(key, factor.section, factor.factor) },
      number(factor.importance),
      number(factor.performance),
      { text: w[factor.quadrant], tone: QUADRANT_TONES[factor.quadrant], strong: factor.quadrant === 'concentrate' },
    ]),
  };
}

/** The IPA as a drawing: each rated factor placed by importance and performance, cut at their means. */
export function quadrantChart(w: Words, titles: ChecklistTitles, key: ChecklistKey, ipa: readonly IpaFactor[]): QuadrantChart {
  const cut = crossHairs(ipa);
  return {
    title: w.ipaChart,
    points: ipa.map((factor) => ({ name: titles.factor(key, factor.section, factor.factor), importance: factor.importance, performance: factor.performance })),
    importanceCut: cut.importance,
    performanceCut: cut.performance,
    quadrants: { concentrate: w.concentrate, 'keep-up': w['keep-up'], 'low-priority': w['low-priority'], overkill: w.overkill },
  };
}
