// `svc-audit report` end to end through the built binary: the Markdown on stdout or in -o FILE.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { marked, type Tokens } from 'marked';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { sectionsOf, tablesOf, tableUnder } from '../helpers/markdown.js';

const FIXTURES = path.join(ROOT, 'test/fixtures/score');
const CHECKLISTS = ['--checklists', path.join(FIXTURES, 'checklists')];
const scratch = mkdtempSync(path.join(tmpdir(), 'svc-audit-report-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('report of one audit', () => {
  const run = runCli(['report', ...CHECKLISTS, path.join(FIXTURES, 'audits/store-a-1.yaml')]);

  it('prints the report on stdout and exits 0', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(sectionsOf(run.stdout)[0]?.heading).toBe('Customer service audit report: Store A');
  });

  it('has the section and factor gap tables, worst first', () => {
    expect(tableUnder(run.stdout, 'Gaps by section')).toEqual({
      header: ['Section', 'Score', 'Expected', 'Gap'],
      rows: [
        ['Place', '50.0', '100.0', '-50.0'],
        ['Staff', '85.4', '93.8', '-8.3'],
      ],
    });
    expect(tableUnder(run.stdout, 'Gaps by factor').rows.map((row) => `${row[1]} ${row[4]}`)).toEqual(['Cleanliness -50.0', 'Speed -16.7', 'Greeting 0.0']);
  });

  it('puts the note and evidence next to their item, the note literal and the web address linked', () => {
    const greeting = tableUnder(run.stdout, 'Staff › Greeting', ['link']);
    expect(greeting.rows[0]).toEqual(['Greets every customer', '4', '75.0', '75.0', '0.0', 'Said hello | then *left*', 'photos/door.jpg\nhttps://example.com/a(1).jpg']);
    expect(tableUnder(run.stdout, 'Place › Cleanliness').rows).toEqual([
      ['Floor is clean', '3', '50.0', '100.0', '-50.0', '', ''],
      ['Other remarks', 'Music too loud', '', '', '', '', ''],
    ]);
  });

  it('charts score and expected per section with Mermaid', () => {
    const chart = marked.lexer(run.stdout).find((token): token is Tokens.Code => token.type === 'code' && token.lang === 'mermaid');
    expect(chart?.text).toContain('xychart-beta');
    expect(chart?.text).toContain('x-axis ["Staff", "Place"]');
    expect(chart?.text).toMatch(/bar \[85\.4, 50\]\n {2}line \[93\.8, 100\]/);
  });

  it('speaks the language asked for, wherever --lang is given', () => {
    const zh = runCli(['report', ...CHECKLISTS, path.join(FIXTURES, 'audits/store-a-1.yaml'), '--lang', 'zh-CN']);
    expect(zh.code).toBe(0);
    expect(tableUnder(zh.stdout, '各部分差距').rows.map((row) => row[0])).toEqual(['环境', '员工']);
    expect(sectionsOf(zh.stdout).map((section) => section.heading)).toContain('员工 › 问候');
  });
});

describe('report of many audits', () => {
  const dir = path.join(scratch, 'many');
  cpSync(FIXTURES, dir, { recursive: true });
  writeFileSync(path.join(dir, 'broken.yaml'), 'checklist: {id: shop-basics, version: 1.0.0}\nsite: [unclosed\n');
  const out = path.join(scratch, 'report.md');
  writeFileSync(out, 'an older report\n');
  const run = runCli(['report', dir, '-o', out]);
  const markdown = readFileSync(out, 'utf8');

  it('writes -o FILE (replacing it), reports the bad file on stderr with its position, and exits 1', () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith(`${path.join(dir, 'broken.yaml')}:3:1: YAML syntax error`)).toBe(true);
    expect(markdown.startsWith('# Customer service audit report\n')).toBe(true);
    // Written beside the target and renamed into place: no temporary file is left behind.
    expect(readdirSync(scratch).filter((name) => name.includes('report.md'))).toEqual(['report.md']);
  });

  it('summarises each checklist: sections, ranking, worst factors, history, fix first', () => {
    const parts = sectionsOf(markdown).filter((section) => section.depth === 2).map((section) => section.heading);
    expect(parts.slice(0, 5)).toEqual([
      'Summary',
      'Counter service (counter-service 2.1.0)',
      'Shop basics (shop-basics 1.0.0)',
      'Drafts (not ranked, not in the summary)',
      'Files left out as invalid',
    ]);
    const shop = markdown.slice(markdown.indexOf('\n## Shop basics'));
    expect(tableUnder(shop, 'Sections across audits').rows).toEqual([
      ['Staff', '3', '63.9', '6.3', '100.0', '93.8', '-29.9'],
      ['Place', '2', '75.0', '50.0', '100.0', '100.0', '-25.0'],
    ]);
    expect(tableUnder(shop, 'Site ranking').rows.map((row) => [row[1], row[2], row[7]])).toEqual([
      ['Store A', '2', '0'],
      ['Store B, <Nanjing Rd> | "East"', '1', '1'],
    ]);
    expect(tableUnder(shop, 'Worst factors across sites').rows.map((row) => row[1])).toEqual(['Speed', 'Cleanliness', 'Greeting']);
    expect(tableUnder(shop, 'Fix first').header).toEqual(['#', 'Section', 'Factor', 'Points to gain']);
    expect(tableUnder(shop, 'History by site').rows.map((row) => [row[0], row[1], row[4], row[5]])).toEqual([
      ['Store A', '2026-11-20', '—', ''],
      ['Store A', '2026-11-27', expect.stringMatching(/^[+-]\d+\.\d$/), ''],
      ['Store B, <Nanjing Rd> | "East"', '2026-11-21', '—', 'Smiles (still open)'],
    ]);
  });

  it('lists the draft apart, not ranked, and names the invalid file with its first finding', () => {
    const counter = markdown.slice(markdown.indexOf('\n## Counter service'), markdown.indexOf('\n## Shop basics'));
    expect(tableUnder(counter, 'Site ranking').rows.map((row) => row[1])).toEqual(['Branch 7']);
    expect(tableUnder(markdown, 'Drafts (not ranked, not in the summary)').rows.map((row) => [row[0], row[4]])).toEqual([['Branch 9', 'draft']]);
    expect(tableUnder(markdown, 'Files left out as invalid').rows).toEqual([[path.join(dir, 'broken.yaml'), expect.stringMatching(/^3:1: YAML syntax error/)]]);
  });

  it('ends with one appendix per audit', () => {
    const appendices = sectionsOf(markdown).filter((section) => section.heading.startsWith('Appendix: '));
    expect(appendices.map((section) => section.heading)).toEqual([
      'Appendix: Branch 7 · 2026-11-22',
      'Appendix: Branch 9 · 2026-11-23 (draft)',
      'Appendix: Store A · 2026-11-20',
      'Appendix: Store A · 2026-11-27',
      'Appendix: Store B, <Nanjing Rd> | "East" · 2026-11-21',
    ]);
  });

  it('keeps every table whole: each row has as many cells as its header', () => {
    const tables = tablesOf(markdown, ['strong', 'link']);
    expect(tables.length).toBeGreaterThan(20);
    for (const table of tables) expect(table.rows.every((row) => row.length === table.header.length)).toBe(true);
  });
});

describe('report of a period', () => {
  const run = runCli(['report', 'examples/audits', '--since', '2026-11-16', '--until', '2026-11-30', '--no-appendix', '--title', 'H2 review']);

  it('covers the visits between --since and --until under --title, without appendices', () => {
    expect(run.code).toBe(0);
    expect(sectionsOf(run.stdout)[0]?.heading).toBe('H2 review');
    expect(run.stdout).toContain('- **Period:** 2026-11-16 – 2026-11-30');
    expect(run.stdout).not.toContain('Appendix');
    expect(run.stdout).not.toMatch(/\| 2026-11-(0\d|1[0-5]) \|/);
  });

  it('compares each checklist with the period of the same length before', () => {
    expect(run.stdout).toContain('Against the previous period (2026-11-01 – 2026-11-15) the mean score went from');
  });

  it.each(['2026-13-01', '2026-02-30', '26-1-1', 'soon'])('refuses --since %s as a usage error (exit 2)', (date) => {
    const bad = runCli(['report', 'examples/audits', '--since', date]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected a date as YYYY-MM-DD');
    expect(bad.stderr).not.toContain('unexpected error');
  });

  it('refuses --since after --until', () => {
    const bad = runCli(['report', 'examples/audits', '--since', '2026-11-20', '--until', '2026-11-01']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('svc-audit: --since 2026-11-20 is after --until 2026-11-01\n');
  });
});

describe('report errors', () => {
  it('says clearly when -o cannot be written (exit 2, no stack trace)', () => {
    const run = runCli(['report', FIXTURES, '-o', path.join(scratch, 'no-such-folder', 'r.md')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^svc-audit: cannot write .*r\.md: the folder .*no-such-folder does not exist \(ENOENT\); any previous file is unchanged\n$/);
  });

  it('is a usage error when the paths hold no audits, and exit 1 when every audit is broken', () => {
    const onlyChecklists = runCli(['report', path.join(FIXTURES, 'checklists')]);
    expect(onlyChecklists.code).toBe(2);
    expect(onlyChecklists.stderr).toContain('no audits among');
    const dir = path.join(scratch, 'all-broken');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.yaml'), 'site: [\n');
    const broken = runCli(['report', dir]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/a\.yaml:\d+:\d+: /);
  });
});

describe('the sample reports in examples/', () => {
  it.each(['en', 'zh-CN'])('report.%s.html is what the shipped examples give today', (lang) => {
    const run = runCli(['report', 'examples/audits', '--format', 'html', '--lang', lang]);
    expect(run.code).toBe(0);
    const committed = readFileSync(path.join(ROOT, `examples/report.${lang}.html`), 'utf8');
    // When this fails after a change to the examples or the report, regenerate with:
    //   npm run build && node bin/svc-audit.js report examples/audits --format html -o examples/report.LANG.html --lang LANG
    expect(run.stdout === committed, `examples/report.${lang}.html is out of date`).toBe(true);
  });

  it.each(['en', 'zh-CN'])('report.%s.md is what the shipped examples give today', (lang) => {
    const run = runCli(['report', 'examples/audits', '--lang', lang]);
    expect(run.code).toBe(0);
    const committed = readFileSync(path.join(ROOT, `examples/report.${lang}.md`), 'utf8');
    // When this fails after a change to the examples or the report, regenerate with:
    //   npm run build && node bin/svc-audit.js report examples/audits -o examples/report.LANG.md --lang LANG
    expect(run.stdout === committed, `examples/report.${lang}.md is out of date`).toBe(true);
  });
});
