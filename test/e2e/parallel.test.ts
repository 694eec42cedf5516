// Many files are loaded on worker threads (src/load/parallel.ts); what the user sees must not change:
// the same bytes on stdout and stderr, the same exit code, whatever the number of threads.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASKS_PER_WORKER } from '../../src/load/parallel.js';
import { MAX_FILES_PER_TASK } from '../../src/load/worker-messages.js';
import { ROOT, runCli } from '../helpers/cli.js';

const EXAMPLES = path.join(ROOT, 'examples/audits');
/** A size limit the example audits pass and one file here does not. */
const MAX_FILE_BYTES = 64 * 1024;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'svc-audit-parallel-'));
  const examples = readdirSync(EXAMPLES);
  // More tasks than three workers hold at once, the last one short, with broken files among them.
  for (let copy = 0; copy * examples.length < MAX_FILES_PER_TASK * (TASKS_PER_WORKER * 3 + 1) + 10; copy++) {
    for (const name of examples) copyFileSync(path.join(EXAMPLES, name), path.join(dir, `${String(copy).padStart(2, '0')}-${name}`));
  }
  writeFileSync(path.join(dir, '05-broken-syntax.yaml'), 'checklist: service-expectations\nresponses: {a: [1\n');
  writeFileSync(path.join(dir, '03-unknown-item.yaml'), 'checklist: {id: service-expectations, version: 1.0.0}\nsite: S\nauditor: A\ndate: 2026-11-01\nstatus: draft\nresponses:\n  no-such-item: 3\n');
  // The main thread reads what the workers check: files refused unread or undecodable must come
  // back in their places, with the findings one thread gives.
  writeFileSync(path.join(dir, '02-empty.yaml'), '');
  writeFileSync(path.join(dir, '04-latin1.yaml'), Buffer.from('site: caf\xe9\n', 'latin1'));
  writeFileSync(path.join(dir, '06-binary.yaml'), Buffer.from([0x61, 0x3a, 0x00, 0x0a]));
  writeFileSync(path.join(dir, '07-too-large.yaml'), `site: ${'x'.repeat(MAX_FILE_BYTES)}\n`);
  if (process.platform !== 'win32') execFileSync('mkfifo', [path.join(dir, '09-fifo.yaml')]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Counts the worker threads the CLI starts, so that "the same output" cannot pass with no worker at all.
const COUNTER = fileURLToPath(new URL('../helpers/count-workers.cjs', import.meta.url));

function run(threads: number, args: readonly string[]) {
  const counted = path.join(dir, `.workers-${threads}`);
  const env = { SVC_AUDIT_THREADS: String(threads), SVC_AUDIT_MAX_FILE_BYTES: String(MAX_FILE_BYTES), NODE_OPTIONS: `--require ${COUNTER}`, WORKERS_STARTED_FILE: counted };
  const result = runCli(args, { env });
  return { ...result, workers: Number(readFileSync(counted, 'utf8')) };
}

describe('worker threads', () => {
  it.each([
    ['score json', ['score', '--format', 'json']],
    ['score csv', ['score', '--format', 'csv']],
    ['score table', ['score']],
    ['validate', ['validate']],
  ])('%s prints the same with one thread and with three', (_, args) => {
    const { workers: none, ...one } = run(1, [...args, dir]);
    const { workers, ...three } = run(3, [...args, dir]);
    // Three asked for, as many started as there are cores to run them, up to three.
    expect([none, workers]).toEqual([0, Math.min(3, os.availableParallelism())]);
    expect(one.code).toBe(1);
    expect(one.stderr).not.toContain('    at ');
    expect(three).toEqual(one);
  });

  it('starts no more threads than there are files: SVC_AUDIT_THREADS=1000 on one file starts none', () => {
    const one = path.join(dir, '00-' + readdirSync(EXAMPLES)[0]!);
    const { workers, code, stdout } = run(1000, ['score', '--format', 'json', one]);
    expect([workers, code]).toEqual([0, 0]);
    expect((JSON.parse(stdout) as { audits: unknown[] }).audits).toHaveLength(1);
  });

  it('lists the broken files with their positions, in file order', () => {
    const { stdout, code } = run(2, ['validate', '--format', 'json', dir]);
    expect(code).toBe(1);
    const findings = (JSON.parse(stdout) as { findings: { file: string; line: number; column: number }[] }).findings;
    expect(findings.map(({ file, line, column }) => `${path.basename(file)}:${line}:${column}`)).toEqual([
      '02-empty.yaml:1:1',
      '03-unknown-item.yaml:7:3',
      '04-latin1.yaml:1:10', // the é, a byte that is not UTF-8
      '05-broken-syntax.yaml:3:1', // the unclosed [ …
      '05-broken-syntax.yaml:3:1', // … and the unclosed {
      '06-binary.yaml:1:1',
      '07-too-large.yaml:1:1',
    ]);
  });
});
