// What a report keeps while audits stream past: the summary tally of the audits it counts and one
// `Visit` per audit (a few numbers, no answers), so that a report of any number of audits is
// summarised without holding the audits themselves.
import type { Checklist } from '../model/types.js';
import { periodOf, previousPeriod, within, type Period } from './period.js';
import { measured, addToMean, emptyMean, meanOf } from './score.js';
import type { AuditResult, Measured, Summary } from './score-types.js';
import { openFailures, siteHistories, siteStandings, visitOf, type SiteHistory, type SiteStanding, type Visit } from './standings.js';
import { checklistKey, summariesOf, tallyAudit, type SummaryTally } from './summarize.js';

export interface ReportScope {
  /** `--since`/`--until`: ISO dates bounding the visits reported; audits before `since` only give the previous period. */
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  /** SPEC §5: drafts count in rankings and summaries only when asked for. */
  readonly includeDrafts: boolean;
}

export interface ReportTally {
  readonly scope: ReportScope;
  readonly summary: SummaryTally;
  /** Visits within the scope's dates, counted or not. */
  readonly visits: Visit[];
  /** Visits before `since`, for the comparison with the previous period. */
  readonly earlier: Visit[];
}

export function emptyReportTally(scope: ReportScope): ReportTally {
  return { scope, summary: new Map(), visits: [], earlier: [] };
}

/** Whether a visit counts in summaries and rankings: a complete audit, or a draft when drafts were asked for. */
export function counts(scope: Pick<ReportScope, 'includeDrafts'>, status: 'complete' | 'draft'): boolean {
  return status === 'complete' || scope.includeDrafts;
}

/** Whether a visit on `date` lies within the dates the report covers. */
export function inScope({ since, until }: Pick<ReportScope, 'since' | 'until'>, date: string): boolean {
  return (since === undefined || date >= since) && (until === undefined || date <= until);
}

export function tallyForReport(tally: ReportTally, result: AuditResult, checklist: Checklist): void {
  const { scope } = tally;
  const visit = visitOf(result, checklist);
  if (inScope(scope, result.date)) {
    tally.visits.push(visit);
    if (counts(scope, result.status)) tallyAudit(tally.summary, result);
  } else if (scope.since !== undefined && result.date < scope.since) {
    tally.earlier.push(visit);
  }
}

/** One checklist's audits in the period, with what the report says of them in words and tables. */
export interface ChecklistPart {
  readonly summary: Summary;
  /** The visits counted in the summary and ranking. */
  readonly visits: readonly Visit[];
  readonly standings: readonly SiteStanding[];
  readonly histories: readonly SiteHistory[];
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
  /** Every visit in the period, counted or not, in the order of the files. */
  readonly visits: readonly Visit[];
  readonly openFailures: ReturnType<typeof openFailures>;
}

function meanOfVisits(visits: readonly Visit[]): Measured | undefined {
  const score = emptyMean();
  const expected = emptyMean();
  for (const { measured: numbers } of visits) {
    if (!numbers) continue;
    addToMean(score, 1, numbers.score);
    addToMean(expected, 1, numbers.expected);
  }
  return score.totalWeight > 0 ? measured(meanOf(score), meanOf(expected)) : undefined;
}

const keyOf = (visit: Visit) => checklistKey(visit.checklist.id, visit.checklist.version);

export function reportFacts(tally: ReportTally, checklists: ReadonlyMap<string, Checklist>): ReportFacts {
  const { scope } = tally;
  const period = periodOf(
    tally.visits.map((visit) => visit.date),
    scope,
  );
  const previous = period && scope.since !== undefined ? previousPeriod(period) : undefined;
  const counted = tally.visits.filter((visit) => counts(scope, visit.status));
  const summaries = summariesOf(tally.summary, checklists);
  const parts = summaries.map((summary): ChecklistPart => {
    const key = checklistKey(summary.checklist.id, summary.checklist.version);
    const visits = counted.filter((visit) => keyOf(visit) === key);
    const earlier = previous ? tally.earlier.filter((visit) => keyOf(visit) === key && counts(scope, visit.status) && within(previous, visit.date)) : [];
    return {
      summary,
      visits,
      standings: siteStandings(visits),
      histories: siteHistories(visits),
      previous: meanOfVisits(earlier),
    };
  });
  return {
    period,
    previousPeriod: previous,
    auditors: [...new Set(tally.visits.map((visit) => visit.auditor))].sort((a, b) => a.localeCompare(b)),
    parts,
    drafts: tally.visits.filter((visit) => !counts(scope, visit.status)),
    visits: tally.visits,
    openFailures: parts.flatMap((part) => openFailures(part.histories)),
  };
}
