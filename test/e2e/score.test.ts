// `svc-audit score` end to end through the built binary: stdout, stderr and exit code per format.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { tableUnder, tablesOf } from '../helpers/markdown.js';

const FIXTURES = path.join(ROOT, 'test/fixtures/score');
const scratch = mkdtempSync(path.join(tmpdir(), 'svc-audit-score-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder as a consultant gets it: audits of two checklists, the checklists themselves, and one broken file. */
const mixed = path.join(scratch, 'mixed');
cpSync(FIXTURES, mixed, { recursive: true });
mkdirSync(path.join(mixed, 'late'));
writeFileSync(
  path.join(mixed, 'late', 'broken.yaml'),
  ['checklist: {id: shop-basics, version: 1.0.0}', 'site: Store C', 'auditor: Li Wei', 'sore: 5', 'date: 2026-11-24', 'status: draft', 'responses: {}', ''].join('\n'),
);
const BROKEN = path.join(mixed, 'late', 'broken.yaml');

describe('score, table format', () => {
  const run = runCli(['score', mixed]);

  it('prints the summary of each checklist, and the broken file on stderr with its position (exit 1)', () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Counter service (counter-service 2.1.0)');
    expect(run.stdout).toContain('Shop basics (shop-basics 1.0.0)');
    expect(run.stdout.match(/Site ranking/g)).toHaveLength(2);
    expect(run.stdout.match(/Sections across audits/g)).toHaveLength(2);
    expect(run.stderr).toBe(`${BROKEN}:4:1: unknown key "sore"; allowed: checklist, site, auditor, date, status, started, finished, responses, x-… [unknown-key]\n`);
  });

  it('ranks sites with their number of audits, and never colours output that is not a terminal', () => {
    expect(run.stdout).toMatch(/│ 1 │ Store A\s+│\s+2 │ 2026-11-27 │/);
    expect(run.stdout).not.toContain('\u001b');
  });

  it('shows one audit in detail: metadata, section gaps and the worst factors', () => {
    const one = runCli(['score', path.join(FIXTURES, 'audits/store-b.yaml'), '--checklists', path.join(FIXTURES, 'checklists')]);
    expect(one.code).toBe(0);
    expect(one.stderr).toBe('');
    expect(one.stdout).toMatch(/^Site: Store B, <Nanjing Rd> \| "East"\n/);
    expect(one.stdout).toContain('Result: fail');
    expect(one.stdout).toMatch(/Gaps by section\n┌/);
    expect(one.stdout).toMatch(/│ Staff\s+│ Speed\s+│\s+0\.0 │\s+100\.0 │ -100\.0 │/);
    expect(one.stdout).toContain('Critical failures');
  });

  it('skips checklist files among the inputs without a word', () => {
    const clean = runCli(['score', FIXTURES]);
    expect(clean.code).toBe(0);
    expect(clean.stderr).toBe('');
  });
});

describe('score --format json', () => {
  const run = runCli(['score', '--format', 'json', mixed], { env: { FORCE_COLOR: '1' } });
  const output = JSON.parse(run.stdout) as { audits: { file: string; score: number }[]; summaries: unknown[]; errors: unknown[] };

  it('matches the SPEC shape field for field', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/score-output.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    expect(validate(output), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(output.audits).toHaveLength(5);
    expect(output.summaries).toHaveLength(2);
    // The schema has teeth: a field too many or too few anywhere fails it.
    const [first, ...rest] = output.audits;
    expect(validate({ ...output, audits: [{ ...first, extra: 1 }, ...rest] })).toBe(false);
    const { score: _score, ...withoutScore } = first!;
    expect(validate({ ...output, audits: [withoutScore, ...rest] })).toBe(false);
  });

  it('lists the broken file under errors with its position, leaves stderr empty, and exits 1', () => {
    expect(output.errors).toEqual([{ file: BROKEN, line: 4, column: 1, message: expect.stringContaining('unknown key "sore"') as string }]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
  });

  it('keeps numbers unrounded and contains no colour even when colour is forced', () => {
    expect(output.audits.find((audit) => audit.file.endsWith('store-a-1.yaml'))?.score).toBe(73.61111111111111);
    expect(run.stdout).not.toContain('\u001b');
  });
});

describe('score --format csv', () => {
  it('quotes commas, quotes and line breaks so a spreadsheet reads the site back intact', () => {
    const dir = path.join(scratch, 'csv');
    mkdirSync(dir);
    writeFileSync(
      path.join(dir, 'odd.yaml'),
      ['checklist: {id: counter-service, version: 2.1.0}', 'site: "Shop 1, \\"the big one\\"\\nupstairs"', 'auditor: A', 'date: 2026-11-24', 'status: complete', 'responses: {correct-change: true, explains: 10}', ''].join('\n'),
    );
    const run = runCli(['score', '--format', 'csv', '--checklists', path.join(FIXTURES, 'checklists'), dir]);
    expect(run.code).toBe(0);
    const records = run.stdout.split('\r\n');
    // The byte order mark first, so that Excel reads the file as UTF-8.
    expect(records[0]).toBe('\uFEFFfile,site,auditor,date,status,checklist,level,id,value,score,expected,gap,adequate,msa,zone');
    expect(records[1]).toBe(`${path.join(dir, 'odd.yaml')},"Shop 1, ""the big one""\nupstairs",A,2026-11-24,complete,counter-service@2.1.0,audit,,,100,90,10,,,`);
    expect(records).toHaveLength(1 + 5 + 1);
    expect(records.at(-1)).toBe('');
  });
});

describe('score --format markdown', () => {
  it('prints the same views as Markdown tables', () => {
    const run = runCli(['score', '--format', 'markdown', FIXTURES]);
    expect(run.code).toBe(0);
    expect(tableUnder(run.stdout, 'Sections across audits').header).toEqual(['Section', 'n', 'Mean', 'Min', 'Max', 'Expected', 'Gap']);
    // Two checklists × (ranking, sections), and the draft of counter-service listed apart.
    expect(tablesOf(run.stdout, ['strong'])).toHaveLength(5);
    expect(tableUnder(run.stdout, 'Drafts (not ranked, not in the summary)').rows.map((row) => row[4])).toEqual(['draft']);
  });
});

describe('drafts in summaries', () => {
  const json = (extra: string[]) => JSON.parse(runCli(['score', '--format', 'json', ...extra, FIXTURES]).stdout) as {
    audits: { status: string }[];
    summaries: { checklist: { id: string }; n: number }[];
  };

  it('are scored and listed, but left out of the summary unless --include-drafts', () => {
    const without = json([]);
    const withDrafts = json(['--include-drafts']);
    expect(without.audits.filter((audit) => audit.status === 'draft')).toHaveLength(1);
    const counter = (output: typeof without) => output.summaries.find((summary) => summary.checklist.id === 'counter-service')?.n;
    expect(counter(without)).toBe(1);
    expect(counter(withDrafts)).toBe(2);
  });
});

describe('score --fail-under', () => {
  const storeA = path.join(FIXTURES, 'audits/store-a-2.yaml');
  const storeB = path.join(FIXTURES, 'audits/store-b.yaml');
  const checklists = ['--checklists', path.join(FIXTURES, 'checklists')];

  it('exits 1 and names the audits under the threshold', () => {
    const run = runCli(['score', '--fail-under', '50', ...checklists, storeA, storeB]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${storeB}: overall score 6.3 is under --fail-under 50\n`);
  });

  it('exits 0 when every audit reaches it and none fails a critical item', () => {
    const run = runCli(['score', '--fail-under', '5', '--format', 'json', ...checklists, storeA]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('exits 1 on a critical failure whatever the threshold, naming the item', () => {
    const run = runCli(['score', '--fail-under', '0', '--format', 'json', ...checklists, storeA, storeB]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${storeB}: fails a critical item (smiles)\n`);
    // Without a gate a critical failure is a result, not an error.
    expect(runCli(['score', ...checklists, storeB]).code).toBe(0);
  });

  it('exits 1 when a gate was asked for and nothing was scored', () => {
    const run = runCli(['score', '--fail-under', '70', path.join(FIXTURES, 'checklists')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no audit was scored to hold to --fail-under 70');
  });

  it('names a file with escape codes in its name as plain text', () => {
    const dir = path.join(scratch, 'escapes');
    mkdirSync(dir);
    const hostile = path.join(dir, 'a\u001b[31mred\u0007.yaml');
    writeFileSync(hostile, readFileSync(storeB, 'utf8'));
    const run = runCli(['score', '--fail-under', '50', ...checklists, hostile]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u001b]/);
    expect(run.stderr).toContain('a[31mred.yaml: overall score 6.3');
  });

  it.each(['abc', '', '101', '-1', 'NaN'])('is a usage error (exit 2) for --fail-under %j', (value) => {
    const run = runCli(['score', '--fail-under', value, storeA]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected a score from 0 to 100');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });
});

describe('score usage errors', () => {
  it('refuses an unknown format, no path, and a folder without YAML (exit 2)', () => {
    const badFormat = runCli(['score', '--format', 'xml', FIXTURES]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('Allowed choices are table, json, csv, markdown');
    expect(runCli(['score']).code).toBe(2);
    const empty = path.join(scratch, 'empty');
    mkdirSync(empty);
    const none = runCli(['score', empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(`svc-audit: no YAML files found in ${empty}\n`);
  });
});
