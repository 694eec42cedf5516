import { describe, expect, it } from 'vitest';
import { emptyScoreTally, tallyScored } from '../../src/core/score-tally.js';
import { scoreAudit } from '../../src/core/score.js';
import { auditOf, check, checklistWithItems, likert } from './builders.js';

const first = checklistWithItems([check('fee-shown', { critical: true }), likert('friendly')]);
const second = checklistWithItems([likert('friendly')], { version: '2.0.0' });
const scored = (checklist: typeof first, site: string, date: string, friendly: number, status: 'complete' | 'draft' = 'complete') =>
  scoreAudit({
    file: `${site}-${date}.yaml`,
    audit: auditOf({ 'fee-shown': friendly > 2, friendly }, { site, date, status, checklist: { id: checklist.id, version: checklist.version } }),
    checklist,
  });

describe('the score tally', () => {
  it('keeps the first audit only while it is the only one', () => {
    const tally = emptyScoreTally(false);
    const only = scored(first, 'A', '2026-11-02', 4);
    tallyScored(tally, only);
    expect(tally.only).toBe(only);
    tallyScored(tally, scored(first, 'B', '2026-11-03', 2));
    expect(tally.only).toBeUndefined();
    expect(tally.audits).toBe(2);
  });

  it('counts per checklist, in the order audits first name them, drafts apart unless asked for', () => {
    const audits = [
      scored(second, 'C', '2026-11-09', 1, 'draft'),
      scored(first, 'B', '2026-11-03', 2),
      scored(first, 'A', '2026-11-05', 5, 'draft'),
      scored(first, 'B', '2026-11-01', 4),
    ];
    const honest = emptyScoreTally(false);
    for (const audit of audits) tallyScored(honest, audit);
    expect([...honest.checklists.keys()]).toEqual(['test-checklist@2.0.0', 'test-checklist@1.0.0']);
    const [drafted, counted] = [...honest.checklists.values()];
    expect(drafted?.counted.audits).toBe(0);
    expect(drafted?.drafts.map(({ site }) => site)).toEqual(['C']);
    expect(counted?.counted).toMatchObject({ audits: 2, drafts: 0, failed: 1, first: '2026-11-01', last: '2026-11-03' });
    expect([...counted!.counted.sites.keys()]).toEqual(['B']);
    expect([...honest.summary.keys()]).toEqual(['test-checklist@1.0.0']);

    const all = emptyScoreTally(true);
    for (const audit of audits) tallyScored(all, audit);
    expect([...all.checklists.values()].map(({ counted, drafts }) => [counted.audits, counted.drafts, drafts.length])).toEqual([
      [1, 1, 0],
      [3, 1, 0],
    ]);
  });
});
