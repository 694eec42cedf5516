// What a report keeps while audits stream past: the summary tally of the audits it counts, per
// checklist the counts and site standings in the making and a few numbers per visit for the per-site
// history (site-history.ts), and the drafts it lists apart, so that a report of any number of audits
// is summarised without holding the audits themselves.
import type { Checklist } from '../model/types.js';
import { itemIndex } from '../model/checklist.js';
import { periodOf, previousPeriod, within, type Period } from './period.js';
import { measured, addToMean, emptyMean, meanOf } from './score.js';
import type { AuditResult, Measured, Summary } from './score-types.js';
import { countAudit, measuredOf, noCountedAudits, standingsOf, visitOf, type CountedAudits, type SiteStanding, type Visit } from './standings.js';
import { VisitLog, type SiteHistory } from './site-history.js';
import { checklistKey, summariesOf, tallyAudit, type SummaryTally } from './summarize.js';

export interface ReportScope {
  /** `--since`/`--until`: ISO dates bounding the visits reported; audits before `since` only give the previous period. */
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  /** SPEC §5: drafts count in rankings and summaries only when asked for. */
  readonly includeDrafts: boolean;
}

/** The counted visits of one checklist before `since`, in the order of the files: their dates and overall numbers. */
interface EarlierVisits {
  readonly dates: string[];
  readonly scores: number[];
  readonly expected: number[];
}

/** What the report keeps of one checklist's visits. */
interface ChecklistVisits {
  /** The counted visits in the period. */
  readonly counted: CountedAudits;
  readonly log: VisitLog;
  /** Drafts of the checklist in the period that are not counted. */
  draftsLeftOut: number;
  readonly earlier: EarlierVisits;
}

export interface ReportTally {
  readonly scope: ReportScope;
  readonly summary: SummaryTally;
  /** By `checklistKey`. */
  readonly checklists: Map<string, ChecklistVisits>;
  /** Visits in the period that are not counted (drafts, unless drafts were asked for), in the order of the files. */
  readonly drafts: Visit[];
  /** The auditors of the visits in the period, counted or not, in the order they came. */
  readonly auditors: Set<string>;
  /** The earliest and latest dates of the visits in the period. */
  first: string | undefined;
  last: string | undefined;
  /** Each date once, so that thousands of visits of a day share one string. */
  readonly dates: Map<string, string>;
}

export function emptyReportTally(scope: ReportScope): ReportTally {
  return { scope, summary: new Map(), checklists: new Map(), drafts: [], auditors: new Set(), first: undefined, last: undefined, dates: new Map() };
}

/** Whether a visit counts in summaries and rankings: a complete audit, or a draft when drafts were asked for. */
export function counts(scope: Pick<ReportScope, 'includeDrafts'>, status: 'complete' | 'draft'): boolean {
  return status === 'complete' || scope.includeDrafts;
}

/** Whether a visit on `date` lies within the dates the report covers. */
export function inScope({ since, until }: Pick<ReportScope, 'since' | 'until'>, date: string): boolean {
  return (since === undefined || date >= since) && (until === undefined || date <= until);
}

function visitsOf(tally: ReportTally, key: string): ChecklistVisits {
  let visits = tally.checklists.get(key);
  if (!visits) {
    visits = { counted: noCountedAudits(), log: new VisitLog(), draftsLeftOut: 0, earlier: { dates: [], scores: [], expected: [] } };
    tally.checklists.set(key, visits);
  }
  return visits;
}

/** The critical items the audit answered at or above their expectation. */
function criticalMet(result: AuditResult, checklist: Checklist): string[] {
  const { critical } = itemIndex(checklist);
  return result.sections.flatMap((section) =>
    section.factors.flatMap((factor) => factor.items.filter((item) => 'gap' in item && item.gap >= 0 && critical.has(item.id)).map((item) => item.id)),
  );
}

function sharedDate(tally: ReportTally, date: string): string {
  const shared = tally.dates.get(date);
  if (shared !== undefined) return shared;
  tally.dates.set(date, date);
  return date;
}

/** Adds one scored audit; `position` is where its file is among the inputs (see `reportFacts`). */
export function tallyForReport(tally: ReportTally, result: AuditResult, checklist: Checklist, position: number): void {
  const { scope } = tally;
  const key = checklistKey(result.checklist.id, result.checklist.version);
  const date = sharedDate(tally, result.date);
  if (inScope(scope, date)) {
    tally.auditors.add(result.auditor);
    if (tally.first === undefined || date < tally.first) tally.first = date;
    if (tally.last === undefined || date > tally.last) tally.last = date;
    const visits = visitsOf(tally, key);
    if (!counts(scope, result.status)) {
      tally.drafts.push(visitOf(result));
      visits.draftsLeftOut += 1;
      return;
    }
    tallyAudit(tally.summary, result);
    const numbers = measuredOf(result);
    countAudit(visits.counted, { site: result.site, date, status: result.status, result: result.result, measured: numbers });
    visits.log.add({ site: result.site, date, measured: numbers, criticalFailures: result.criticalFailures, criticalMet: criticalMet(result, checklist), position });
  } else if (scope.since !== undefined && date < scope.since && counts(scope, result.status)) {
    const numbers = measuredOf(result);
    if (!numbers) return;
    const { earlier } = visitsOf(tally, key);
    earlier.dates.push(date);
    earlier.scores.push(numbers.score);
    earlier.expected.push(numbers.expected);
  }
}

/** One checklist's audits in the period, with what the report says of them in words and tables. */
export interface ChecklistPart {
  readonly summary: Summary;
  /** What the summary counted. */
  readonly counted: CountedAudits;
  readonly standings: readonly SiteStanding[];
  readonly histories: readonly SiteHistory[];
  /** Drafts of the checklist in the period that the summary leaves out. */
  readonly draftsLeftOut: number;
  /** Mean overall score of the previous period, when the inputs held counted visits from it. */
  readonly previous: Measured | undefined;
}

export interface ReportFacts {
  readonly period: Period | undefined;
  readonly previousPeriod: Period | undefined;
  readonly auditors: readonly string[];
  readonly parts: readonly ChecklistPart[];
  /** Visits in the period that are not counted: drafts, unless drafts were asked for. */
  readonly drafts: readonly Visit[];
}

/** The mean of the earlier visits within `period`, in the order they came. */
function meanWithin(earlier: EarlierVisits, period: Period): Measured | undefined {
  const score = emptyMean();
  const expected = emptyMean();
  earlier.dates.forEach((date, index) => {
    if (!within(period, date)) return;
    addToMean(score, 1, earlier.scores[index]!);
    addToMean(expected, 1, earlier.expected[index]!);
  });
  return score.totalWeight > 0 ? measured(meanOf(score), meanOf(expected)) : undefined;
}

/**
 * The facts of everything tallied. `fileOf` names the file at a visit's `position`: visits of one
 * site on one day are ordered by their files' names.
 */
export function reportFacts(tally: ReportTally, checklists: ReadonlyMap<string, Checklist>, fileOf: (position: number) => string): ReportFacts {
  const { scope } = tally;
  const period = periodOf(tally.first === undefined || tally.last === undefined ? [] : [tally.first, tally.last], scope);
  const previous = period && scope.since !== undefined ? previousPeriod(period) : undefined;
  const parts = summariesOf(tally.summary, checklists).map((summary): ChecklistPart => {
    const visits = tally.checklists.get(checklistKey(summary.checklist.id, summary.checklist.version))!;
    return {
      summary,
      counted: visits.counted,
      standings: standingsOf(visits.counted.sites),
      histories: visits.log.histories(summary.checklist, fileOf),
      draftsLeftOut: visits.draftsLeftOut,
      previous: previous ? meanWithin(visits.earlier, previous) : undefined,
    };
  });
  return {
    period,
    previousPeriod: previous,
    auditors: [...tally.auditors].sort((a, b) => a.localeCompare(b)),
    parts,
    drafts: tally.drafts,
  };
}
