// Issue 16, tried as someone out to break the tool would, through the built binary: a user's audit
// is never destroyed (every file is checked byte for byte afterwards), and no odd path, name or
// output target ends in a stall, a wrong answer or "unexpected error … bug".
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';
import { AS_NOBODY, cloneReachableAsNobody, UNREACHABLE_AS_NOBODY } from '../helpers/nobody.js';

const EXAMPLE = path.join(ROOT, 'examples/audits/2026-11-03-store-042-nanjing-rd-expectations.yaml');
const RULES_CHECKLIST = path.join(ROOT, 'test/fixtures/rules/checklists/rules-base.yaml');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'svc-audit-reliability-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let dir: string;
let cases = 0;
beforeEach(() => {
  dir = path.join(scratch, `case-${++cases}`);
  mkdirSync(dir);
});

/** Every file under `folder` with its bytes, to compare before and after a command. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile()) files[path.relative(folder, file)] = readFileSync(file).toString('base64');
    else if (entry.isSymbolicLink()) files[path.relative(folder, file)] = `-> ${readlinkSync(file)}`;
  }
  return files;
}

const cli = (args: readonly string[]) => runCli(args, { cwd: dir });

/** One line on stderr, exit 2, and no sign of a crash. */
function expectOneLineRefusal(run: { code: number | null; stderr: string }, says: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(says);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/unexpected error|bug|    at /);
}

describe('an output that is one of the inputs is refused, nothing touched (1)', () => {
  it.each([
    ['the same name', ['report', 'a.yaml', '-o', 'a.yaml']],
    ['another spelling of it', ['report', 'a.yaml', '-o', './sub/../a.yaml']],
    ['a file found by walking a folder', ['report', '.', '-o', 'a.yaml']],
    ['a link to it', ['report', '.', '-o', 'link.md']],
  ])('report -o %s', (_, args) => {
    copyFileSync(EXAMPLE, path.join(dir, 'a.yaml'));
    mkdirSync(path.join(dir, 'sub'));
    symlinkSync('a.yaml', path.join(dir, 'link.md'));
    const before = snapshot(dir);
    const run = cli(args);
    expectOneLineRefusal(run, /^svc-audit: the output .* is the input .*a\.yaml; nothing was written/);
    expect(run.stdout).toBe('');
    expect(snapshot(dir)).toEqual(before);
  });

  it('init -o onto the checklist it starts from', () => {
    copyFileSync(RULES_CHECKLIST, path.join(dir, 'base.yaml'));
    const before = snapshot(dir);
    expectOneLineRefusal(cli(['init', 'new-list', '--from', 'base.yaml', '-o', 'base.yaml']), /the output base\.yaml is the input/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('-o onto what is already there (2, 3)', () => {
  it('a device is written through and stays the device', () => {
    const before = statSync('/dev/null');
    const run = cli(['report', EXAMPLE, '-o', '/dev/null']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const after = statSync('/dev/null');
    expect(after.isCharacterDevice()).toBe(true);
    expect([after.ino, after.rdev]).toEqual([before.ino, before.rdev]);
  });

  it('-o /dev/stdout writes the report where standard output goes', () => {
    // A file here: a pipe is written through like any device, and the socket a test runner may give
    // cannot be opened by name at all (ENXIO).
    const out = openSync(path.join(dir, 'stdout.md'), 'w');
    const run = spawnSync(process.execPath, [BIN, 'report', EXAMPLE, '-o', '/dev/stdout'], {
      cwd: dir,
      stdio: ['ignore', out, 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0', LANG: 'en_US.UTF-8', LC_ALL: '' },
      encoding: 'utf8',
    });
    closeSync(out);
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(readFileSync(path.join(dir, 'stdout.md'), 'utf8')).toBe(cli(['report', EXAMPLE]).stdout);
    expect(readdirSync(dir)).toEqual(['stdout.md']);
  });

  it('a link is followed to its file, which gets the report, and stays a link', () => {
    mkdirSync(path.join(dir, 'reports'));
    writeFileSync(path.join(dir, 'reports', 'november.md'), 'old\n');
    symlinkSync('reports/november.md', path.join(dir, 'latest.md'));
    const run = cli(['report', EXAMPLE, '-o', 'latest.md']);
    expect(run.code).toBe(0);
    expect(lstatSync(path.join(dir, 'latest.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'reports', 'november.md'), 'utf8')).toBe(cli(['report', EXAMPLE]).stdout);
    expect(readdirSync(path.join(dir, 'reports'))).toEqual(['november.md']);
  });

  it.each([0o600, 0o664])('a replaced report keeps its mode %o', (mode) => {
    writeFileSync(path.join(dir, 'report.md'), 'old\n');
    chmodSync(path.join(dir, 'report.md'), mode);
    expect(cli(['report', EXAMPLE, '-o', 'report.md']).code).toBe(0);
    expect(statSync(path.join(dir, 'report.md')).mode & 0o777).toBe(mode);
    expect(readFileSync(path.join(dir, 'report.md'), 'utf8')).toBe(cli(['report', EXAMPLE]).stdout);
  });
});

describe('two different checklists under one id and version (5)', () => {
  const audit = 'checklist: list.yaml\nsite: S\nauditor: A\ndate: 2026-11-01\nstatus: draft\nresponses: {greets: 4}\n';

  function twoSites(same: boolean) {
    for (const site of ['a', 'b']) {
      mkdirSync(path.join(dir, site));
      writeFileSync(path.join(dir, site, 'audit.yaml'), audit);
    }
    copyFileSync(RULES_CHECKLIST, path.join(dir, 'a', 'list.yaml'));
    const text = readFileSync(RULES_CHECKLIST, 'utf8');
    writeFileSync(path.join(dir, 'b', 'list.yaml'), same ? text : text.replace('text: Greets every customer', 'text: Greets warmly'));
  }

  it.each([['validate'], ['score'], ['report']])('%s refuses the second, naming both files', (command) => {
    twoSites(false);
    const before = snapshot(dir);
    const run = cli([command, 'a/audit.yaml', 'b/audit.yaml']);
    expect(run.code).toBe(1);
    expect(`${run.stdout}${run.stderr}`).toContain(
      'b/audit.yaml:1:1: checklist rules-base 1.2.0 differs between a/list.yaml, b/list.yaml: scores could not say which one they mean; give one of them a new version (or id) [checklist-ambiguous]',
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('copies of one checklist are one checklist', () => {
    twoSites(true);
    const run = cli(['score', '--format', 'json', 'a/audit.yaml', 'b/audit.yaml']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { audits: unknown[] }).audits).toHaveLength(2);
  });
});

describe('no stalls (6)', () => {
  it('validate nope.yaml pipe.yaml: a missing checklist beside a FIFO ends at once with findings', () => {
    writeFileSync(path.join(dir, 'nope.yaml'), 'checklist: {id: no-such-list, version: 1.0.0}\nsite: S\nauditor: A\ndate: 2026-11-01\nstatus: draft\nresponses: {greets: 4}\n');
    expect(spawnSync('mkfifo', [path.join(dir, 'pipe.yaml')]).status).toBe(0);
    // A hang would be killed here, and fail on the exit code; how fast it ends is the bench's business.
    const run = spawnSync(process.execPath, [BIN, 'validate', 'nope.yaml', 'pipe.yaml'], {
      cwd: dir,
      env: { ...process.env, FORCE_COLOR: '0', LANG: 'en_US.UTF-8', LC_ALL: '' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('nope.yaml:1:12: ');
    expect(run.stdout).toContain('[checklist-not-found]');
    expect(run.stdout).toContain('pipe.yaml:1:1: ');
    expect(run.stdout).toContain('[not-a-file]');
    expect(statSync(path.join(dir, 'pipe.yaml')).isFIFO()).toBe(true);
  });
});

describe('file names that are not UTF-8 (9)', () => {
  const LATIN1 = Buffer.from('caf\xe9.yaml', 'latin1');
  const GBK = Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x2e, 0x79, 0x61, 0x6d, 0x6c]); // 你好.yaml in GBK

  function oddNames(): void {
    const bytes = readFileSync(EXAMPLE);
    for (const name of [LATIN1, GBK]) writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), name]), bytes);
  }

  it('are found in a folder, read, and shown escaped', () => {
    oddNames();
    const run = cli(['score', '--format', 'json', '.']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const files = (JSON.parse(run.stdout) as { audits: { file: string }[] }).audits.map(({ file }) => file);
    expect(files).toEqual(['\\xC4\\xE3\\xBA\\xC3.yaml', 'caf\\xE9.yaml']);
  });

  it('are opened by their bytes when given on the command line', () => {
    oddNames();
    // Node can only pass arguments as UTF-8: the shell hands over the bytes, as it does for a glob.
    const run = spawnSync('sh', ['-c', `exec "$0" "$1" validate "$(printf 'caf\\351.yaml')" "$(printf '\\304\\343\\272\\303.yaml')"`, process.execPath, BIN], {
      cwd: dir,
      env: { ...process.env, FORCE_COLOR: '0', LANG: 'en_US.UTF-8', LC_ALL: '' },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('✔ 2 files checked, no problems\n');
    expect(run.status).toBe(0);
  });

  it('show opens a checklist of such a name given on the command line', () => {
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), LATIN1]), readFileSync(RULES_CHECKLIST));
    const run = spawnSync('sh', ['-c', `exec "$0" "$1" show "$(printf 'caf\\351.yaml')"`, process.execPath, BIN], {
      cwd: dir,
      env: { ...process.env, FORCE_COLOR: '0', LANG: 'en_US.UTF-8', LC_ALL: '' },
      encoding: 'utf8',
    });
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(runCli(['show', RULES_CHECKLIST]).stdout);
  });

  it('a broken file of such a name is named escaped, not "does not exist"', () => {
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), LATIN1]), 'checklist: [\n');
    const run = cli(['validate', '.']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^caf\\xE9\.yaml:\d+:\d+: /);
    expect(run.stdout).not.toMatch(/ENOENT|does not exist/);
  });
});

describe('a gate with nothing to gate (12)', () => {
  it.each([['table'], ['json'], ['csv']])('score checklists/ --fail-under 70 --format %s fails: nothing was scored', (format) => {
    const run = runCli(['score', 'checklists/', '--fail-under', '70', '--format', format]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no audit was scored to hold to --fail-under 70\n');
  });

  it('without a gate, nothing scored is no failure', () => {
    expect(runCli(['score', 'checklists/']).code).toBe(0);
  });
});

describe('write errors are one clear line, exit 2 (13)', () => {
  it.runIf(cloneReachableAsNobody())(`init in a read-only folder${cloneReachableAsNobody() ? '' : UNREACHABLE_AS_NOBODY}`, () => {
    chmodSync(dir, 0o555);
    const run = spawnSync(process.execPath, [BIN, 'init', 'my-list', '-o', 'my-list.yaml'], {
      ...AS_NOBODY,
      cwd: dir,
      env: { ...process.env, FORCE_COLOR: '0', LANG: 'en_US.UTF-8', LC_ALL: '' },
      encoding: 'utf8',
    });
    chmodSync(dir, 0o755);
    expectOneLineRefusal(
      { code: run.status, stderr: run.stderr },
      new RegExp(`^svc-audit: cannot write my-list\\.yaml: no permission to write in ${dir} \\(EACCES\\); any previous file is unchanged\\n$`),
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('init -o /dev/full', () => {
    expectOneLineRefusal(cli(['init', 'my-list', '-o', '/dev/full']), /^svc-audit: cannot write .*full: the disk holding \/dev is full \(ENOSPC\)/);
  });

  it('init with a 235-character id: the file is made, and nothing else', () => {
    const id = `${'a'.repeat(117)}-${'b'.repeat(117)}`;
    const run = cli(['init', id]);
    expect(run.code).toBe(0);
    expect(readdirSync(path.join(dir, 'checklists'))).toEqual([`${id}.yaml`]);
    expect(readFileSync(path.join(dir, 'checklists', `${id}.yaml`), 'utf8')).toContain(`id: ${id}\n`);
  });

  it.each([
    ['list', ['list']],
    ['show', ['show', 'service-expectations']],
    ['validate', ['validate', EXAMPLE]],
    ['score', ['score', EXAMPLE]],
    ['score --format json', ['score', '--format', 'json', EXAMPLE]],
    ['report', ['report', EXAMPLE]],
    ['schema', ['schema', 'audit']],
  ])('%s > /dev/full', (_, args) => {
    const full = openSync('/dev/full', 'w');
    const run = spawnSync(process.execPath, [BIN, ...args], {
      cwd: dir,
      stdio: ['ignore', full, 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0', LANG: 'en_US.UTF-8', LC_ALL: '' },
      encoding: 'utf8',
    });
    closeSync(full);
    expectOneLineRefusal({ code: run.status, stderr: run.stderr }, /^svc-audit: cannot write to standard output: the disk is full \(ENOSPC\)\n$/);
  });

  it('report -o /dev/full', () => {
    expectOneLineRefusal(cli(['report', EXAMPLE, '-o', '/dev/full']), /^svc-audit: cannot write \/dev\/full: the disk holding \/dev is full \(ENOSPC\)/);
  });
});

describe('smaller points (14)', () => {
  it('score d d/a.yaml ./d/a.yaml scores a.yaml once', () => {
    mkdirSync(path.join(dir, 'd'));
    copyFileSync(EXAMPLE, path.join(dir, 'd', 'a.yaml'));
    const run = cli(['score', '--format', 'json', 'd', 'd/a.yaml', './d/a.yaml', `${dir}/d/a.yaml`]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { audits: { file: string }[] }).audits.map(({ file }) => file)).toEqual(['d/a.yaml']);
  });

  it('show on an existing but invalid checklist says it is invalid, with its findings', () => {
    writeFileSync(path.join(dir, 'bad.yaml'), readFileSync(RULES_CHECKLIST, 'utf8').replace('max: 5', 'max: 1000000000'));
    const before = snapshot(dir);
    const run = cli(['show', 'bad.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bad.yaml:');
    expect(run.stderr).toContain('[scale-too-long]');
    expect(run.stderr).toContain('svc-audit: bad.yaml is not a valid checklist (1 problem)');
    expect(run.stderr).not.toMatch(/no valid checklist|not found/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('an audit naming a checklist file that exists but is not valid', () => {
  it('says the file is invalid and where its first problem is, not that it was not found', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'svc-audit-invalid-checklist-'));
    writeFileSync(path.join(dir, 'bad.yaml'), 'id: x\nversion: 1.0.0\ntitle: X\nsections: [\n');
    writeFileSync(path.join(dir, 'a.yaml'), 'checklist: bad.yaml\nsite: S\nauditor: A\ndate: 2026-11-01\nstatus: draft\nresponses: {}\n');
    const run = runCli(['validate', 'a.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'a.yaml:1:12: the checklist file bad.yaml exists but is not a valid checklist (first problem at bad.yaml:5:1 [yaml-syntax]); svc-audit validate on it shows every problem [checklist-invalid]',
    );
    rmSync(dir, { recursive: true, force: true });
  });
});
