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
import { auditsOf, itemColumn, left, measuredCells, right, ScoreViews, text } from './score-views.js';

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

class Report extends ScoreViews {
  private reportTitle(): string {
    return t(this.lang, '客户服务审核报告', 'Customer service audit report');
  }

  private priorityNote(): string {
    return t(
      this.lang,
      '优先度 = 该因素在总分中的权重占比 × 低于期望的分数,即该因素达到期望时总分可提高的分数。',
      'Priority = the factor’s share of the overall score × how far it falls short: the points the overall score gains when the factor meets its expectation.',
    );
  }

  /** The fix-first table with a line on how to read it, or a sentence when nothing falls short. */
  private fixFirst(key: ChecklistKey, priorities: readonly Priority[]): Block[] {
    const grid = this.priorities(key, priorities);
    return grid.rows.length > 0 ? [gridBlock(grid), paragraph(this.priorityNote())] : [paragraph(this.words.nothingToFix)];
  }

  private chartLegend(): string {
    return t(this.lang, '柱:得分;线:期望。', 'Bars: score; line: expected.');
  }

  private answerText(item: Item, answer: Answer | undefined, checklist: Checklist): string {
    const w = this.words;
    if (!answer || !isAnswered(answer)) return w.unanswered;
    if (answer.na || answer.value === undefined) return w.na;
    return typeOf(item).answerText(item, answer.value, checklist, this.lang);
  }

  /** Every item of a factor with its answer, numbers, note and evidence, in checklist order. */
  private itemGrid(factor: Factor, audit: Audit, checklist: Checklist, scored: ReadonlyMap<string, ItemResult>): Grid {
    const w = this.words;
    return {
      columns: [itemColumn(w.item), left(w.answer), right(w.score), right(w.expected), right(w.gap), left(w.note), left(w.evidence)],
      rows: factor.items.map((item): Cell[] => {
        const response = responseTo(audit, item.id);
        const answer = response === undefined ? undefined : toAnswer(response);
        const result = scored.get(item.id);
        return [
          text(localize(item.text, this.lang)),
          text(this.answerText(item, answer, checklist)),
          ...(result && 'gap' in result ? measuredCells(result) : [text(''), text(''), text('')]),
          text(answer?.note ?? ''),
          { references: answer?.evidence ?? [] },
        ];
      }),
    };
  }

  private itemsOfAudit({ result, audit }: ReportedAudit, level: HeadingLevel): Block[] {
    const checklist = this.titles.checklistOf(result.checklist);
    const scored = new Map(result.sections.flatMap((section) => section.factors.flatMap((factor) => factor.items.map((item) => [item.id, item] as const))));
    const factorBlocks = (section: Section, factor: Factor): Block[] => [
      heading(level, `${localize(section.title, this.lang)} › ${localize(factor.title, this.lang)}`),
      gridBlock(this.itemGrid(factor, audit, checklist, scored)),
    ];
    return checklist.sections.flatMap((section) => section.factors.flatMap((factor) => factorBlocks(section, factor)));
  }

  /** One audit under a heading of `level`: its facts, gaps, failures, priorities and every answer. */
  auditBody(reported: ReportedAudit, level: HeadingLevel, { chart }: { chart: boolean }): Block[] {
    const { result } = reported;
    const w = this.words;
    const checklist = this.titles.checklistOf(result.checklist);
    const sub = below(level);
    return [
      factsBlock(this.auditFacts(result)),
      ...(chart && result.sections.length > 0
        ? [heading(sub, w.chart), chartBlock(this.sectionChart(result.checklist, result.sections)), paragraph(this.chartLegend())]
        : []),
      heading(sub, w.sections),
      gridBlock(this.sectionGaps(result)),
      heading(sub, w.factors),
      gridBlock(this.factorGaps(result)),
      heading(sub, w.criticalFailures),
      gridOr(this.criticalFailures(result), w.noCriticalFailures),
      heading(sub, w.fixFirst),
      ...this.fixFirst(result.checklist, factorPriorities(checklist, result.sections)),
      heading(sub, w.items),
      ...this.itemsOfAudit(reported, below(sub)),
    ];
  }

  /** Audits of one checklist compared: the summary, the chart, the ranking, worst factors and failures. */
  summaryPart(summary: Summary, results: readonly AuditResult[]): Block[] {
    const w = this.words;
    return [
      heading(2, this.titles.checklist(summary.checklist)),
      factsBlock(this.summaryFacts(summary, results)),
      heading(3, w.chart),
      chartBlock(this.sectionChart(summary.checklist, summary.sections)),
      paragraph(this.chartLegend()),
      heading(3, w.sectionSummary),
      gridBlock(this.sectionSummary(summary)),
      heading(3, w.ranking),
      gridBlock(this.siteRanking(results)),
      heading(3, w.worstFactorsAcrossSites),
      gridOr(this.worstFactorsAcross(summary), w.nothingToFix),
      heading(3, w.fixFirst),
      ...this.fixFirst(summary.checklist, summary.priorities),
      heading(3, w.criticalFailuresBySite),
      gridOr(this.criticalFailuresBySite(results), w.noCriticalFailures),
    ];
  }

  document(input: ReportInput): Block[] {
    const [only, ...others] = input.audits;
    if (only === undefined) return [heading(1, this.reportTitle()), paragraph(this.words.noAudits)];
    if (others.length === 0) return [heading(1, `${this.reportTitle()}: ${only.result.site}`), ...this.auditBody(only, 1, { chart: true })];
    const results = input.audits.map(({ result }) => result);
    const sites = new Set(results.map((result) => result.site)).size;
    return [
      heading(1, this.reportTitle()),
      paragraph(t(this.lang, `${results.length} 次审核,${sites} 家门店。`, `${results.length} audits of ${sites} sites.`)),
      ...input.summaries.flatMap((summary) => this.summaryPart(summary, auditsOf(summary, results))),
      ...input.audits.flatMap((reported) => [
        heading(2, t(this.lang, `附录:${reported.result.site} · ${reported.result.date}`, `Appendix: ${reported.result.site} · ${reported.result.date}`)),
        ...this.auditBody(reported, 2, { chart: false }),
      ]),
    ];
  }
}

export function renderReport(input: ReportInput, lang: Lang): string {
  return renderMarkdown(new Report(input.checklists, lang).document(input));
}
