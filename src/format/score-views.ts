// The views of scored audits that the score table, `score --format markdown` and the report share:
// facts about an audit or a group of audits, gap tables worst first, the site ranking, the summary
// across audits, critical failures and the "fix first" list, each as a document block.
import type { AuditResult, ChecklistKey, Measured, Priority, Spread, Summary } from '../core/score-types.js';
import { checklistKey, summariesOf } from '../core/summarize.js';
import { standingsOf, type CountedAudits, type SiteStanding, type Visit } from '../core/standings.js';
import type { ScoredChecklist, ScoreTally } from '../core/score-tally.js';
import { t, type Lang } from '../shared/lang.js';
import type { Checklist } from '../model/types.js';
import { ChecklistTitles } from './checklist-titles.js';
import {
  factsBlock,
  figureBlock,
  gapCell,
  formatScore,
  gridBlock,
  gridOr,
  heading,
  left,
  number,
  paragraph,
  right,
  text,
  toneOf,
  type Block,
  type Cell,
  type Chart,
  type Column,
  type Fact,
  type Grid,
  type HeadingLevel,
  type TextCell,
} from './document.js';
import { wordsIn, type Words } from './score-words.js';
import { hasTolerance, ipaGrid, quadrantChart, toleranceCells, toleranceColumns, zoneCell, zonesText } from './tolerance-views.js';

/** Everything one run scored, tallied, and the checklists by `checklistKey`. */
export interface ScoredRun {
  readonly tally: ScoreTally;
  readonly checklists: ReadonlyMap<string, Checklist>;
}

// How many factors a worst-factors or fix-first list shows: long enough to show where a site
// struggles, short enough to act on.
const SHORT_LIST = 10;

/** The largest shortfall first; equal gaps keep their order, which is the checklist's. */
function worstFirst<T extends { readonly gap: number }>(nodes: readonly T[]): T[] {
  return nodes.toSorted((a, b) => a.gap - b.gap);
}

/** The few nodes furthest below their expectation, worst first. */
function worstBelowExpectation<T extends { readonly gap: number }>(nodes: readonly T[]): T[] {
  return worstFirst(nodes.filter(({ gap }) => gap < 0)).slice(0, SHORT_LIST);
}

// Item wording runs to a sentence; in a terminal table it is cut to this width.
const ITEM_WIDTH = 48;
export const itemColumn = (label: string): Column => ({ label, align: 'left', maxWidth: ITEM_WIDTH });
const scoreCell = ({ score, gap }: Measured): TextCell => ({ text: formatScore(score), tone: toneOf(gap) });
const NO_NUMBER = text('—');

export function measuredCells(measured: Measured): Cell[] {
  return [scoreCell(measured), number(measured.expected), gapCell(measured.gap)];
}

function spreadCells(spread: Spread): Cell[] {
  return [text(String(spread.n)), scoreCell(spread), number(spread.min), number(spread.max), number(spread.expected), gapCell(spread.gap)];
}

/** The factors of all sections in one list, each with its section's id and its own gap for sorting. */
function factorsOf<F extends { readonly gap: number }>(
  sections: readonly { readonly id: string; readonly factors: readonly F[] }[],
): { sectionId: string; factor: F; gap: number }[] {
  return sections.flatMap((section) => section.factors.map((factor) => ({ sectionId: section.id, factor, gap: factor.gap })));
}

/** What every view needs: the language, its words, and the titles of the checklists scored. */
export interface Views {
  readonly lang: Lang;
  readonly words: Words;
  readonly titles: ChecklistTitles;
}

export function viewsIn(checklists: ReadonlyMap<string, Checklist>, lang: Lang): Views {
  return { lang, words: wordsIn(lang), titles: new ChecklistTitles(checklists, lang) };
}

function measuredColumns(w: Words): Column[] {
  return [right(w.score), right(w.expected), right(w.gap)];
}

function spreadColumns(w: Words): Column[] {
  return [right(w.n), right(w.mean), right(w.min), right(w.max), right(w.expected), right(w.gap)];
}

function resultCell(w: Words, result: AuditResult): TextCell {
  return result.result === 'fail'
    ? { text: w.fail, tone: 'far', strong: true }
    : { text: w.pass, tone: 'met' };
}

export function auditFacts(views: Views, result: AuditResult): Fact[] {
  const w = views.words;
  return [
    { label: w.site, value: text(result.site) },
    { label: w.date, value: text(result.date) },
    { label: w.auditor, value: text(result.auditor) },
    { label: w.checklist, value: text(views.titles.checklist(result.checklist)) },
    { label: w.status, value: result.status === 'draft' ? { text: w.draft, tone: 'near', strong: true } : text(w.complete) },
    { label: w.file, value: text(result.file) },
    { label: w.score, value: scoreCell(result) },
    { label: w.expected, value: number(result.expected) },
    { label: w.gap, value: gapCell(result.gap) },
    { label: w.result, value: resultCell(views.words, result) },
    ...(result.zone ? [{ label: w.zone, value: zoneCell(w, result.zone) }] : []),
  ];
}

export function sectionGaps(views: Views, result: AuditResult): Grid {
  const w = views.words;
  const tolerance = hasTolerance(result);
  return {
    columns: [left(w.section), ...measuredColumns(w), ...(tolerance ? toleranceColumns(w) : [])],
    rows: worstFirst(result.sections).map((section) => [
      text(views.titles.section(result.checklist, section.id)),
      ...measuredCells(section),
      ...(tolerance ? toleranceCells(w, section) : []),
    ]),
  };
}

/** Every factor worst first, or with `worstOnly` just the few furthest below expectation. */
export function factorGaps(views: Views, result: AuditResult, { worstOnly = false } = {}): Grid {
  const factors = factorsOf(result.sections);
  const shown = worstOnly ? worstBelowExpectation(factors) : worstFirst(factors);
  return {
    columns: [left(views.words.section), left(views.words.factor), ...measuredColumns(views.words)],
    rows: shown.map(({ sectionId, factor }) => [
      text(views.titles.section(result.checklist, sectionId)),
      text(views.titles.factor(result.checklist, sectionId, factor.id)),
      ...measuredCells(factor),
    ]),
  };
}

export function criticalFailures(views: Views, result: AuditResult): Grid {
  const w = views.words;
  const key = result.checklist;
  return {
    // No section column: the factor says where the item is, and the row stays narrow enough for a terminal.
    columns: [left(w.factor), itemColumn(w.item), ...measuredColumns(views.words)],
    rows: result.criticalFailures.map((failure) => [
      text(views.titles.factor(key, failure.section, failure.factor)),
      text(views.titles.item(key, failure.section, failure.factor, failure.item)),
      ...measuredCells(failure),
    ]),
  };
}

/** The head of the "fix first" list, leaving out factors that already meet their expectation. */
export function priorities(views: Views, key: ChecklistKey, priorities: readonly Priority[]): Grid {
  const w = views.words;
  return {
    columns: [right(w.rank), left(w.section), left(w.factor), right(w.priority)],
    rows: priorities
      .filter(({ priority }) => priority > 0)
      .slice(0, SHORT_LIST)
      .map((entry, index) => [
        text(String(index + 1)),
        text(views.titles.section(key, entry.section)),
        text(views.titles.factor(key, entry.section, entry.factor)),
        number(entry.priority),
      ]),
  };
}

/** Sections in checklist order, so that charts of different audits line up. */
export function sectionChart(views: Views, key: ChecklistKey, sections: readonly (Measured & { readonly id: string })[]): Chart {
  return {
    title: views.words.chart,
    categories: sections.map((section) => views.titles.section(key, section.id)),
    score: sections.map((section) => section.score),
    expected: sections.map((section) => section.expected),
    ...(sections.every((section) => section.adequate !== undefined) && sections.length > 0 && { adequate: sections.map((section) => section.adequate!) }),
  };
}

/** `counted` are the audits the summary was made of; `draftsLeftOut` the drafts of its checklist it leaves out. */
export function summaryFacts(views: Views, summary: Summary, counted: CountedAudits, draftsLeftOut = 0): Fact[] {
  const w = views.words;
  const { audits, drafts } = counted;
  const first = counted.first ?? '';
  const last = counted.last ?? '';
  return [
    {
      label: w.audits,
      value: text(drafts > 0 ? t(views.lang, `${audits}(其中草稿 ${drafts})`, `${audits} (${drafts} draft)`) : String(audits)),
    },
    ...(draftsLeftOut > 0 ? [{ label: w.draftsLeftOut, value: { text: String(draftsLeftOut), strong: true } }] : []),
    { label: w.sites, value: text(String(counted.sites.size)) },
    { label: w.date, value: text(first === last ? first : `${first} – ${last}`) },
    { label: w.meanScore, value: scoreCell(summary) },
    { label: w.expected, value: number(summary.expected) },
    { label: w.gap, value: gapCell(summary.gap) },
    { label: w.scoreRange, value: text(`${formatScore(summary.min)} – ${formatScore(summary.max)}`) },
    { label: w.auditsFailed, value: text(String(counted.failed)) },
  ];
}

export function siteRanking(views: Views, standings: readonly SiteStanding[]): Grid {
  const w = views.words;
  return {
    columns: [right(w.rank), left(w.site), right(w.audits), left(w.lastVisit), ...measuredColumns(views.words), right(w.failedAudits)],
    rows: standings.map((standing, index) => [
      text(String(index + 1)),
      text(standing.site),
      text(String(standing.audits)),
      text(standing.lastVisit),
      ...(standing.measured ? measuredCells(standing.measured) : [NO_NUMBER, NO_NUMBER, NO_NUMBER]),
      standing.failed > 0 ? { text: String(standing.failed), tone: 'far', strong: true } : text('0'),
    ]),
  };
}

export function draftColumns(w: Words): Column[] {
  return [left(w.site), left(w.date), left(w.auditor), left(w.file), left(w.status), right(w.scoreSoFar)];
}

/** A draft, listed apart from the ranking and always marked: what it has answered so far. */
export function draftRow(w: Words, draft: Visit): Cell[] {
  return [
    text(draft.site),
    text(draft.date),
    text(draft.auditor),
    text(draft.file),
    { text: w.draft, strong: true },
    draft.measured ? scoreCell(draft.measured) : NO_NUMBER,
  ];
}

export function draftList(views: Views, drafts: readonly Visit[]): Grid {
  return { columns: draftColumns(views.words), rows: drafts.map((draft) => draftRow(views.words, draft)) };
}

export function sectionSummary(views: Views, summary: Summary): Grid {
  const w = views.words;
  const tolerance = hasTolerance(summary);
  return {
    columns: [left(w.section), ...spreadColumns(w), ...(tolerance ? toleranceColumns(w, { zone: false }) : [])],
    rows: worstFirst(summary.sections).map((section) => [
      text(views.titles.section(summary.checklist, section.id)),
      ...spreadCells(section),
      ...(tolerance ? toleranceCells(w, section, { zone: false }) : []),
    ]),
  };
}

/**
 * What a summary says of the zone of tolerance and of importance against performance, when its
 * audits give adequate levels or importance ratings; nothing otherwise.
 */
export function toleranceAndIpa(views: Views, summary: Summary, level: HeadingLevel): Block[] {
  const w = views.words;
  return [
    ...(summary.zones ? [paragraph(`${w.zones}: ${zonesText(w, summary.zones)}`), paragraph(w.toleranceNote)] : []),
    ...(summary.ipa
      ? [
          heading(level, w.ipa),
          figureBlock({ kind: 'quadrants', chart: quadrantChart(w, views.titles, summary.checklist, summary.ipa) }),
          gridBlock(ipaGrid(w, views.titles, summary.checklist, summary.ipa)),
          paragraph(w.ipaNote),
        ]
      : []),
  ];
}

/** The factors furthest below expectation on average over the audits. */
export function worstFactorsAcross(views: Views, summary: Summary): Grid {
  const key = summary.checklist;
  const worst = worstBelowExpectation(factorsOf(summary.sections));
  return {
    columns: [left(views.words.section), left(views.words.factor), ...spreadColumns(views.words)],
    rows: worst.map(({ sectionId, factor }) => [
      text(views.titles.section(key, sectionId)),
      text(views.titles.factor(key, sectionId, factor.id)),
      ...spreadCells(factor),
    ]),
  };
}

function worstOf(grid: Grid, count: number): Grid {
  return { ...grid, rows: grid.rows.slice(0, count) };
}

/**
 * One audit at a glance: its facts, gaps by section, the worst factors (`worstFactors` of them at most)
 * and its critical failures. The score table of one audit and the walkthrough's end screen.
 */
export function auditOverview(views: Views, result: AuditResult, { worstFactors = SHORT_LIST } = {}): Block[] {
  const w = views.words;
  return [
    factsBlock(auditFacts(views, result)),
    heading(2, w.sections),
    gridBlock(sectionGaps(views, result)),
    heading(2, w.worstFactors),
    gridOr(worstOf(factorGaps(views, result, { worstOnly: true }), worstFactors), w.nothingToFix),
    ...(result.criticalFailures.length > 0 ? [heading(2, w.criticalFailures), gridBlock(criticalFailures(views, result))] : []),
  ];
}

/** One checklist's audits compared; `summary` is `undefined` when none of them counts (all are drafts). */
function summaryOverview(views: Views, scored: ScoredChecklist, summary: Summary | undefined): Block[] {
  const w = views.words;
  const { drafts } = scored;
  return [
    heading(1, views.titles.checklist(scored.checklist)),
    ...(summary
      ? [
          factsBlock(summaryFacts(views, summary, scored.counted, drafts.length)),
          heading(2, w.ranking),
          gridOr(siteRanking(views, standingsOf(scored.counted.sites)), w.noCompleteAudits),
          heading(2, w.sectionSummary),
          gridOr(sectionSummary(views, summary), w.noCompleteAudits),
          ...toleranceAndIpa(views, summary, 2),
        ]
      : [paragraph(w.noCompleteAudits)]),
    ...(drafts.length > 0 ? [heading(2, w.drafts), gridBlock(draftList(views, drafts))] : []),
  ];
}

/** What `score` shows people: one audit in detail, or many compared, per checklist. */
export function scoreDocument({ tally, checklists }: ScoredRun, lang: Lang): Block[] {
  const views = viewsIn(checklists, lang);
  if (tally.only) return auditOverview(views, tally.only);
  if (tally.audits === 0) return [paragraph(views.words.noAudits)];
  const summaries = new Map(summariesOf(tally.summary, checklists).map((summary) => [checklistKey(summary.checklist.id, summary.checklist.version), summary]));
  return [...tally.checklists].flatMap(([key, scored]) => summaryOverview(views, scored, summaries.get(key)));
}
