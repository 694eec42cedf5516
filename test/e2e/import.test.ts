// `svc-audit import` through the built binary: what it prints, its exit code, and the files it
// writes, byte for byte; a bad cell costs its row only; nothing is ever overwritten.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'svc-audit-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const FIXTURES = path.join(ROOT, 'test/fixtures/import');
cpSync(FIXTURES, scratch, { recursive: true });

let runs = 0;
/** A fresh output folder in the scratch folder, named for the test. */
const outDir = () => path.join(scratch, `out-${++runs}`);
const importing = (file: string, out: string, ...more: string[]) =>
  runCli(['import', file, '--map', 'survey.map.yaml', '--checklists', 'checklists', '--out', out, ...more], { cwd: scratch });
const written = (dir: string) => readdirSync(dir).sort();

const ROW_2 = `checklist: {id: mini-survey, version: 1.0.0}
site: 南京路店
auditor: Survey desk
date: 2026-11-20
status: complete
responses:
  friendly: {value: 4, expected: 3}
  quick: {value: 5, importance: 4}
  clean: true
  wait: 8
  remarks: |-
    Good, but
    slow at "peak" hours
`;

const ROW_4 = (site: string) => `checklist: {id: mini-survey, version: 1.0.0}
site: ${site}
auditor: Survey desk
date: 2026-11-21
status: complete
responses:
  friendly: {value: 5, expected: 4}
  quick: na
  clean: false
  wait: 3
  remarks: na
`;

describe('svc-audit import', () => {
  it.each([
    ['survey.csv', [], '南京路店', '강남점'],
    ['survey-bom.csv', [], '南京路店', '강남점'],
    ['survey-utf16le.tsv', [], '南京路店', '강남점'],
    ['survey-gb18030.csv', ['--encoding', 'gb18030'], '南京路店', '徐家汇店'],
    ['survey-cp949.csv', ['--encoding', 'cp949'], '강남점', '명동점'],
    ['survey.xlsx', [], '南京路店', '강남점'],
  ])('%s: one audit per data row, blank rows skipped', (file, flags, first, second) => {
    const out = outDir();
    const run = importing(file, out, ...flags);
    expect(run).toEqual({ code: 0, stderr: '', stdout: `wrote 3 audits to ${path.basename(out)}\n` });
    expect(written(out)).toEqual([`2026-11-20-${first}-row-2.yaml`, '2026-11-21-store-c-row-5.yaml', `2026-11-21-${second}-row-4.yaml`].sort());
    if (first === '南京路店') expect(readFileSync(path.join(out, `2026-11-20-${first}-row-2.yaml`), 'utf8')).toBe(ROW_2);
    expect(readFileSync(path.join(out, `2026-11-21-${second}-row-4.yaml`), 'utf8')).toBe(ROW_4(second));
    // What import writes, score reads.
    expect(runCli(['score', out, '--checklists', 'checklists', '--format', 'csv'], { cwd: scratch }).code).toBe(0);
  });

  it('names a bad cell by row, column and header; leaves that row out and writes the others (exit 1)', () => {
    const lines = readFileSync(path.join(FIXTURES, 'survey.csv'), 'utf8').split('\r\n');
    // Row 2's friendliness answer (column 3) becomes text; row 4's expectation (column 5) leaves the scale.
    // Records end in CRLF; the header's own line breaks are LF, inside its quotes: lines[1] is row 2.
    lines[1] = lines[1]!.replace(',南京路店,4,', ',南京路店,very,');
    lines[3] = lines[3]!.replace('5,,4,,No', '5,,9,,No');
    writeFileSync(path.join(scratch, 'bad.csv'), lines.join('\r\n'));
    const out = outDir();
    const run = importing('bad.csv', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        'bad.csv:2:3: column "Q1. Staff are friendly - how much do yo…": "very" is not a valid answer to friendly; allowed: a whole number from 1 to 5, or na [bad-value]',
        'bad.csv:4:5: column "Q1 expectation: Staff are friendly": expected 9 is outside the scale 1–5 [expected-outside-scale]',
        '',
      ].join('\n'),
    );
    expect(run.stdout).toBe(`wrote 1 audit to ${path.basename(out)}; 2 rows not written (see above)\n`);
    expect(written(out)).toEqual(['2026-11-21-store-c-row-5.yaml']);
  });

  it('says in Chinese what is wrong with a check answer the map does not know', () => {
    writeFileSync(path.join(scratch, 'check.csv'), readFileSync(path.join(FIXTURES, 'survey.csv'), 'utf8').replace(',Yes,', ',Maybe,'));
    const run = runCli(['import', 'check.csv', '--map', 'survey.map.yaml', '--checklists', 'checklists', '--out', outDir(), '--lang', 'zh-CN'], { cwd: scratch });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('check.csv:2:7: 列 “The premises are clean”:题目 clean 的单元格 “Maybe” 不是映射文件 values 中的答案;允许:Yes、No、N/A [unknown-answer-text]\n');
  });

  it('never overwrites: a second import into the same folder writes nothing and says which files are in the way', () => {
    const out = outDir();
    expect(importing('survey.csv', out).code).toBe(0);
    const before = written(out).map((name) => readFileSync(path.join(out, name), 'utf8'));
    writeFileSync(path.join(out, '2026-11-20-南京路店-row-2.yaml'), 'kept\n');
    const again = importing('survey.csv', out);
    expect(again.code).toBe(1);
    expect(again.stderr.split('\n').filter(Boolean)).toEqual(
      [2, 4, 5].map((row) => expect.stringMatching(new RegExp(`^survey\\.csv:${row}:1: .*-row-${row}\\.yaml already exists and was not overwritten, so this row was not written .*\\[audit-exists\\]$`))),
    );
    expect(again.stdout).toBe(`wrote 0 audits to ${path.basename(out)}; 3 rows not written (see above)\n`);
    expect(readFileSync(path.join(out, '2026-11-20-南京路店-row-2.yaml'), 'utf8')).toBe('kept\n');
    expect(written(out).map((name) => readFileSync(path.join(out, name), 'utf8')).slice(1)).toEqual(before.slice(1));
  });

  it('reports mistakes in the map at MAP:line:column and writes nothing (exit 1)', () => {
    const map = readFileSync(path.join(FIXTURES, 'survey.map.yaml'), 'utf8')
      .replace('{column: Branch}', '{column: Brnach}')
      .replace('wait: {value: {column: "Waiting time (minutes)"}}', 'wait: {value: {column: 42}, expected: {column: 1}}');
    writeFileSync(path.join(scratch, 'bad.map.yaml'), map);
    const out = outDir();
    const run = runCli(['import', 'survey.csv', '--map', 'bad.map.yaml', '--checklists', 'checklists', '--out', out], { cwd: scratch });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe('bad.map.yaml:13:31: "expected" does not apply to measure items; it is for: likert [key-not-for-type]\n');
    writeFileSync(path.join(scratch, 'bad.map.yaml'), map.replace(', expected: {column: 1}', ''));
    const columns = runCli(['import', 'survey.csv', '--map', 'bad.map.yaml', '--checklists', 'checklists', '--out', out], { cwd: scratch });
    expect(columns.code).toBe(1);
    expect(columns.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^bad\.map\.yaml:3:16: no column has the header "Brnach"; the headers are: Submitted, Branch, .* \[unknown-column\]$/),
      'bad.map.yaml:13:26: there is no column 42: the table has 9 columns [column-out-of-range]',
    ]);
    expect(() => readdirSync(out)).toThrow();
  });

  it('refuses what it cannot do with a usage error (exit 2)', () => {
    expect(runCli(['import', 'survey.csv'], { cwd: scratch })).toMatchObject({ code: 2, stderr: expect.stringContaining('missing --map MAP') });
    expect(importing('survey.csv', outDir(), '--encoding', 'klingon')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown encoding "klingon"') });
    expect(importing('survey.xlsx', outDir(), '--sheet', 'Nope')).toEqual({ code: 2, stdout: '', stderr: 'svc-audit: survey.xlsx has no sheet "Nope"; its sheets: Answers\n' });
  });

  it('asks for --encoding when a CSV is not UTF-8', () => {
    const run = importing('survey-gb18030.csv', outDir());
    expect(run).toMatchObject({ code: 1, stderr: expect.stringMatching(/^survey-gb18030\.csv:4:1: the file is not UTF-8 text; name its encoding with --encoding .*\[table-not-utf8\]\n$/) });
  });

  it('--init writes a starting map that imports as it is, and never overwrites one', () => {
    const run = runCli(['import', '--init', 'survey.csv', '--checklist', 'mini-survey', '--checklists', 'checklists', '-o', 'started.map.yaml'], { cwd: scratch });
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: 'wrote started.map.yaml: 9 of 9 columns matched, 0 items unmatched\ncheck every line, then run: svc-audit import survey.csv --map started.map.yaml\n',
    });
    const map = readFileSync(path.join(scratch, 'started.map.yaml'), 'utf8');
    expect(map).toContain('  # friendly: 员工态度友好 / Staff are friendly\n  #   value ← column 3 "Q1. Staff are friendly - how much do you agree? (1 = strongly disagre…"\n  #   expected ← column 5 "Q1 expectation: Staff are friendly"\n');
    expect(map).toContain('  quick: {value: {column: "Q2. Service is quick"}, importance: {column: "Q2 importance: Service is quick"}}\n');
    expect(map).toContain('site: {column: "Branch"}   # column 2 "Branch"\n');
    const out = outDir();
    expect(runCli(['import', 'survey.csv', '--map', 'started.map.yaml', '--checklists', 'checklists', '--out', out], { cwd: scratch }).code).toBe(0);
    expect(readFileSync(path.join(out, '2026-11-20-南京路店-row-2.yaml'), 'utf8')).toBe(ROW_2.replace('auditor: Survey desk', 'auditor: Survey'));
    const again = runCli(['import', '--init', 'survey.csv', '--checklist', 'mini-survey', '--checklists', 'checklists', '-o', 'started.map.yaml'], { cwd: scratch });
    expect(again).toMatchObject({ code: 2, stderr: 'svc-audit: started.map.yaml already exists and is never overwritten; choose another file with -o\n' });
  });

  it('imports the SERVQUAL example, which then scores, and leaves `validate checklists examples` clean', () => {
    const out = outDir();
    const run = runCli(['import', 'examples/survey/servqual.csv', '--map', 'examples/survey/servqual.map.yaml', '--out', out]);
    expect(run).toEqual({ code: 0, stderr: '', stdout: `wrote 30 audits to ${out}\n` });
    const scored = JSON.parse(runCli(['score', out, '--format', 'json']).stdout) as { audits: unknown[]; summaries: { n: number }[]; errors: unknown[] };
    expect(scored.audits).toHaveLength(30);
    expect(scored.summaries.map((summary) => summary.n)).toEqual([30]);
    expect(scored.errors).toEqual([]);
    expect(runCli(['validate', 'checklists', 'examples'])).toMatchObject({ code: 0, stderr: '' });
  });
});
