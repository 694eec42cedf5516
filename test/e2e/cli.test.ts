// The built binary end to end: stdout, stderr and exit code of each command and format.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const RULES = 'test/fixtures/rules';
const scratch = mkdtempSync(path.join(tmpdir(), 'svc-audit-e2e-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// The five mistakes the foundation issue names, with where each must be reported.
const REJECTED = [
  ['duplicate-item-id.yaml', 'duplicate-id', 14, 17],
  ['expected-outside-scale.yaml', 'expected-outside-scale', 14, 23],
  ['measure-without-target.yaml', 'missing-key', 12, 13],
  ['misspelt-key.yaml', 'unknown-key', 14, 13],
  ['negative-weight.yaml', 'out-of-range', 14, 21],
] as const;

describe('validate', () => {
  it('passes the shipped checklists and examples', () => {
    const run = runCli(['validate', 'checklists', 'examples']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^✔ \d+ files checked, no problems\n$/);
    expect(run.code).toBe(0);
  });

  it.each(REJECTED)('rejects %s in text format at its line and column', (file, code, line, column) => {
    const run = runCli(['validate', `${RULES}/${file}`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${RULES}/${file}:${line}:${column}: `);
    expect(run.stdout).toContain(`[${code}]`);
    expect(run.stdout).toMatch(/✖ 1 problem in 1 of 1 file\n$/);
  });

  it.each(REJECTED)('rejects %s in json format', (file, code, line, column) => {
    const run = runCli(['validate', '--format', 'json', `${RULES}/${file}`]);
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout) as { files: number; findings: Record<string, unknown>[] };
    expect(output.files).toBe(1);
    expect(output.findings).toEqual([
      { file: `${RULES}/${file}`, line, column, code, message: expect.any(String) as string },
    ]);
  });

  it.each(REJECTED)('rejects %s as a GitHub annotation', (file, code, line, column) => {
    const run = runCli(['validate', '--format', 'github', `${RULES}/${file}`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^::error file=${RULES}/${file},line=${line},col=${column},title=${code}::.+\\n$`));
  });

  it('checks every file even when some are bad, and the exit code says so', () => {
    const run = runCli(['validate', '--checklists', `${RULES}/checklists`, RULES, 'test/fixtures/valid']);
    expect(run.code).toBe(1);
    const expected = JSON.parse(readFileSync(path.join(ROOT, RULES, 'expected.json'), 'utf8')) as Record<string, unknown[]>;
    const problems = Object.values(expected).flat().length;
    expect(run.stdout).toContain(`✖ ${problems} problems in ${Object.keys(expected).length} of`);
  });

  it('speaks Chinese when LANG says so, and --lang overrides it', () => {
    const zh = runCli(['validate', `${RULES}/negative-weight.yaml`], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toContain('超出范围');
    const en = runCli(['--lang', 'en', 'validate', `${RULES}/negative-weight.yaml`], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(en.stdout).toContain('out of range');
  });

  it('is a usage error (exit 2) to give no path, an unknown format, or a folder without YAML', () => {
    expect(runCli(['validate']).code).toBe(2);
    const badFormat = runCli(['validate', '--format', 'xml', 'checklists']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('Allowed choices are text, json, github');
    mkdirSync(path.join(scratch, 'empty'));
    const empty = runCli(['validate', path.join(scratch, 'empty')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no YAML files found');
    expect(empty.stderr).not.toMatch(/\n\s+at /);
  });

  it('never colours output that is not a terminal, and honours NO_COLOR', () => {
    // No FORCE_COLOR at all (the test runner sets it to 0 for every other test): stdout is a pipe.
    const unforced = { FORCE_COLOR: undefined, NO_COLOR: undefined };
    const plain = runCli(['show', 'service-expectations'], { env: unforced });
    expect(plain.stdout).not.toContain('\u001b[');
    // The same command does colour when told to, so the check above can fail.
    const coloured = runCli(['show', 'service-expectations'], { env: { ...unforced, FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\u001b[');
    const forced = runCli(['validate', `${RULES}/negative-weight.yaml`], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(forced.stdout).not.toContain('\u001b[');
  });
});

describe('list and show', () => {
  it('lists the built-in checklists', () => {
    const run = runCli(['list'], { cwd: scratch });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('service-expectations 1.0.0');
    expect(run.stdout).toContain('customer-service-traits 1.0.0');
  });

  it('shows all six sections and eighteen factors of service-expectations', () => {
    const run = runCli(['show', 'service-expectations', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^6 sections · 18 factors · \d+ items$/m);
    const sections = run.stdout.split('\n').filter((line) => /^[├└]─ /.test(line));
    expect(sections).toHaveLength(6);
    const zh = runCli(['show', 'service-expectations', '--lang', 'zh-CN']);
    expect(zh.stdout).toContain('服务质量与可靠性');
  });

  it('says which checklists exist when asked for one that does not (exit 2)', () => {
    const run = runCli(['show', 'no-such-list']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no valid checklist "no-such-list"');
  });
});

describe('init', () => {
  it('writes a checklist with the schema comment that validates, and never overwrites it', () => {
    const first = runCli(['init', 'my-store'], { cwd: scratch });
    expect(first.code).toBe(0);
    const file = path.join(scratch, 'checklists', 'my-store.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*schema\/checklist\.schema\.json\n/);
    expect(text).toContain('id: my-store');
    expect(runCli(['validate', file]).code).toBe(0);

    writeFileSync(file, 'edited by hand\n');
    const second = runCli(['init', 'my-store'], { cwd: scratch });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe('edited by hand\n');
  });

  it('refuses an id that is not kebab-case', () => {
    const run = runCli(['init', 'My Store'], { cwd: scratch });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('kebab-case');
  });
});

describe('schema and version', () => {
  it.each(['checklist', 'audit'])('prints the %s schema as the shipped file', (kind) => {
    const run = runCli(['schema', kind]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(path.join(ROOT, `schema/${kind}.schema.json`), 'utf8'));
  });

  it('rejects an unknown schema kind with exit 2', () => {
    expect(runCli(['schema', 'report']).code).toBe(2);
  });

  it('prints the package version', () => {
    const run = runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });
});
