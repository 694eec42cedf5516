// The Markdown report a consultant hands a client: one audit in detail, or many compared (per
// checklist) with one appendix per audit. Built from the same views as the score table, plus what
// only a report needs: charts, every answer with its note and evidence, and the "fix first" list.
import { typeOf } from '../model/item-types/index.js';
import { isAnswered, responseTo, toAnswer, type Answer } from '../model/responses.js';
import type { AuditResult, ChecklistKey, ItemResult, Priority, Summary } from '../core/score-types.js';
import { factorPriorities } from '../core/summarize.js';
import { localize, t, type Lang } from '../shared/lang.js';
import type { Audit, Checklist, Factor, Item, Section } from '../model/types.js';
import { renderMarkdown } from './document-markdown.js';
import { chartBlock, factsBlock, gridBlock, gridOr, heading, paragraph, type Block, type Cell, type Grid, type HeadingLevel } from './document.js';
import {
  auditFacts,
  auditsOf,
  criticalFailures,
  criticalFailuresBySite,
  factorGaps,
  itemColumn,
  left,
  measuredCells,
  priorities,
  right,
  sectionChart,
  sectionGaps,
  sectionSummary,
  siteRanking,
  summaryFacts,
  text,
  viewsIn,
  worstFactorsAcross,
  type Views,
} from './score-views.js';

export interface ReportedAudit {
  readonly result: AuditResult;
  /** The audit as written, for the answers, notes and evidence the scores leave out. */
  readonly audit: Audit;
}

export interface ReportInput {
  readonly audits: readonly ReportedAudit[];
  readonly summaries: readonly Summary[];
  /** The checklists of the audits, by `checklistKey`. */
  readonly checklists: ReadonlyMap<string, Checklist>;
}

const below = (level: HeadingLevel): HeadingLevel => Math.min(level + 1, 4) as HeadingLevel;

function reportTitle(views: Views): string {
  return t(views.lang, '客户服务审核报告', 'Customer service audit report');
}

function priorityNote(views: Views): string {
  return t(
    views.lang,
    '优先度 = 该因素在总分中的权重占比 × 低于期望的分数,即该因素达到期望时总分可提高的分数。',
    'Priority = the factor’s share of the overall score × how far it falls short: the points the overall score gains when the factor meets its expectation.',
  );
}

/** The fix-first table with a line on how to read it, or a sentence when nothing falls short. */
function fixFirst(views: Views, key: ChecklistKey, ranked: readonly Priority[]): Block[] {
  const grid = priorities(views, key, ranked);
  return grid.rows.length > 0 ? [gridBlock(grid), paragraph(priorityNote(views))] : [paragraph(views.words.nothingToFix)];
}

function chartLegend(views: Views): string {
  return t(views.lang, '柱:得分;线:期望。', 'Bars: score; line: expected.');
}

function answerText(views: Views, item: Item, answer: Answer | undefined, checklist: Checklist): string {
  const w = views.words;
  if (!answer || !isAnswered(answer)) return w.unanswered;
  if (answer.na || answer.value === undefined) return w.na;
  return typeOf(item).answerText(item, answer.value, checklist, views.lang);
}

/** Every item of a factor with its answer, numbers, note and evidence, in checklist order. */
function itemGrid(views: Views, factor: Factor, audit: Audit, checklist: Checklist, scored: ReadonlyMap<string, ItemResult>): Grid {
  const w = views.words;
  return {
    columns: [itemColumn(w.item), left(w.answer), right(w.score), right(w.expected), right(w.gap), left(w.note), left(w.evidence)],
    rows: factor.items.map((item): Cell[] => {
      const response = responseTo(audit, item.id);
      const answer = response === undefined ? undefined : toAnswer(response);
      const result = scored.get(item.id);
      return [
        text(localize(item.text, views.lang)),
        text(answerText(views, item, answer, checklist)),
        ...(result && 'gap' in result ? measuredCells(result) : [text(''), text(''), text('')]),
        text(answer?.note ?? ''),
        { references: answer?.evidence ?? [] },
      ];
    }),
  };
}

function itemsOfAudit(views: Views, { result, audit }: ReportedAudit, level: HeadingLevel): Block[] {
  const checklist = views.titles.checklistOf(result.checklist);
  const scored = new Map(result.sections.flatMap((section) => section.factors.flatMap((factor) => factor.items.map((item) => [item.id, item] as const))));
  const factorBlocks = (section: Section, factor: Factor): Block[] => [
    heading(level, `${localize(section.title, views.lang)} › ${localize(factor.title, views.lang)}`),
    gridBlock(itemGrid(views, factor, audit, checklist, scored)),
  ];
  return checklist.sections.flatMap((section) => section.factors.flatMap((factor) => factorBlocks(section, factor)));
}

/** One audit under a heading of `level`: its facts, gaps, failures, priorities and every answer. */
function auditBody(views: Views, reported: ReportedAudit, level: HeadingLevel, { chart }: { chart: boolean }): Block[] {
  const { result } = reported;
  const w = views.words;
  const checklist = views.titles.checklistOf(result.checklist);
  const sub = below(level);
  return [
    factsBlock(auditFacts(views, result)),
    ...(chart && result.sections.length > 0
      ? [heading(sub, w.chart), chartBlock(sectionChart(views, result.checklist, result.sections)), paragraph(chartLegend(views))]
      : []),
    heading(sub, w.sections),
    gridBlock(sectionGaps(views, result)),
    heading(sub, w.factors),
    gridBlock(factorGaps(views, result)),
    heading(sub, w.criticalFailures),
    gridOr(criticalFailures(views, result), w.noCriticalFailures),
    heading(sub, w.fixFirst),
    ...fixFirst(views, result.checklist, factorPriorities(checklist, result.sections)),
    heading(sub, w.items),
    ...itemsOfAudit(views, reported, below(sub)),
  ];
}

/** Audits of one checklist compared: the summary, the chart, the ranking, worst factors and failures. */
function summaryPart(views: Views, summary: Summary, results: readonly AuditResult[]): Block[] {
  const w = views.words;
  return [
    heading(2, views.titles.checklist(summary.checklist)),
    factsBlock(summaryFacts(views, summary, results)),
    heading(3, w.chart),
    chartBlock(sectionChart(views, summary.checklist, summary.sections)),
    paragraph(chartLegend(views)),
    heading(3, w.sectionSummary),
    gridBlock(sectionSummary(views, summary)),
    heading(3, w.ranking),
    gridBlock(siteRanking(views, results)),
    heading(3, w.worstFactorsAcrossSites),
    gridOr(worstFactorsAcross(views, summary), w.nothingToFix),
    heading(3, w.fixFirst),
    ...fixFirst(views, summary.checklist, summary.priorities),
    heading(3, w.criticalFailuresBySite),
    gridOr(criticalFailuresBySite(views, results), w.noCriticalFailures),
  ];
}

function reportDocument(views: Views, input: ReportInput): Block[] {
  const [only, ...others] = input.audits;
  if (only === undefined) return [heading(1, reportTitle(views)), paragraph(views.words.noAudits)];
  if (others.length === 0) return [heading(1, `${reportTitle(views)}: ${only.result.site}`), ...auditBody(views, only, 1, { chart: true })];
  const results = input.audits.map(({ result }) => result);
  const sites = new Set(results.map((result) => result.site)).size;
  return [
    heading(1, reportTitle(views)),
    paragraph(t(views.lang, `${results.length} 次审核,${sites} 家门店。`, `${results.length} audits of ${sites} sites.`)),
    ...input.summaries.flatMap((summary) => summaryPart(views, summary, auditsOf(summary, results))),
    ...input.audits.flatMap((reported) => [
      heading(2, t(views.lang, `附录:${reported.result.site} · ${reported.result.date}`, `Appendix: ${reported.result.site} · ${reported.result.date}`)),
      ...auditBody(views, reported, 2, { chart: false }),
    ]),
  ];
}

export function renderReport(input: ReportInput, lang: Lang): string {
  return renderMarkdown(reportDocument(viewsIn(input.checklists, lang), input));
}
