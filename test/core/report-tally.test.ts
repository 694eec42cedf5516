// The report's tallies against the list-based code they replaced: the oracle below keeps every visit
// and works the facts out the old way (a slice and a find for each failure), and for random visits,
// scopes and file orders the tallies must give exactly what it gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemIndex } from '../../src/model/checklist.js';
import type { Checklist } from '../../src/model/types.js';
import { periodOf, previousPeriod, within } from '../../src/core/period.js';
import { counts, emptyReportTally, inScope, reportFacts, tallyForReport, type ReportFacts, type ReportScope } from '../../src/core/report-tally.js';
import { scoreAudit } from '../../src/core/score.js';
import type { AuditResult, Measured } from '../../src/core/score-types.js';
import { checklistKey } from '../../src/core/summarize.js';
import { auditOf, check, checklistWithItems, likert } from './builders.js';

const items = [check('door', { critical: true }), check('fee', { critical: true }), likert('friendly')];
const first = checklistWithItems(items);
const second = checklistWithItems(items, { version: '2.0.0' });
const checklists = new Map([first, second].map((checklist) => [checklistKey(checklist.id, checklist.version), checklist]));

const DATES = ['2026-10-28', '2026-11-01', '2026-11-02', '2026-11-05', '2026-11-09'];
const answer = fc.constantFrom(true, false, undefined);

const auditArb = fc.record({
  checklist: fc.constantFrom(first, second),
  site: fc.constantFrom('B', 'A', 'Å', 'c'),
  auditor: fc.constantFrom('王芳', 'Li', 'ann'),
  date: fc.constantFrom(...DATES),
  status: fc.constantFrom('complete' as const, 'complete' as const, 'draft' as const),
  door: answer,
  fee: answer,
  friendly: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  // File names tie-break visits of one site and day; their order need not be the inputs' order.
  name: fc.constantFrom('a', 'b', 'B', 'ä', 'z/a', 'a/z'),
});

type AuditShape = typeof auditArb extends fc.Arbitrary<infer T> ? T : never;

const scopeArb: fc.Arbitrary<ReportScope> = fc.record({
  since: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
  until: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
  includeDrafts: fc.boolean(),
});

interface Scored {
  readonly result: AuditResult;
  readonly checklist: Checklist;
}

function scoredOf(audits: AuditShape[]): Scored[] {
  return audits.map((each, index) => {
    const responses = Object.fromEntries(
      (['door', 'fee', 'friendly'] as const).flatMap((id) => (each[id] === undefined ? [] : [[id, each[id]]])),
    );
    const audit = auditOf(responses, { site: each.site, auditor: each.auditor, date: each.date, status: each.status, checklist: { id: each.checklist.id, version: each.checklist.version } });
    return { result: scoreAudit({ file: `${each.name}-${index % 3}.yaml`, audit, checklist: each.checklist }), checklist: each.checklist };
  });
}

// ---- the oracle: every visit kept, the facts worked out the way the list-based code did ----

interface OracleVisit {
  readonly result: AuditResult;
  readonly measured: Measured | undefined;
  readonly criticalMet: readonly string[];
}

function oracleVisit({ result, checklist }: Scored): OracleVisit {
  const { critical } = itemIndex(checklist);
  const criticalMet = result.sections.flatMap((section) =>
    section.factors.flatMap((factor) => factor.items.filter((item) => 'gap' in item && item.gap >= 0 && critical.has(item.id)).map((item) => item.id)),
  );
  const measured = result.sections.length > 0 ? { score: result.score, expected: result.expected, gap: result.score - result.expected } : undefined;
  return { result, measured, criticalMet };
}

function mean(values: readonly number[]): number {
  const sum = values.reduce((total, value) => total + value, 0);
  return Math.min(Math.max(...values), Math.max(Math.min(...values), sum / values.length));
}

function meanOfVisits(visits: readonly OracleVisit[]): Measured | undefined {
  const scored = visits.flatMap(({ measured }) => (measured ? [measured] : []));
  if (scored.length === 0) return undefined;
  const score = mean(scored.map((each) => each.score));
  const expected = mean(scored.map((each) => each.expected));
  return { score, expected, gap: score - expected };
}

function oracleStandings(visits: readonly OracleVisit[]) {
  const sites = [...new Set(visits.map(({ result }) => result.site))];
  return sites
    .map((site) => {
      const ofSite = visits.filter(({ result }) => result.site === site);
      return {
        site,
        audits: ofSite.length,
        lastVisit: ofSite.map(({ result }) => result.date).reduce((last, date) => (date > last ? date : last), ''),
        failed: ofSite.filter(({ result }) => result.result === 'fail').length,
        measured: meanOfVisits(ofSite),
      };
    })
    .sort((a, b) => (b.measured?.score ?? -Infinity) - (a.measured?.score ?? -Infinity) || a.site.localeCompare(b.site));
}

function oracleHistory(visits: readonly OracleVisit[]) {
  const byDate = visits.toSorted((a, b) => a.result.date.localeCompare(b.result.date) || a.result.file.localeCompare(b.result.file));
  let previous: Measured | undefined;
  return byDate.map((visit, index) => {
    const later = byDate.slice(index + 1);
    const failures = visit.result.criticalFailures.map(({ section, factor, item }) => ({
      failure: { section, factor, item },
      resolvedOn: later.find((each) => each.criticalMet.includes(item))?.result.date,
    }));
    const change = visit.measured && previous ? visit.measured.score - previous.score : undefined;
    if (visit.measured) previous = visit.measured;
    return { date: visit.result.date, measured: visit.measured, change, failures };
  });
}

function oracle(scored: readonly Scored[], scope: ReportScope) {
  const visits = scored.map(oracleVisit);
  const keyOf = ({ result }: OracleVisit) => checklistKey(result.checklist.id, result.checklist.version);
  const inPeriod = visits.filter(({ result }) => inScope(scope, result.date));
  const period = periodOf(
    inPeriod.map(({ result }) => result.date),
    scope,
  );
  const previous = period && scope.since !== undefined ? previousPeriod(period) : undefined;
  const counted = inPeriod.filter(({ result }) => counts(scope, result.status));
  const drafts = inPeriod.filter(({ result }) => !counts(scope, result.status));
  const keys = [...new Set(counted.map(keyOf))];
  return {
    period,
    previousPeriod: previous,
    auditors: [...new Set(inPeriod.map(({ result }) => result.auditor))].sort((a, b) => a.localeCompare(b)),
    parts: keys.map((key) => {
      const ofKey = counted.filter((visit) => keyOf(visit) === key);
      const dates = ofKey.map(({ result }) => result.date).toSorted();
      const sites = [...new Set(ofKey.map(({ result }) => result.site))].sort((a, b) => a.localeCompare(b));
      const earlier = previous
        ? visits.filter(({ result }, index) => keyOf(visits[index]!) === key && counts(scope, result.status) && result.date < scope.since! && within(previous, result.date))
        : [];
      return {
        counted: {
          audits: ofKey.length,
          drafts: ofKey.filter(({ result }) => result.status === 'draft').length,
          failed: ofKey.filter(({ result }) => result.result === 'fail').length,
          first: dates[0],
          last: dates.at(-1),
          sites: new Set(sites).size,
        },
        standings: oracleStandings(ofKey),
        histories: sites.map((site) => {
          const entries = oracleHistory(ofKey.filter(({ result }) => result.site === site));
          return { site, scoredVisits: entries.filter(({ measured }) => measured).length, entries };
        }),
        draftsLeftOut: drafts.filter((visit) => keyOf(visit) === key).length,
        previous: meanOfVisits(earlier),
      };
    }),
    drafts: drafts.map(({ result, measured }) => ({ file: result.file, site: result.site, auditor: result.auditor, date: result.date, measured })),
  };
}

// ---- the tallies, seen as plainly as the oracle ----

function tallied(scored: readonly Scored[], scope: ReportScope): ReportFacts {
  const tally = emptyReportTally(scope);
  scored.forEach(({ result, checklist }, position) => tallyForReport(tally, result, checklist, position));
  return reportFacts(tally, checklists, (position) => scored[position]!.result.file);
}

function plain(facts: ReportFacts) {
  return {
    period: facts.period,
    previousPeriod: facts.previousPeriod,
    auditors: facts.auditors,
    parts: facts.parts.map((part) => ({
      counted: { ...part.counted, sites: part.counted.sites.size },
      standings: part.standings,
      histories: part.histories.map(({ site, scoredVisits, entries }) => ({ site, scoredVisits, entries: [...entries()] })),
      draftsLeftOut: part.draftsLeftOut,
      previous: part.previous,
    })),
    drafts: facts.drafts.map(({ file, site, auditor, date, measured }) => ({ file, site, auditor, date, measured })),
  };
}

describe('report tallies', () => {
  it('give what the list-based facts gave, for any visits, scope and order of files', () => {
    fc.assert(
      fc.property(fc.array(auditArb, { maxLength: 40 }), scopeArb, (audits, scope) => {
        const scored = scoredOf(audits);
        expect(plain(tallied(scored, scope))).toEqual(oracle(scored, scope));
      }),
      { numRuns: 300 },
    );
  });

  it('order one site’s visits of one day by file name, whatever order the files came in', () => {
    const [early, late] = scoredOf([
      { checklist: first, site: 'A', auditor: 'Li', date: '2026-11-02', status: 'complete', door: false, fee: true, friendly: 2, name: 'b' },
      { checklist: first, site: 'A', auditor: 'Li', date: '2026-11-02', status: 'complete', door: true, fee: true, friendly: 5, name: 'a' },
    ]);
    const [history] = tallied([early!, late!], { includeDrafts: false }).parts[0]!.histories;
    const entries = [...history!.entries()];
    // 'a-1.yaml' sorts before 'b-0.yaml': the audit that met the door comes first and cannot resolve the later failure.
    expect(entries.map(({ measured }) => measured?.score)).toEqual([late!.result.score, early!.result.score]);
    expect(entries[1]!.failures).toEqual([{ failure: { section: 's', factor: 'f', item: 'door' }, resolvedOn: undefined }]);
  });
});
