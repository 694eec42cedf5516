// Sites side by side: each site's audits of one checklist taken together for the ranking. Pure
// functions over scored results, kept per site (never per audit) so that a ranking of any number of
// audits holds one small record a site.
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

/** The part of a scored audit that standings need. */
export type RankedAudit = Pick<AuditResult, 'site' | 'date' | 'result' | 'score' | 'expected'> & {
  readonly sections: readonly unknown[];
};

/** Whether an audit scored anything at all (one that did not reports 0s and has no sections). */
export function scoredAnything(result: { readonly sections: readonly unknown[] }): boolean {
  return result.sections.length > 0;
}

interface SiteTally {
  audits: number;
  lastVisit: string;
  failed: number;
  readonly score: RunningMean;
  readonly expected: RunningMean;
}

/** Highest mean score first; sites with nothing scored go last; ties by name so the order is stable. */
export function siteStandings(results: readonly RankedAudit[]): SiteStanding[] {
  const bySite = new Map<string, SiteTally>();
  for (const result of results) {
    let tally = bySite.get(result.site);
    if (!tally) bySite.set(result.site, (tally = { audits: 0, lastVisit: '', failed: 0, score: emptyMean(), expected: emptyMean() }));
    tally.audits += 1;
    if (result.date > tally.lastVisit) tally.lastVisit = result.date;
    if (result.result === 'fail') tally.failed += 1;
    if (scoredAnything(result)) {
      addToMean(tally.score, 1, result.score);
      addToMean(tally.expected, 1, result.expected);
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
