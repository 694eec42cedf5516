// Odd inputs from many laptops, chat apps, spreadsheets and attackers: each one gets its exact
// finding (code, line, column) and a clear message, one bad file never costs the others their
// results, and nothing ever ends in a stack trace.
import { spawnSync, execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { FINDING_CODES, type Finding } from '../../src/shared/findings.js';
import { describeFinding } from '../../src/format/finding-messages.js';
import { expandPaths } from '../../src/load/discover.js';
import { testLibrary } from '../helpers/library.js';
import { loadFile } from '../../src/load/load-file.js';
import { DEFAULT_MAX_FILE_BYTES } from '../../src/fs/read-file.js';
import { settingsFrom } from '../../src/cli/io.js';
import { AS_NOBODY, cloneReachableAsNobody, UNREACHABLE_AS_NOBODY } from '../helpers/nobody.js';
import { MAX_ALIASES, MAX_NESTING } from '../../src/yaml/source.js';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

const ODD = path.join(ROOT, 'test/fixtures/odd');
const RULES_CHECKLISTS = path.join(ROOT, 'test/fixtures/rules/checklists');
const expected = JSON.parse(readFileSync(path.join(ODD, 'expected.json'), 'utf8')) as Record<
  string,
  { code: string; line: number; column: number }[]
>;
const library = () => testLibrary({ dirs: [RULES_CHECKLISTS] });
const scratch = mkdtempSync(path.join(tmpdir(), 'svc-audit-odd-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

const AUDIT_HEAD = 'checklist: {id: rules-base, version: 1.2.0}\nsite: Store 1\nauditor: Li Wei\ndate: 2026-11-23\nstatus: draft\n';
const VALID_AUDIT = `${AUDIT_HEAD}responses: {greets: 4}\n`;

function scratchFile(name: string, contents: string | Uint8Array): string {
  const file = path.join(scratch, name);
  writeFileSync(file, contents);
  return file;
}

const where = (findings: readonly Finding[]) => findings.map(({ code, line, column }) => ({ code, line, column }));

/** Every message names a known code, reads in both languages, and quotes nothing raw or endless. */
function expectClearMessages(findings: readonly Finding[]): void {
  for (const finding of findings) {
    expect(FINDING_CODES).toContain(finding.code);
    for (const lang of ['en', 'zh-CN'] as const) {
      const message = describeFinding(finding, lang);
      expect(message).not.toMatch(/undefined|NaN|\[object/);
      expect(message.length).toBeGreaterThan(10);
      expect(message.length).toBeLessThan(400);
      expect(message).not.toMatch(/[\u0000-\u001f]/);
    }
  }
}

async function load(file: string): Promise<Finding[]> {
  const { findings } = await loadFile(file, library());
  expectClearMessages(findings);
  return findings;
}

describe('odd input fixtures', () => {
  it('every fixture has its expected findings written down', () => {
    const fixtures = readdirSync(ODD).filter((name) => name.endsWith('.yaml'));
    expect(fixtures.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s', async (name, findings) => {
    expect(where(await load(path.join(ODD, name)))).toEqual(findings);
  });

  it('touches no prototype, whatever keys the files use', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const name of Object.keys(expected).filter((name) => /proto|constructor/.test(name))) await load(path.join(ODD, name));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });
});

describe('odd bytes', () => {
  it('refuses binary data at its start', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(where(await load(scratchFile('picture.yaml', png)))).toEqual([{ code: 'binary-file', line: 1, column: 1 }]);
  });

  it('refuses text that is not UTF-8 at its first bad byte', async () => {
    const latin1 = Buffer.from(`${AUDIT_HEAD.replace('Store 1', 'Café 1')}responses: {}\n`, 'latin1');
    expect(where(await load(scratchFile('latin1.yaml', latin1)))).toEqual([{ code: 'not-utf8', line: 2, column: 10 }]);
  });

  it('refuses UTF-16 as not UTF-8 rather than as binary', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VALID_AUDIT, 'utf16le')]);
    expect(where(await load(scratchFile('utf16.yaml', utf16)))).toEqual([{ code: 'not-utf8', line: 1, column: 1 }]);
  });

  it('reads very long lines, and quotes them back short', async () => {
    const longSite = scratchFile('long-site.yaml', VALID_AUDIT.replace('Store 1', 'S'.repeat(200_000)));
    expect(await load(longSite)).toEqual([]);
    const longValue = scratchFile('long-value.yaml', `${AUDIT_HEAD}responses: {greets: ${'4'.repeat(100_000)}x}\n`);
    expect(where(await load(longValue))).toEqual([{ code: 'bad-value', line: 6, column: 21 }]);
    const longKey = scratchFile('long-key.yaml', `${VALID_AUDIT}y${'k'.repeat(1_000)}: 1\n`);
    expect(where(await load(longKey))).toEqual([{ code: 'unknown-key', line: 7, column: 1 }]);
    // YAML itself allows implicit keys of at most 1024 characters.
    const longerKey = scratchFile('longer-key.yaml', `${VALID_AUDIT}y${'k'.repeat(100_000)}: 1\n`);
    expect(where(await load(longerKey))).toEqual([{ code: 'yaml-syntax', line: 7, column: 1 }]);
  });
});

describe('odd structure', () => {
  it(`refuses more than ${MAX_NESTING} levels at the first level too many, without blowing the stack`, async () => {
    const lists = scratchFile('deep-lists.yaml', `${AUDIT_HEAD}responses: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    // Level 1 is the top map; `[` number 100 opens level 101, at offset 11 + 99 of line 6.
    expect(where(await load(lists))).toEqual([{ code: 'too-deep', line: 6, column: 111 }]);
    const dashes = scratchFile('deep-dashes.yaml', `${AUDIT_HEAD}responses:\n  ${'- '.repeat(10_000)}x\n`);
    expect(where(await load(dashes))).toEqual([{ code: 'too-deep', line: 7, column: 201 }]);
  });

  it(`accepts exactly ${MAX_NESTING} levels`, async () => {
    const deepest = scratchFile('deepest.yaml', `${VALID_AUDIT}x-deep: ${'['.repeat(MAX_NESTING - 1)}${']'.repeat(MAX_NESTING - 1)}\n`);
    expect(await load(deepest)).toEqual([]);
  });

  it(`refuses alias number ${MAX_ALIASES + 1} where it stands`, async () => {
    const uses = Array.from({ length: MAX_ALIASES + 1 }, () => '  - *note').join('\n');
    const file = scratchFile('many-aliases.yaml', `${AUDIT_HEAD}x-note: &note seen\nx-notes:\n${uses}\nresponses: {}\n`);
    expect(where(await load(file))).toEqual([{ code: 'too-many-aliases', line: 8 + MAX_ALIASES, column: 5 }]);
  });

  it('refuses the alias bomb quickly, without multiplying it in memory', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    await load(path.join(ODD, 'alias-bomb.yaml'));
    // Loose bounds that hold on any machine: the bomb would be 9^9 lists if it were expanded.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * 1024 * 1024);
  });
});

describe('odd files', () => {
  it(`refuses a file over ${DEFAULT_MAX_FILE_BYTES} bytes from its size alone`, async () => {
    const huge = path.join(scratch, 'huge.yaml');
    // Sparse: the size is real, the bytes are never written, and reading them would show in the time.
    writeFileSync(huge, '');
    truncateSync(huge, DEFAULT_MAX_FILE_BYTES + 1);
    const started = performance.now();
    const findings = await load(huge);
    expect(performance.now() - started).toBeLessThan(200);
    expect(findings).toMatchObject([{ code: 'too-large', line: 1, column: 1, params: { size: DEFAULT_MAX_FILE_BYTES + 1, limit: DEFAULT_MAX_FILE_BYTES } }]);
    expect(describeFinding(findings[0]!, 'en')).toContain('5.0 MB (5242881 bytes), over the limit of 5.0 MB (5242880 bytes)');
  });

  it('takes its limit from SVC_AUDIT_MAX_FILE_BYTES, and ignores a limit that is not a number of bytes', async () => {
    const file = path.join(RULES_CHECKLISTS, 'rules-base.yaml');
    const size = readFileSync(file).length;
    const limitFrom = (value: string) => settingsFrom({ SVC_AUDIT_MAX_FILE_BYTES: value }).maxFileBytes;
    const loadWithin = async (maxFileBytes: number) =>
      (await loadFile(file, testLibrary({ dirs: [RULES_CHECKLISTS], maxFileBytes }))).findings;
    expect(await loadWithin(limitFrom(String(size)))).toEqual([]);
    expect(where(await loadWithin(limitFrom(String(size - 1))))).toEqual([{ code: 'too-large', line: 1, column: 1 }]);
    expect(limitFrom('10MB')).toBe(DEFAULT_MAX_FILE_BYTES);
  });

  it('refuses devices and pipes without reading them', async () => {
    expect(where(await load('/dev/zero'))).toEqual([{ code: 'not-a-file', line: 1, column: 1 }]);
    const fifo = path.join(scratch, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(where(await load(fifo))).toEqual([{ code: 'not-a-file', line: 1, column: 1 }]);
  });

  it('walks a folder with link loops to its end, following links to files only', async () => {
    const dir = path.join(scratch, 'loops');
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    writeFileSync(path.join(dir, 'sub', 'audit.yaml'), VALID_AUDIT);
    symlinkSync('..', path.join(dir, 'sub', 'up'));
    symlinkSync('loop', path.join(dir, 'loop'));
    symlinkSync('self.yaml', path.join(dir, 'self.yaml'));
    symlinkSync('sub/audit.yaml', path.join(dir, 'linked.yaml'));
    symlinkSync('missing.yaml', path.join(dir, 'gone.yaml'));
    const files = await expandPaths([dir]);
    // linked.yaml is sub/audit.yaml by its real path: the file is loaded once, under the name found first.
    expect(files.map((file) => path.relative(dir, file))).toEqual(['gone.yaml', 'linked.yaml', 'self.yaml']);
    const results = await Promise.all(files.map(load));
    expect(results.map((findings) => findings.map((finding) => finding.params.reason ?? finding.code))).toEqual([['ENOENT'], [], ['ELOOP']]);
  });
});

// A preload that breaks the command from outside, as a bug would: each line below becomes a
// `--import data:` module run before the binary.
function runBroken(breakage: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const preload = `const write = process.stdout.write.bind(process.stdout); process.stdout.write = (...text) => { ${breakage}; return write(...text); };`;
  return runCli(args, { env: { NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(preload)}`, ...env } });
}

describe('batches through the built binary', () => {
  const total = Object.values(expected).flat().length;
  const badFiles = Object.keys(expected).filter((name) => expected[name]!.length > 0);
  const goodFiles = Object.keys(expected).filter((name) => expected[name]!.length === 0);

  it('validates every file of the odd corpus and lists each finding with its position', () => {
    const run = runCli(['validate', '--checklists', RULES_CHECKLISTS, 'test/fixtures/odd', 'test/fixtures/valid']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    for (const [name, findings] of Object.entries(expected)) {
      const lines = run.stdout.split('\n').filter((line) => line.startsWith(`test/fixtures/odd/${name}:`));
      expect(lines.map((line) => /:(\d+):(\d+): .* \[([a-z0-9-]+)\]$/.exec(line)?.slice(1))).toEqual(
        findings.map(({ code, line, column }) => [String(line), String(column), code]),
      );
    }
    const files = Object.keys(expected).length + readdirSync(path.join(ROOT, 'test/fixtures/valid')).length;
    expect(run.stdout).toMatch(new RegExp(`✖ ${total} problems in ${badFiles.length} of ${files} files\\n$`));
  });

  it('scores every good audit among bad files, lists the bad ones, and exits 1', () => {
    const run = runCli(['score', '--format', 'json', '--checklists', RULES_CHECKLISTS, 'examples/audits', 'test/fixtures/odd']);
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout) as { audits: { file: string }[]; errors: { file: string; line: number; column: number }[] };
    const examples = readdirSync(path.join(ROOT, 'examples/audits'));
    expect(output.audits.map((audit) => path.basename(audit.file)).sort()).toEqual([...examples, ...goodFiles].sort());
    expect([...new Set(output.errors.map((error) => path.basename(error.file)))].sort()).toEqual(badFiles.sort());
    expect(output.errors.length).toBe(total);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('says the size and the limit when SVC_AUDIT_MAX_FILE_BYTES refuses a file', () => {
    const run = runCli(['validate', 'test/fixtures/valid'], { env: { SVC_AUDIT_MAX_FILE_BYTES: '100' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/:1:1: the file is \d+ bytes, over the limit of 100 bytes, so it was not read; .*SVC_AUDIT_MAX_FILE_BYTES/);
  });

  it.skipIf(!cloneReachableAsNobody())(`reports a folder it may not list and checks the rest${cloneReachableAsNobody() ? '' : UNREACHABLE_AS_NOBODY}`, () => {
    const dir = path.join(scratch, 'locked-batch');
    mkdirSync(path.join(dir, 'locked'), { recursive: true });
    writeFileSync(path.join(dir, 'good.yaml'), readFileSync(path.join(ROOT, 'test/fixtures/rules/checklists/rules-base.yaml')));
    writeFileSync(path.join(dir, 'locked', 'hidden.yaml'), VALID_AUDIT);
    chmodSync(path.join(dir, 'locked'), 0o000);
    // root reads any folder: the walk then runs as nobody, who may not list it but may reach it.
    chmodSync(scratch, 0o755);
    const run = spawnSync(process.execPath, [BIN, 'validate', dir], { ...AS_NOBODY, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' } });
    chmodSync(path.join(dir, 'locked'), 0o755);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      `${path.join(dir, 'locked')}:1:1: cannot read the file: permission denied (EACCES) [unreadable]\n✖ 1 problem in 1 of 2 files\n`,
    );
  });
});

describe('unexpected errors through the built binary', () => {
  const HINT = 'This is a bug in svc-audit; please report it with the command you ran.\n';

  it('turns an error inside a command into one line and a hint, exit 2', () => {
    const run = runBroken('throw new Error("boom\\n    at secret/place.js:1:1")', ['schema', 'audit']);
    expect(run.stderr).toBe(`svc-audit: unexpected error: boom\n${HINT}`);
    expect(run.code).toBe(2);
  });

  it('does the same for a promise nobody awaited and for an error thrown in a callback', () => {
    const rejected = runBroken('Promise.reject(new Error("stray promise"))', ['validate', 'test/fixtures/valid']);
    expect(rejected.stderr).toBe(`svc-audit: unexpected error: stray promise\n${HINT}`);
    expect(rejected.code).toBe(2);
    const thrown = runBroken('setImmediate(() => { throw new Error("stray throw"); })', ['validate', 'test/fixtures/valid']);
    expect(thrown.stderr).toBe(`svc-audit: unexpected error: stray throw\n${HINT}`);
    expect(thrown.code).toBe(2);
  });

  it('speaks the user’s language', () => {
    const run = runBroken('Promise.reject(new Error("stray"))', ['validate', 'test/fixtures/valid'], { LANG: 'zh_CN.UTF-8' });
    expect(run.stderr).toBe('svc-audit: 意外错误:stray\n这是 svc-audit 的缺陷;请连同所运行的命令一起报告。\n');
  });

  it('ends quietly when the reader of its output goes away', () => {
    const epipe = 'setImmediate(() => process.stdout.emit("error", Object.assign(new Error("write EPIPE"), { code: "EPIPE" })))';
    const run = runBroken(epipe, ['validate', 'test/fixtures/valid']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(141);
  });
});
