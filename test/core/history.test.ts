import { describe, expect, it } from 'vitest';
import { periodOf, previousPeriod } from '../../src/core/period.js';
import { emptyReportTally, reportFacts, tallyForReport } from '../../src/core/report-tally.js';
import { scoreAudit } from '../../src/core/score.js';
import type { SiteHistory } from '../../src/core/site-history.js';
import { checklistKey } from '../../src/core/summarize.js';
import { auditOf, check, checklistWithItems, likert } from './builders.js';

const checklist = checklistWithItems([check('fee-shown', { critical: true }), likert('friendly')]);
const checklists = new Map([[checklistKey(checklist.id, checklist.version), checklist]]);
const scored = (site: string, date: string, feeShown: boolean, friendly: number, status: 'complete' | 'draft' = 'complete') =>
  scoreAudit({ file: `${site}-${date}.yaml`, audit: auditOf({ 'fee-shown': feeShown, friendly }, { site, date, status }), checklist });

function factsOf(results: ReturnType<typeof scored>[], scope = { includeDrafts: false } as Parameters<typeof emptyReportTally>[0]) {
  const tally = emptyReportTally(scope);
  results.forEach((result, position) => tallyForReport(tally, result, checklist, position));
  return reportFacts(tally, checklists, (position) => results[position]!.file);
}

/** The sites of the critical failures no later visit resolved. */
const openAt = (histories: readonly SiteHistory[]) =>
  histories.flatMap((history) => [...history.entries()].flatMap(({ failures }) => failures.filter(({ resolvedOn }) => resolvedOn === undefined).map(() => history.site)));

describe('site histories', () => {
  const facts = factsOf([scored('A', '2026-11-20', true, 5), scored('A', '2026-11-05', false, 2), scored('B', '2026-11-10', false, 3), scored('A', '2026-11-12', false, 4)]);
  const [a, b] = facts.parts[0]!.histories;

  it('lists each site’s visits oldest first with the change since the previous visit', () => {
    expect(a?.site).toBe('A');
    expect([...a!.entries()].map(({ date, change }) => [date, change])).toEqual([
      ['2026-11-05', undefined],
      // friendly 2 → 4 on a 1..5 scale is 25 → 75 on its item, 12.5 → 37.5 overall (fee-shown fails both).
      ['2026-11-12', 25],
      ['2026-11-20', 62.5],
    ]);
  });

  it('marks a critical failure resolved on the first later visit that met the item; others stay open', () => {
    expect([...a!.entries()].map(({ failures }) => failures.map(({ failure, resolvedOn }) => [failure.item, resolvedOn]))).toEqual([
      [['fee-shown', '2026-11-20']],
      [['fee-shown', '2026-11-20']],
      [],
    ]);
    expect([...b!.entries()][0]?.failures).toEqual([expect.objectContaining({ resolvedOn: undefined })]);
    expect(openAt(facts.parts[0]!.histories)).toEqual(['B']);
  });

  it('groups by site and checklist, sites by name, whatever the order of the files', () => {
    const reversed = factsOf([scored('B', '2026-11-10', false, 3), scored('A', '2026-11-12', false, 4), scored('A', '2026-11-05', false, 2)]);
    expect(reversed.parts[0]!.histories.map(({ site }) => site)).toEqual(['A', 'B']);
    expect(openAt(reversed.parts[0]!.histories)).toEqual(['A', 'A', 'B']);
  });
});

describe('what a report counts', () => {
  it('leaves drafts out of the summary and the ranking, and lists them apart, unless they are asked for', () => {
    const results = [scored('A', '2026-11-20', true, 5), scored('B', '2026-11-21', false, 1, 'draft')];
    const honest = factsOf(results);
    expect(honest.parts[0]?.summary.n).toBe(1);
    expect(honest.parts[0]?.standings.map(({ site }) => site)).toEqual(['A']);
    expect(honest.drafts.map(({ site }) => site)).toEqual(['B']);
    const all = factsOf(results, { includeDrafts: true });
    expect(all.parts[0]?.summary.n).toBe(2);
    expect(all.drafts).toEqual([]);
  });

  it('reports the visits within --since/--until, and compares with the period of the same length before', () => {
    const facts = factsOf(
      [scored('A', '2026-10-25', false, 1), scored('A', '2026-11-05', true, 5), scored('B', '2026-11-09', true, 3), scored('C', '2026-11-20', true, 5)],
      { since: '2026-11-01', until: '2026-11-10', includeDrafts: false },
    );
    expect(facts.period).toEqual({ from: '2026-11-01', until: '2026-11-10' });
    expect(facts.previousPeriod).toEqual({ from: '2026-10-22', until: '2026-10-31' });
    expect([...facts.parts[0]!.counted.sites.keys()]).toEqual(['A', 'B']);
    expect(facts.parts[0]?.previous?.score).toBe(0);
    expect(facts.parts[0]?.summary.n).toBe(2);
  });
});

describe('periods', () => {
  it('span the dates given, or the bounds asked for', () => {
    expect(periodOf(['2026-11-20', '2026-11-02', '2026-11-09'], {})).toEqual({ from: '2026-11-02', until: '2026-11-20' });
    expect(periodOf(['2026-11-20'], { since: '2026-11-01' })).toEqual({ from: '2026-11-01', until: '2026-11-20' });
    expect(periodOf([], {})).toBeUndefined();
  });

  it('have a previous period of the same number of days, ending the day before, across month and year ends', () => {
    expect(previousPeriod({ from: '2026-01-01', until: '2026-01-31' })).toEqual({ from: '2025-12-01', until: '2025-12-31' });
    expect(previousPeriod({ from: '2026-03-01', until: '2026-03-01' })).toEqual({ from: '2026-02-28', until: '2026-02-28' });
  });
});
