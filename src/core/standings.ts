// Sites side by side: each site's audits of one checklist taken together for the ranking, and each
// site's visits in date order for its history. Pure functions over scored results; a report keeps a
// `Visit` (a few numbers, no answers) per audit and a tally per site, never the audits themselves.
import type { Checklist } from '../model/types.js';
import { itemsOf } from '../model/checklist.js';
import { addToMean, emptyMean, measured, meanOf, type RunningMean } from './score.js';
import type { AuditResult, ChecklistKey, CriticalFailure, Measured } from './score-types.js';

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

/** One audit as standings, histories and summaries in words see it: who, when, and the overall numbers. */
export interface Visit extends Pick<AuditResult, 'file' | 'checklist' | 'site' | 'auditor' | 'date' | 'status' | 'result' | 'criticalFailures'> {
  /** `undefined` when the audit scored nothing. */
  readonly measured: Measured | undefined;
  /** The critical items this visit answered at or above their expectation: what resolves an earlier failure. */
  readonly criticalMet: readonly string[];
}

export function visitOf(result: AuditResult, checklist: Checklist): Visit {
  const critical = new Set([...itemsOf(checklist)].filter((item) => item.critical === true).map((item) => item.id));
  const criticalMet = result.sections.flatMap((section) =>
    section.factors.flatMap((factor) => factor.items.filter((item) => 'gap' in item && item.gap >= 0 && critical.has(item.id)).map((item) => item.id)),
  );
  const { file, checklist: key, site, auditor, date, status, result: outcome, criticalFailures } = result;
  return {
    file,
    checklist: key,
    site,
    auditor,
    date,
    status,
    result: outcome,
    measured: scoredAnything(result) ? measured(result.score, result.expected) : undefined,
    criticalFailures,
    criticalMet,
  };
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

/** Highest mean score first; sites with nothing scored go last; ties by name so the order is stable. */
export function siteStandings(results: readonly RankedVisit[]): SiteStanding[] {
  const bySite = new Map<string, SiteTally>();
  for (const result of results) {
    let tally = bySite.get(result.site);
    if (!tally) bySite.set(result.site, (tally = { audits: 0, lastVisit: '', failed: 0, score: emptyMean(), expected: emptyMean() }));
    tally.audits += 1;
    if (result.date > tally.lastVisit) tally.lastVisit = result.date;
    if (result.result === 'fail') tally.failed += 1;
    if (result.measured) {
      addToMean(tally.score, 1, result.measured.score);
      addToMean(tally.expected, 1, result.measured.expected);
    }
  }
  const standings = [...bySite].map(
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

/** A critical failure of one visit, and the date of the site's first later visit that met the item, if any. */
export interface TrackedFailure {
  readonly failure: CriticalFailure;
  readonly resolvedOn: string | undefined;
}

export interface HistoryEntry {
  readonly visit: Visit;
  /** Score change since the site's previous scored visit; `undefined` for its first. */
  readonly change: number | undefined;
  readonly failures: readonly TrackedFailure[];
}

/** One site's visits of one checklist, oldest first. */
export interface SiteHistory {
  readonly site: string;
  readonly checklist: ChecklistKey;
  readonly entries: readonly HistoryEntry[];
}

function historyOf(visits: readonly Visit[]): HistoryEntry[] {
  const byDate = visits.toSorted((a, b) => a.date.localeCompare(b.date) || a.file.localeCompare(b.file));
  let previous: Measured | undefined;
  return byDate.map((visit, index) => {
    const later = byDate.slice(index + 1);
    const failures = visit.criticalFailures.map((failure) => ({
      failure,
      resolvedOn: later.find((each) => each.criticalMet.includes(failure.item))?.date,
    }));
    const change = visit.measured && previous ? visit.measured.score - previous.score : undefined;
    if (visit.measured) previous = visit.measured;
    return { visit, change, failures };
  });
}

/** Every site's history, per checklist (scores compare only within one), sites by name. */
export function siteHistories(visits: readonly Visit[]): SiteHistory[] {
  const groups = new Map<string, Visit[]>();
  for (const visit of visits) {
    const key = JSON.stringify([visit.site, visit.checklist.id, visit.checklist.version]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(visit);
  }
  return [...groups.values()]
    .map((group): SiteHistory => ({ site: group[0]!.site, checklist: group[0]!.checklist, entries: historyOf(group) }))
    .sort((a, b) => a.site.localeCompare(b.site) || a.checklist.id.localeCompare(b.checklist.id) || a.checklist.version.localeCompare(b.checklist.version));
}

/** Critical failures no later visit of the same site resolved, with the visit they were seen on. */
export function openFailures(histories: readonly SiteHistory[]): { readonly visit: Visit; readonly failure: CriticalFailure }[] {
  return histories.flatMap(({ entries }) =>
    entries.flatMap(({ visit, failures }) => failures.filter(({ resolvedOn }) => resolvedOn === undefined).map(({ failure }) => ({ visit, failure }))),
  );
}
