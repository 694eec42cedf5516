import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/format/document-markdown.js';
import { renderTerminal } from '../../src/format/document-terminal.js';
import { priorities, scoreDocument, viewsIn, type ScoredRun } from '../../src/format/score-views.js';
import { emptyScoreTally, tallyScored } from '../../src/core/score-tally.js';
import type { AuditResult } from '../../src/core/score-types.js';
import { sectionsOf, tableUnder } from '../helpers/markdown.js';
import { checklists, failing, HOSTILE_SITE, passing, passingAgain } from './fixtures.js';

/** The audits tallied as `score` tallies them while they stream past. */
function run(audits: readonly AuditResult[], { includeDrafts = false } = {}): ScoredRun {
  const tally = emptyScoreTally(includeDrafts);
  for (const audit of audits) tallyScored(tally, audit);
  return { tally, checklists };
}
const one = (audit = passing): ScoredRun => run([audit]);
const many = [passing, failing, passingAgain];

describe('score as Markdown, one audit', () => {
  const markdown = renderMarkdown(scoreDocument(one(), 'en'));

  it('has a gap table per section, worst first', () => {
    expect(tableUnder(markdown, 'Gaps by section')).toEqual({
      header: ['Section', 'Score', 'Expected', 'Gap'],
      rows: [
        ['Place', '70.0', '100.0', '-30.0'],
        ['Staff', '92.5', '87.5', '+5.0'],
      ],
    });
  });

  it('lists the worst factors: only those below expectation', () => {
    expect(tableUnder(markdown, 'Worst factors')).toEqual({
      header: ['Section', 'Factor', 'Score', 'Expected', 'Gap'],
      rows: [['Place', 'Cleanliness', '70.0', '100.0', '-30.0']],
    });
  });

  it('shows critical failures only when there are some', () => {
    expect(sectionsOf(markdown).map((section) => section.heading)).toEqual(['Gaps by section', 'Worst factors']);
    const failed = renderMarkdown(scoreDocument(one(failing), 'en'));
    expect(tableUnder(failed, 'Critical failures').rows).toEqual([['Greeting', 'Smiles', '0.0', '100.0', '-100.0']]);
  });
});

describe('score as Markdown, many audits', () => {
  // With --include-drafts the draft (`failing`) counts in the summary and the ranking.
  const markdown = renderMarkdown(scoreDocument(run(many, { includeDrafts: true }), 'en'));

  it('leaves drafts out of the ranking unless asked, and lists them apart, marked', () => {
    const honest = renderMarkdown(scoreDocument(run(many), 'en'));
    expect(tableUnder(honest, 'Site ranking').rows.map((row) => row[1])).toEqual(['Store A']);
    expect(tableUnder(honest, 'Drafts (not ranked, not in the summary)').rows).toEqual([
      [HOSTILE_SITE.replace('\u0007', ''), '2026-11-21', '王芳', 'audits/store-b.yaml', 'draft', '13.8'],
    ]);
    expect(honest).toContain('- **Drafts left out:** **1**');
    expect(markdown).not.toContain('Drafts left out');
  });

  it('still shows a checklist whose audits are all drafts: no summary, the drafts listed', () => {
    const drafts = renderMarkdown(scoreDocument(run([failing, { ...failing, file: 'audits/store-c.yaml' }]), 'en'));
    expect(sectionsOf(drafts).map(({ heading }) => heading)).toEqual(['Shop basics (shop-basics 1.0.0)', 'Drafts (not ranked, not in the summary)']);
    expect(drafts).toContain('No complete audit; drafts are not counted.');
    expect(tableUnder(drafts, 'Drafts (not ranked, not in the summary)').rows).toHaveLength(2);
  });

  it('heads each checklist and ranks its sites by mean score, hostile names kept literal', () => {
    expect(sectionsOf(markdown)[0]?.heading).toBe('Shop basics (shop-basics 1.0.0)');
    expect(tableUnder(markdown, 'Site ranking')).toEqual({
      header: ['#', 'Site', 'Audits', 'Last visit', 'Score', 'Expected', 'Gap', 'Failed'],
      rows: [
        ['1', 'Store A', '2', '2026-11-27', '85.0', '89.2', '-4.1', '0'],
        ['2', HOSTILE_SITE.replace('\u0007', ''), '1', '2026-11-21', '13.8', '100.0', '-86.3', '1'],
      ],
    });
  });

  it('summarises each section (n, mean, min, max, expected, gap), worst first', () => {
    expect(tableUnder(markdown, 'Sections across audits')).toEqual({
      header: ['Section', 'n', 'Mean', 'Min', 'Max', 'Expected', 'Gap'],
      rows: [
        ['Place', '2', '70.0', '70.0', '70.0', '100.0', '-30.0'],
        // (92.5 + 13.75 + 92.5) / 3 against (87.5 + 100 + 87.5) / 3.
        ['Staff', '3', '66.3', '13.8', '92.5', '91.7', '-25.4'],
      ],
    });
  });

  it('speaks Chinese, with the checklist’s own Chinese titles', () => {
    const zh = renderMarkdown(scoreDocument(run(many, { includeDrafts: true }), 'zh-CN'));
    expect(tableUnder(zh, '各部分汇总')).toMatchObject({ header: ['部分', '次数', '平均', '最低', '最高', '期望', '差距'] });
    expect(tableUnder(zh, '各部分汇总').rows.map((row) => row[0])).toEqual(['环境', '员工']);
  });

  it('says so when nothing was scored', () => {
    expect(renderMarkdown(scoreDocument(run([]), 'en'))).toBe('No audits were scored.\n');
  });
});

describe('the fix-first list', () => {
  it('keeps the ten highest priorities and leaves out factors that meet their expectation', () => {
    const ranked = Array.from({ length: 12 }, (_, index) => ({ section: 'staff', factor: 'greeting', priority: 12 - index })).concat([
      { section: 'staff', factor: 'speed', priority: 0 },
    ]);
    const grid = priorities(viewsIn(checklists, 'en'), passing.checklist, ranked);
    expect(grid.rows).toHaveLength(10);
    expect(grid.rows.map((row) => ('text' in row[3]! ? row[3].text : ''))).toEqual(['12.0', '11.0', '10.0', '9.0', '8.0', '7.0', '6.0', '5.0', '4.0', '3.0']);
  });
});

describe('score as a terminal table', () => {
  it('has no colour at colour level 0, and no control characters from user text', () => {
    const text = renderTerminal(scoreDocument(run(many), 'en'), new Chalk({ level: 0 }));
    expect(text).not.toMatch(/\u001b|\u0007/);
    expect(text).toContain('Site ranking');
    expect(text).toMatch(/│ 1 │ Store A\s+│\s+2 │ 2026-11-27 │\s+85\.0 │/);
  });

  it('colours scores and gaps by how far below expectation they are', () => {
    const chalk = new Chalk({ level: 1 });
    const text = renderTerminal(scoreDocument(one(), 'en'), chalk);
    expect(text).toContain(chalk.red('-30.0'));
    expect(text).toContain(chalk.green('+5.0'));
    expect(text).toContain(chalk.yellow('-8.3'));
  });

  it('cuts long item wording to one line, in English and in Chinese', () => {
    const column = { label: 'Item', align: 'left', maxWidth: 20 } as const;
    const rows = [[{ text: 'The service provided matches what the customer asked for' }], [{ text: '服务提供方应确保所提供服务与客户需求一致' }]];
    const lines = renderTerminal([{ kind: 'grid', grid: { columns: [column], rows } }], new Chalk({ level: 0 })).split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[2]).toMatch(/^│ The service provid.*… │$/);
    expect(lines[3]).toMatch(/^│ 服务提供方应确保.*… *│$/);
    const short = renderTerminal([{ kind: 'grid', grid: { columns: [column], rows: [[{ text: 'Smiles' }]] } }], new Chalk({ level: 0 }));
    expect(short.split('\n')[2]).toBe('│ Smiles │');
  });

  it('draws no chart (it is for Markdown readers)', () => {
    const text = renderTerminal([{ kind: 'chart', chart: { title: 't', categories: ['a'], score: [1], expected: [2] } }], new Chalk({ level: 0 }));
    expect(text).toBe('');
  });
});
