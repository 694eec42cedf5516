import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standingsOf, tallySite, type RankedVisit, type SiteTallies } from '../../src/core/standings.js';

/** The standings of visits tallied one at a time, as a report or the score table tallies them. */
function standingsOfVisits(visits: readonly RankedVisit[]) {
  const tallies: SiteTallies = new Map();
  for (const each of visits) tallySite(tallies, each);
  return standingsOf(tallies);
}

const visit = (site: string, date: string, score: number, extra: Partial<RankedVisit> = {}): RankedVisit => ({
  site,
  date,
  result: 'pass',
  measured: { score, expected: 80, gap: score - 80 },
  ...extra,
});

describe('site standings', () => {
  it('averages each site, ranks by mean score, counts failed audits and keeps the last visit', () => {
    const standings = standingsOfVisits([
      visit('B', '2026-11-02', 40, { result: 'fail' }),
      visit('A', '2026-11-01', 70),
      visit('B', '2026-11-09', 80),
      visit('C', '2026-11-03', 0, { measured: undefined }),
    ]);
    expect(standings.map(({ site, audits, lastVisit, failed, measured }) => [site, audits, lastVisit, failed, measured?.score])).toEqual([
      ['A', 1, '2026-11-01', 0, 70],
      ['B', 2, '2026-11-09', 1, 60],
      // A site whose audits scored nothing goes last, with no mean.
      ['C', 1, '2026-11-03', 0, undefined],
    ]);
    expect(standings[1]?.measured).toEqual({ score: 60, expected: 80, gap: -20 });
  });

  it('has one row per site, ordered by mean score, whatever the order of the audits', () => {
    const audits = fc.array(
      fc.record({ site: fc.constantFrom('A', 'B', 'C', 'D'), date: fc.constant('2026-11-01'), score: fc.double({ min: 0, max: 100, noNaN: true }) }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(audits, (list) => {
        const standings = standingsOfVisits(list.map(({ site, date, score }) => visit(site, date, score)));
        expect(standings.map(({ site }) => site).toSorted()).toEqual([...new Set(list.map(({ site }) => site))].toSorted());
        const means = standings.map(({ measured }) => measured?.score ?? -1);
        expect(means).toEqual(means.toSorted((a, b) => b - a));
        expect(standings.reduce((total, { audits }) => total + audits, 0)).toBe(list.length);
      }),
    );
  });
});
