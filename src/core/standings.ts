// Sites side by side: each site's audits of one checklist taken together for the ranking, and the
// counts a summary of them states. Running tallies fed one audit at a time, one entry per site, so
// that a ranking of any number of audits never holds them.
import { addToMean, emptyMean, measured, meanOf, type RunningMean } from './score.js';
import type { AuditResult, Measured } from './score-types.js';

/** One site's audits of one checklist taken together, for the ranking. */
export interface SiteStanding {
  readonly site: string;
  readonly audits: number;
  readonly lastVisit: string;
  readonly failed: number;
  /** The mean over the site's audits that scored something; `undefined` when none did. */
  readonly measured: Measured | undefined;
}

/** Whether an audit scored anything at all (one that did not reports 0s and has no sections). */
export function scoredAnything(result: AuditResult): boolean {
  return result.sections.length > 0;
}

/** One audit as rankings and lists of drafts see it: who, when, and the overall numbers, no answers. */
export interface Visit extends Pick<AuditResult, 'file' | 'site' | 'auditor' | 'date' | 'status' | 'result'> {
  /** `undefined` when the audit scored nothing. */
  readonly measured: Measured | undefined;
}

/** The overall numbers of an audit, or `undefined` when it scored nothing. */
export function measuredOf(result: AuditResult): Measured | undefined {
  return scoredAnything(result) ? measured(result.score, result.expected) : undefined;
}

export function visitOf(result: AuditResult): Visit {
  const { file, site, auditor, date, status, result: outcome } = result;
  return { file, site, auditor, date, status, result: outcome, measured: measuredOf(result) };
}

/** The part of a visit that standings need. */
export type RankedVisit = Pick<Visit, 'site' | 'date' | 'result' | 'measured'>;

interface SiteTally {
  audits: number;
  lastVisit: string;
  failed: number;
  readonly score: RunningMean;
  readonly expected: RunningMean;
}

/** Standings in the making, one tally per site in the order the sites first came. */
export type SiteTallies = Map<string, SiteTally>;

export function tallySite(tallies: SiteTallies, visit: RankedVisit): void {
  let tally = tallies.get(visit.site);
  if (!tally) tallies.set(visit.site, (tally = { audits: 0, lastVisit: '', failed: 0, score: emptyMean(), expected: emptyMean() }));
  tally.audits += 1;
  if (visit.date > tally.lastVisit) tally.lastVisit = visit.date;
  if (visit.result === 'fail') tally.failed += 1;
  if (visit.measured) {
    addToMean(tally.score, 1, visit.measured.score);
    addToMean(tally.expected, 1, visit.measured.expected);
  }
}

/** Highest mean score first; sites with nothing scored go last; ties by name so the order is stable. */
export function standingsOf(tallies: SiteTallies): SiteStanding[] {
  const standings = [...tallies].map(
    ([site, tally]): SiteStanding => ({
      site,
      audits: tally.audits,
      lastVisit: tally.lastVisit,
      failed: tally.failed,
      measured: tally.score.totalWeight > 0 ? measured(meanOf(tally.score), meanOf(tally.expected)) : undefined,
    }),
  );
  return standings.sort(
    (a, b) => (b.measured?.score ?? -Infinity) - (a.measured?.score ?? -Infinity) || a.site.localeCompare(b.site),
  );
}

/** What the facts of a summary count of the audits it was made of, tallied as they come. */
export interface CountedAudits {
  audits: number;
  /** Drafts among them (with `--include-drafts`). */
  drafts: number;
  failed: number;
  /** The earliest and latest dates; `undefined` before the first audit. */
  first: string | undefined;
  last: string | undefined;
  /** The sites' standings in the making: how many sites, and the ranking. */
  readonly sites: SiteTallies;
}

export function noCountedAudits(): CountedAudits {
  return { audits: 0, drafts: 0, failed: 0, first: undefined, last: undefined, sites: new Map() };
}

export function countAudit(counted: CountedAudits, visit: Pick<Visit, 'site' | 'date' | 'status' | 'result' | 'measured'>): void {
  counted.audits += 1;
  if (visit.status === 'draft') counted.drafts += 1;
  if (visit.result === 'fail') counted.failed += 1;
  if (counted.first === undefined || visit.date < counted.first) counted.first = visit.date;
  if (counted.last === undefined || visit.date > counted.last) counted.last = visit.date;
  tallySite(counted.sites, visit);
}
