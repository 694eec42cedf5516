// The report a consultant hands a client, as document blocks that Markdown and HTML each draw: one
// audit in detail, or many compared per checklist (cover, summary in words, sections and factors,
// ranking, per-site history, fix first, drafts apart, files left out) with an appendix per audit.
// Built from the same views as the score table. The head is made from `ReportFacts` (a few numbers
// per audit), its grids of one row per visit made as they are written; each appendix from one audit,
// so that a caller can write appendices one at a time.
import { typeOf } from '../model/item-types/index.js';
import { isAnswered, responseTo, toAnswer, type Answer } from '../model/responses.js';
import type { AuditResult, ChecklistKey, ItemResult, Priority } from '../core/score-types.js';
import { emptyReportTally, inScope, reportFacts, tallyForReport, type ChecklistPart, type ReportFacts, type ReportScope } from '../core/report-tally.js';
import { checklistKey, factorPriorities } from '../core/summarize.js';
import type { Visit } from '../core/standings.js';
import type { FailedItem, HistoryEntry, SiteHistory } from '../core/site-history.js';
import type { Period } from '../core/period.js';
import { localize, t, type Lang } from '../shared/lang.js';
import type { Audit, Checklist, Factor, Item, Section } from '../model/types.js';
import type { Photo } from '../fs/read-photo.js';
import { renderMarkdown } from './document-markdown.js';
import {
  chartBlock,
  factsBlock,
  figureBlock,
  formatGap,
  formatScore,
  gridBlock,
  gridOr,
  heading,
  left,
  longGridBlock,
  pageHeading,
  paragraph,
  right,
  text,
  toneOf,
  type Block,
  type Cell,
  type Chart,
  type Fact,
  type Grid,
  type HeadingLevel,
  type LineChart,
} from './document.js';
import {
  auditFacts,
  criticalFailures,
  draftColumns,
  draftRow,
  factorGaps,
  itemColumn,
  measuredCells,
  priorities,
  sectionChart,
  sectionGaps,
  sectionSummary,
  toleranceAndIpa,
  siteRanking,
  summaryFacts,
  viewsIn,
  worstFactorsAcross,
  type Views,
} from './score-views.js';

export interface ReportedAudit {
  readonly result: AuditResult;
  /** The audit as written, for the answers, notes and evidence the scores leave out. */
  readonly audit: Audit;
  /** The photos among its evidence, by reference as written, for the formats that embed them. */
  readonly photos?: ReadonlyMap<string, Photo>;
}

/** A file left out of the report because it is not valid, with its first finding. */
export interface LeftOut {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface ReportOptions {
  /** `--title`: the cover's title instead of the default. */
  readonly title?: string | undefined;
  readonly leftOut: readonly LeftOut[];
  /** False with `--no-appendix`. */
  readonly appendices: boolean;
}

// How many entries a sentence of the summary names before it says "and N more".
const NAMED_IN_WORDS = 5;
// Charts with more bars or lines than this stop being readable: the ranking chart shows the best and
// the worst halves of this many sites, the history chart the sites with the most visits.
const CHART_SITES = 20;
const HISTORY_LINES = 8;

const below = (level: HeadingLevel): HeadingLevel => Math.min(level + 1, 4) as HeadingLevel;

/** The cover's title: `--title`, or the default in the report's language. */
export function reportTitleOf(views: Views, options: Pick<ReportOptions, 'title'>): string {
  return options.title ?? t(views.lang, '客户服务审核报告', 'Customer service audit report');
}

function priorityNote(views: Views): string {
  return t(
    views.lang,
    '可提高分数 = 该因素在总分中的权重占比 × 低于期望的分数:该因素达到期望时,总分(0–100)可提高的分数。',
    'Points to gain = the factor’s share of the overall score × how far it falls short: the points the overall score (0–100) gains when the factor meets its expectation.',
  );
}

/** The fix-first table with a line on how to read it, or a sentence when nothing falls short. */
function fixFirst(views: Views, key: ChecklistKey, ranked: readonly Priority[]): Block[] {
  const grid = priorities(views, key, ranked);
  return grid.rows.length > 0 ? [gridBlock(grid), paragraph(priorityNote(views))] : [paragraph(views.words.nothingToFix)];
}

/** The section chart with the sentence Markdown needs under it: Mermaid draws no legend. */
function legendedSectionChart(views: Views, key: ChecklistKey, sections: Parameters<typeof sectionChart>[2]): Block {
  return chartBlock({ ...sectionChart(views, key, sections), legend: t(views.lang, '柱:得分;线:期望。', 'Bars: score; line: expected.') });
}

function answerText(views: Views, item: Item, answer: Answer | undefined, checklist: Checklist): string {
  const w = views.words;
  if (!answer || !isAnswered(answer)) return w.unanswered;
  if (answer.na || answer.value === undefined) return w.na;
  return typeOf(item).answerText(item, answer.value, checklist, views.lang);
}

/** Every item of a factor with its answer, numbers, note and evidence, in checklist order. */
function itemGrid(views: Views, factor: Factor, reported: ReportedAudit, checklist: Checklist, scored: ReadonlyMap<string, ItemResult>): Grid {
  const w = views.words;
  return {
    columns: [itemColumn(w.item), left(w.answer), right(w.score), right(w.expected), right(w.gap), left(w.note), left(w.evidence)],
    rows: factor.items.map((item): Cell[] => {
      const response = responseTo(reported.audit, item.id);
      const answer = response === undefined ? undefined : toAnswer(response);
      const result = scored.get(item.id);
      return [
        text(localize(item.text, views.lang)),
        text(answerText(views, item, answer, checklist)),
        ...(result && 'gap' in result ? measuredCells(result) : [text(''), text(''), text('')]),
        text(answer?.note ?? ''),
        { references: answer?.evidence ?? [], ...(reported.photos && { photos: reported.photos }) },
      ];
    }),
  };
}

function itemsOfAudit(views: Views, reported: ReportedAudit, level: HeadingLevel): Block[] {
  const { result } = reported;
  const checklist = views.titles.checklistOf(result.checklist);
  const scored = new Map(result.sections.flatMap((section) => section.factors.flatMap((factor) => factor.items.map((item) => [item.id, item] as const))));
  const factorBlocks = (section: Section, factor: Factor): Block[] => [
    heading(level, `${localize(section.title, views.lang)} › ${localize(factor.title, views.lang)}`),
    gridBlock(itemGrid(views, factor, reported, checklist, scored)),
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
      ? [heading(sub, w.chart), legendedSectionChart(views, result.checklist, result.sections)]
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

function periodText(period: Period | undefined): string {
  if (!period) return '—';
  return period.from === period.until ? period.from : `${period.from} – ${period.until}`;
}

/** The first few of `total` names (`names` may hold only those few), and how many more there are. */
function listed(views: Views, names: readonly string[], total = names.length): string {
  const shown = names.slice(0, NAMED_IN_WORDS);
  const more = total - shown.length;
  const joined = shown.join(t(views.lang, ';', '; '));
  return more > 0 ? t(views.lang, `${joined};另有 ${more} 项`, `${joined}; and ${more} more`) : joined;
}

/** The cover: title, period, auditors, and what the report counts, leaves apart and leaves out. */
function cover(views: Views, facts: ReportFacts, options: ReportOptions): Block[] {
  const w = views.words;
  const counted = facts.parts.reduce((total, part) => total + part.counted.audits, 0);
  const sites = new Set(facts.parts.flatMap((part) => [...part.counted.sites.keys()])).size;
  const coverFacts: Fact[] = [
    { label: w.period, value: text(periodText(facts.period)) },
    { label: w.auditors, value: text(facts.auditors.join(t(views.lang, '、', ', ')) || '—') },
    { label: w.audits, value: text(t(views.lang, `${counted} 次审核,${sites} 个网点`, `${counted} audits of ${sites} sites`)) },
    ...(facts.drafts.length > 0 ? [{ label: w.draftsLeftOut, value: { text: String(facts.drafts.length), strong: true } }] : []),
    ...(options.leftOut.length > 0 ? [{ label: w.filesLeftOut, value: { text: String(options.leftOut.length), tone: 'far' as const, strong: true } }] : []),
  ];
  return [heading(1, reportTitleOf(views, options)), factsBlock(coverFacts)];
}

function standingText(views: Views, site: string, score: number): string {
  return t(views.lang, `${site}(${formatScore(score)})`, `${site} (${formatScore(score)})`);
}

function lastOf<T>(items: Iterable<T>): T | undefined {
  let last: T | undefined;
  for (const item of items) last = item;
  return last;
}

/** What changed: against the previous period when the inputs hold it, else each site since its previous visit. */
function changeSentence(views: Views, part: ChecklistPart, previousPeriod: Period | undefined): string {
  if (part.previous && previousPeriod) {
    const from = part.previous.score;
    const to = part.summary.score;
    return t(
      views.lang,
      `与上一期(${periodText(previousPeriod)})相比,平均得分由 ${formatScore(from)} 变为 ${formatScore(to)}(${formatGap(to - from)})。`,
      `Against the previous period (${periodText(previousPeriod)}) the mean score went from ${formatScore(from)} to ${formatScore(to)} (${formatGap(to - from)}).`,
    );
  }
  const changes = part.histories
    .map((history) => ({ site: history.site, last: lastOf(history.entries()) }))
    .filter((entry): entry is { site: string; last: NonNullable<typeof entry.last> } => entry.last?.change !== undefined)
    .sort((a, b) => Math.abs(b.last.change!) - Math.abs(a.last.change!));
  if (changes.length === 0) return t(views.lang, '本期没有网点被审核两次,无法比较变化。', 'No site was visited twice in this period, so there is no change to compare.');
  const named = changes.map(({ site, last }) => `${site} ${formatGap(last.change!)}`);
  return t(views.lang, `自上次审核以来:${listed(views, named)}。`, `Since each site’s previous visit: ${listed(views, named)}.`);
}

/** The critical failures still open, as the summary names them: the first few of how many. */
function openFailures(views: Views, histories: readonly SiteHistory[]): { named: string[]; total: number } {
  const named: string[] = [];
  let total = 0;
  for (const history of histories) {
    for (const { date, failures } of history.entries()) {
      for (const { failure, resolvedOn } of failures) {
        if (resolvedOn !== undefined) continue;
        total += 1;
        if (named.length < NAMED_IN_WORDS) named.push(`${history.site}: ${failureText(views, history, failure)} (${date})`);
      }
    }
  }
  return { named, total };
}

/** The summary in words of one checklist's audits: overall, best and worst sites and sections, change, open failures. */
function summaryInWords(views: Views, part: ChecklistPart, facts: ReportFacts): string[] {
  const { summary, standings } = part;
  const audits = part.counted.audits;
  const sentences = [
    t(
      views.lang,
      `${audits} 次审核的平均得分为 ${formatScore(summary.score)},期望为 ${formatScore(summary.expected)}(差距 ${formatGap(summary.gap)})。`,
      audits === 1
        ? `The one audit scores ${formatScore(summary.score)} against an expectation of ${formatScore(summary.expected)} (gap ${formatGap(summary.gap)}).`
        : `The ${audits} audits score ${formatScore(summary.score)} on average against an expectation of ${formatScore(summary.expected)} (gap ${formatGap(summary.gap)}).`,
    ),
  ];
  const ranked = standings.filter((standing) => standing.measured);
  const best = ranked[0];
  const worst = ranked.at(-1);
  if (best?.measured && worst?.measured && ranked.length > 1) {
    sentences.push(
      t(
        views.lang,
        `最好的网点:${standingText(views, best.site, best.measured.score)};最差的网点:${standingText(views, worst.site, worst.measured.score)}。`,
        `Best site: ${standingText(views, best.site, best.measured.score)}; worst site: ${standingText(views, worst.site, worst.measured.score)}.`,
      ),
    );
  }
  const sections = summary.sections.toSorted((a, b) => b.gap - a.gap);
  const strongest = sections[0];
  const weakest = sections.at(-1);
  if (strongest && weakest && sections.length > 1) {
    const name = (id: string) => views.titles.section(summary.checklist, id);
    sentences.push(
      t(
        views.lang,
        `表现最好的部分:${name(strongest.id)}(差距 ${formatGap(strongest.gap)});最差的部分:${name(weakest.id)}(差距 ${formatGap(weakest.gap)})。`,
        `Strongest section: ${name(strongest.id)} (gap ${formatGap(strongest.gap)}); weakest: ${name(weakest.id)} (gap ${formatGap(weakest.gap)}).`,
      ),
    );
  }
  sentences.push(changeSentence(views, part, facts.previousPeriod));
  const open = openFailures(views, part.histories);
  sentences.push(
    open.total > 0
      ? t(
          views.lang,
          `仍未解决的关键项(${open.total}):${listed(views, open.named, open.total)}。`,
          `Critical failures still open (${open.total}): ${listed(views, open.named, open.total)}.`,
        )
      : t(views.lang, '没有仍未解决的关键项。', 'No critical failure is still open.'),
  );
  return sentences;
}

/** The best and the worst sites, so that a ranking of hundreds still charts readably. */
function rankingChart(views: Views, part: ChecklistPart): Chart {
  const ranked = part.standings.filter((standing) => standing.measured);
  const shown = ranked.length > CHART_SITES ? [...ranked.slice(0, CHART_SITES / 2), ...ranked.slice(-CHART_SITES / 2)] : ranked;
  const title =
    ranked.length > CHART_SITES
      ? t(views.lang, `网点平均得分(最好与最差各 ${CHART_SITES / 2} 家,共 ${ranked.length} 家)`, `Mean score by site (best and worst ${CHART_SITES / 2} of ${ranked.length})`)
      : t(views.lang, '网点平均得分', 'Mean score by site');
  return {
    title,
    categories: shown.map((standing) => standing.site),
    score: shown.map((standing) => standing.measured!.score),
    expected: shown.map((standing) => standing.measured!.expected),
  };
}

function historyChart(views: Views, part: ChecklistPart): LineChart | undefined {
  const revisited = part.histories
    .filter((history) => history.scoredVisits > 1)
    .sort((a, b) => b.scoredVisits - a.scoredVisits || a.site.localeCompare(b.site));
  if (revisited.length === 0) return undefined;
  const lines = revisited.slice(0, HISTORY_LINES).map((history) => ({
    name: history.site,
    points: Array.from(history.entries()).flatMap(({ date, measured }) => (measured ? [{ date, score: measured.score }] : [])),
  }));
  const title =
    lines.length < revisited.length
      ? t(views.lang, `各网点历次得分(审核次数最多的 ${lines.length} 家,共 ${revisited.length} 家多次审核的网点)`, `Score at each visit: the ${lines.length} most visited of ${revisited.length} sites visited more than once`)
      : t(views.lang, '各网点历次得分', 'Score at each visit, by site');
  return { title, series: lines, expected: part.summary.expected };
}

function failureText(views: Views, history: SiteHistory, failure: FailedItem): string {
  return views.titles.item(history.checklist, failure.section, failure.factor, failure.item);
}

/** Every visit of every site, one site's entries made at a time. */
function* entriesOf(histories: readonly SiteHistory[]): Generator<{ history: SiteHistory; entry: HistoryEntry }> {
  for (const history of histories) for (const entry of history.entries()) yield { history, entry };
}

/** Every visit of every site: its score, the change since the previous visit, and its critical failures, resolved or open. */
function historyGrid(views: Views, histories: readonly SiteHistory[]): Block {
  const w = views.words;
  const columns = [left(w.site), left(w.date), right(w.score), right(w.expected), right(w.change), left(w.criticalFailures)];
  return longGridBlock(columns, () => entriesOf(histories), ({ history, entry: { date, measured, change, failures } }): Cell[] => [
    text(history.site),
    text(date),
    measured ? { text: formatScore(measured.score), tone: toneOf(measured.gap) } : text('—'),
    text(measured ? formatScore(measured.expected) : '—'),
    change === undefined ? text('—') : { text: formatGap(change), tone: change >= 0 ? 'met' : 'far' },
    failures.length === 0
      ? text('')
      : {
          text: failures
            .map(({ failure, resolvedOn }) =>
              resolvedOn
                ? t(views.lang, `${failureText(views, history, failure)}(已于 ${resolvedOn} 解决)`, `${failureText(views, history, failure)} (resolved ${resolvedOn})`)
                : t(views.lang, `${failureText(views, history, failure)}(未解决)`, `${failureText(views, history, failure)} (still open)`),
            )
            .join('\n'),
          tone: failures.every(({ resolvedOn }) => resolvedOn) ? 'near' : 'far',
        },
  ]);
}

/** Audits of one checklist compared: the summary, the charts, sections and factors, ranking, history, fix first. */
function summaryPart(views: Views, part: ChecklistPart): Block[] {
  const w = views.words;
  const { summary } = part;
  const history = historyChart(views, part);
  return [
    heading(2, views.titles.checklist(summary.checklist)),
    factsBlock(summaryFacts(views, summary, part.counted, part.draftsLeftOut)),
    heading(3, w.chart),
    legendedSectionChart(views, summary.checklist, summary.sections),
    heading(3, w.sectionSummary),
    gridBlock(sectionSummary(views, summary)),
    ...toleranceAndIpa(views, summary, 3),
    heading(3, w.worstFactorsAcrossSites),
    gridOr(worstFactorsAcross(views, summary), w.nothingToFix),
    heading(3, w.ranking),
    figureBlock({ kind: 'bars', chart: rankingChart(views, part) }),
    gridBlock(siteRanking(views, part.standings)),
    heading(3, w.history),
    ...(history ? [figureBlock({ kind: 'lines', chart: history })] : []),
    historyGrid(views, part.histories),
    heading(3, w.fixFirst),
    ...fixFirst(views, summary.checklist, summary.priorities),
  ];
}

function leftOutGrid(views: Views, leftOut: readonly LeftOut[]): Grid {
  const w = views.words;
  return {
    columns: [left(w.file), left(w.firstFinding)],
    rows: leftOut.map((file) => [text(file.file), text(`${file.line}:${file.column}: ${file.message}`)]),
  };
}

/** Drafts and invalid files: listed apart so that a reader sees what the numbers leave out. */
function apart(views: Views, drafts: readonly Visit[], leftOut: readonly LeftOut[]): Block[] {
  const w = views.words;
  return [
    ...(drafts.length > 0 ? [heading(2, w.drafts), longGridBlock(draftColumns(w), () => drafts, (draft) => draftRow(w, draft))] : []),
    ...(leftOut.length > 0 ? [heading(2, w.filesLeftOutTitle), gridBlock(leftOutGrid(views, leftOut))] : []),
  ];
}

/** Everything before the appendices of a report of many audits. */
export function reportHead(views: Views, facts: ReportFacts, options: ReportOptions): Block[] {
  const w = views.words;
  return [
    ...cover(views, facts, options),
    heading(2, w.summaryInWords),
    ...(facts.parts.length > 0
      ? facts.parts.flatMap((part) => [heading(3, views.titles.checklist(part.summary.checklist)), ...summaryInWords(views, part, facts).map(paragraph)])
      : [paragraph(w.noCompleteAudits)]),
    ...facts.parts.flatMap((part) => summaryPart(views, part)),
    ...apart(views, facts.drafts, options.leftOut),
  ];
}

/** One audit's appendix in a report of many. */
export function appendix(views: Views, reported: ReportedAudit): Block[] {
  const { result } = reported;
  const draft = result.status === 'draft' ? t(views.lang, '(草稿)', ' (draft)') : '';
  return [
    pageHeading(2, t(views.lang, `附录:${result.site} · ${result.date}${draft}`, `Appendix: ${result.site} · ${result.date}${draft}`)),
    ...auditBody(views, reported, 2, { chart: false }),
  ];
}

/** The report of a single audit: the audit in detail, and any files left out. */
export function singleAuditReport(views: Views, reported: ReportedAudit, options: ReportOptions): Block[] {
  const title = options.title ?? `${reportTitleOf(views, options)}: ${reported.result.site}`;
  return [heading(1, title), ...auditBody(views, reported, 1, { chart: true }), ...apart(views, [], options.leftOut)];
}

export interface ReportInput {
  readonly audits: readonly ReportedAudit[];
  /** The checklists of the audits, by `checklistKey`. */
  readonly checklists: ReadonlyMap<string, Checklist>;
}

/** The facts of audits at hand, for callers that hold them all (one audit, tests). */
function factsOf(input: ReportInput, scope: ReportScope): ReportFacts {
  const tally = emptyReportTally(scope);
  input.audits.forEach(({ result }, position) => {
    const checklist = input.checklists.get(checklistKey(result.checklist.id, result.checklist.version));
    if (!checklist) throw new Error(`report: no checklist ${checklistKey(result.checklist.id, result.checklist.version)} among those given`);
    tallyForReport(tally, result, checklist, position);
  });
  return reportFacts(tally, input.checklists, (position) => input.audits[position]!.result.file);
}

/** The blocks of a whole report of audits at hand, in order. */
export function reportBlocks(input: ReportInput, lang: Lang, options: ReportOptions & { scope?: ReportScope }): Block[] {
  const views = viewsIn(input.checklists, lang);
  const [only, ...others] = input.audits;
  if (only === undefined) return [heading(1, reportTitleOf(views, options)), paragraph(views.words.noAudits)];
  if (others.length === 0) return singleAuditReport(views, only, options);
  const scope = options.scope ?? { includeDrafts: false };
  const appendices = options.appendices ? input.audits.filter(({ result }) => inScope(scope, result.date)) : [];
  return [...reportHead(views, factsOf(input, scope), options), ...appendices.flatMap((reported) => appendix(views, reported))];
}

/** The Markdown report of audits at hand (the walkthrough's `--report`, tests). */
export function renderReport(input: ReportInput, lang: Lang, options: Partial<ReportOptions> & { scope?: ReportScope } = {}): string {
  return renderMarkdown(reportBlocks(input, lang, { leftOut: [], appendices: true, ...options }));
}
