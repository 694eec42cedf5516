import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { renderReport, type ReportInput } from '../../src/format/report.js';
import { sectionsOf, tablesOf, tableUnder } from '../helpers/markdown.js';
import { checklists, failing, failingAudit, HOSTILE_SITE, passing, passingAudit, summary } from './fixtures.js';

const SITE = HOSTILE_SITE.replace('\u0007', '');
const oneAudit: ReportInput = { audits: [{ result: failing, audit: failingAudit }], checklists };
const twoAudits: ReportInput = {
  audits: [
    { result: passing, audit: passingAudit },
    { result: failing, audit: failingAudit },
  ],
  checklists,
};

function mermaidBlocks(markdown: string): string[] {
  return marked
    .lexer(markdown)
    .filter((token): token is Tokens.Code => token.type === 'code' && token.lang === 'mermaid')
    .map((token) => token.text);
}

describe('report of one audit', () => {
  const markdown = renderReport(oneAudit, 'en');
  const headings = sectionsOf(markdown).map(({ depth, heading }) => `${depth} ${heading}`);

  it('is titled with the site and lays out every part in order', () => {
    expect(headings).toEqual([
      `1 Customer service audit report: ${SITE}`,
      '2 Score vs expected by section',
      '2 Gaps by section',
      '2 Gaps by factor',
      '2 Critical failures',
      '2 Fix first',
      '2 Items, notes and evidence',
      '3 Staff › Greeting',
      '3 Staff › Speed',
      '3 Place › Cleanliness',
    ]);
  });

  it('gives the metadata, overall score against expectation, and the result', () => {
    const facts = marked.lexer(markdown).find((token): token is Tokens.List => token.type === 'list');
    expect(facts?.items.map((item) => item.text)).toEqual([
      expect.stringMatching(/^\*\*Site:\*\* Store B, &lt;b&gt;/),
      '**Date:** 2026-11-21',
      '**Auditor:** 王芳',
      '**Checklist:** Shop basics (shop-basics 1.0.0)',
      // A draft is marked wherever it is shown.
      '**Status:** **draft**',
      '**File:** audits/store-b.yaml',
      '**Score:** 13.8',
      '**Expected:** 100.0',
      '**Gap:** -86.3',
      '**Result:** **fail**',
    ]);
  });

  it('has factor gaps worst first, critical failures, and the fix-first list', () => {
    expect(tableUnder(markdown, 'Gaps by factor').rows).toEqual([
      ['Staff', 'Greeting', '0.0', '100.0', '-100.0'],
      ['Staff', 'Speed', '27.5', '100.0', '-72.5'],
    ]);
    expect(tableUnder(markdown, 'Critical failures').rows).toEqual([['Greeting', 'Smiles', '0.0', '100.0', '-100.0']]);
    // Both factors weigh half of the only scored section: priority = ½ × shortfall.
    expect(tableUnder(markdown, 'Fix first')).toEqual({
      header: ['#', 'Section', 'Factor', 'Points to gain'],
      rows: [
        ['1', 'Staff', 'Greeting', '50.0'],
        ['2', 'Staff', 'Speed', '36.3'],
      ],
    });
  });

  it('puts every answer next to its note and evidence, notes kept literal and only web addresses linked', () => {
    const greeting = tableUnder(markdown, 'Staff › Greeting', ['link']);
    expect(greeting.header).toEqual(['Item', 'Answer', 'Score', 'Expected', 'Gap', 'Note', 'Evidence']);
    expect(greeting.rows).toEqual([
      ['Greets every customer', 'N/A', '', '', '', 'Looked away | *twice*\nthen <left>', 'photos/door 1.jpg\nhttps://example.com/a(1)|b.jpg\njavascript:alert(1)'],
      ['Smiles', 'no', '0.0', '100.0', '-100.0', '', ''],
    ]);
    // Bare web addresses in text (the remarks answer) are linked by GitHub itself, as in any text; only
    // evidence gets a link of ours, and only when it is a web address.
    const links: string[] = [];
    marked.walkTokens(marked.lexer(markdown), (token) => void (token.type === 'link' && token.raw !== token.href && links.push(token.href)));
    expect(links).toEqual(['https://example.com/a%281%29%7Cb.jpg']);
  });

  it('shows measures with their unit, text answers literally, and unscored items without numbers', () => {
    expect(tableUnder(markdown, 'Staff › Speed').rows).toEqual([['Waiting time', '95.25 s', '27.5', '100.0', '-72.5', '', '']]);
    expect(tableUnder(markdown, 'Place › Cleanliness').rows).toEqual([
      ['Floor is clean', 'N/A', '', '', '', '', ''],
      ['Other remarks', '`rm -rf /` [click](http://evil.example)', '', '', '', '', ''],
    ]);
  });

  it('charts score against expected per section with Mermaid', () => {
    expect(mermaidBlocks(markdown)).toEqual([
      ['xychart-beta', '  title "Score vs expected by section"', '  x-axis ["Staff"]', '  y-axis 0 --> 100', '  bar [13.8]', '  line [100]'].join('\n'),
    ]);
  });

  it('is written in Chinese with --lang zh-CN, titles from the checklist', () => {
    const zh = renderReport(oneAudit, 'zh-CN');
    expect(sectionsOf(zh).map(({ heading }) => heading)).toContain('员工 › 问候');
    expect(tableUnder(zh, '各因素差距').header).toEqual(['部分', '因素', '得分', '期望', '差距']);
  });
});

describe('report of many audits', () => {
  // `failing` is a draft: counted here as with --include-drafts; see the next block for the default.
  const markdown = renderReport(twoAudits, 'en', { scope: { includeDrafts: true } });
  const headings = sectionsOf(markdown).map(({ depth, heading }) => `${depth} ${heading}`);

  it('has a cover, a summary in words, each checklist compared, then one appendix per audit', () => {
    expect(headings.filter((heading) => /^[12] /.test(heading))).toEqual([
      '1 Customer service audit report',
      '2 Summary',
      '2 Shop basics (shop-basics 1.0.0)',
      '2 Appendix: Store A · 2026-11-20',
      `2 Appendix: ${SITE} · 2026-11-21 (draft)`,
    ]);
    expect(headings.filter((heading) => heading.startsWith('3 ')).slice(0, 7)).toEqual([
      '3 Shop basics (shop-basics 1.0.0)',
      '3 Score vs expected by section',
      '3 Sections across audits',
      '3 Worst factors across sites',
      '3 Site ranking',
      '3 History by site',
      '3 Fix first',
    ]);
    expect(markdown).toContain('- **Period:** 2026-11-20 – 2026-11-21');
    expect(markdown).toContain('- **Auditors:** Li Wei, 王芳');
  });

  it('says in words how the audits compare with their expectation, the best and worst, and what is still open', () => {
    const summary = markdown.slice(markdown.indexOf('## Summary'), markdown.indexOf('\n## Shop basics'));
    expect(summary).toContain('The 2 audits score 46.9 on average against an expectation of 94.2 (gap -47.3).');
    expect(summary).toContain('Best site: Store A (80.0); worst site:');
    expect(summary).toContain('No site was visited twice in this period');
    expect(summary).toContain('Critical failures still open (1):');
  });

  it('has the section summary, the ranking, the history with critical failures, and fix first in points', () => {
    expect(tableUnder(markdown, 'Sections across audits').rows).toHaveLength(2);
    expect(tableUnder(markdown, 'Site ranking').rows.map((row) => row[1])).toEqual(['Store A', SITE]);
    expect(tableUnder(markdown, 'Worst factors across sites').rows.map((row) => row[1])).toEqual(['Greeting', 'Speed', 'Cleanliness']);
    // Greeting: staff weighs 2 of 3, greeting half of staff, 50 short: 1/3 × 50 = 16.7 points of the overall score.
    expect(tableUnder(markdown, 'Fix first').rows.map((row) => [row[2], row[3]])).toEqual([
      ['Greeting', '16.7'],
      ['Speed', '10.4'],
      ['Cleanliness', '10.0'],
    ]);
    expect(tableUnder(markdown, 'History by site')).toEqual({
      header: ['Site', 'Date', 'Score', 'Expected', 'Change', 'Critical failures'],
      rows: [
        ['Store A', '2026-11-20', '80.0', '88.3', '—', ''],
        [SITE, '2026-11-21', '13.8', '100.0', '—', 'Smiles (still open)'],
      ],
    });
  });

  it('charts the summary only, sections in checklist order', () => {
    expect(mermaidBlocks(markdown)).toHaveLength(1);
    expect(mermaidBlocks(markdown)[0]).toContain('x-axis ["Staff", "Place"]');
  });

  it('has no table whose cells were broken or turned into markup by user text', () => {
    const tables = tablesOf(markdown, ['strong', 'link']);
    for (const table of tables) expect(table.rows.every((row) => row.length === table.header.length)).toBe(true);
  });
});

describe('report of many audits, drafts left out (the default)', () => {
  const markdown = renderReport(twoAudits, 'en');

  it('ranks and summarises complete audits only, lists the draft apart and marks its appendix', () => {
    expect(tableUnder(markdown, 'Site ranking').rows.map((row) => row[1])).toEqual(['Store A']);
    expect(tableUnder(markdown, 'Drafts (not ranked, not in the summary)').rows).toEqual([[SITE, '2026-11-21', '王芳', 'audits/store-b.yaml', 'draft', '13.8']]);
    expect(markdown).toContain('- **Drafts left out:** **1**');
    expect(sectionsOf(markdown).map(({ heading }) => heading)).toContain(`Appendix: ${SITE} · 2026-11-21 (draft)`);
  });

  it('names the files left out as invalid with their first finding, and leaves out appendices when asked', () => {
    const leftOut = [{ file: 'audits/bad.yaml', line: 3, column: 5, message: 'YAML syntax error' }];
    const brief = renderReport(twoAudits, 'en', { leftOut, appendices: false });
    expect(tableUnder(brief, 'Files left out as invalid').rows).toEqual([['audits/bad.yaml', '3:5: YAML syntax error']]);
    expect(brief).not.toContain('Appendix');
    expect(brief).toContain('- **Files left out as invalid:** **1**');
  });
});
