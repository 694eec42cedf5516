// What the walkthrough tests share: a scratch folder per test, a CommandIo that records what was
// printed, and the demo checklist with every item type.
import { DEFAULT_MAX_FILE_BYTES } from '../../src/fs/read-file.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Chalk } from 'chalk';
import { stringify } from 'yaml';
import type { CommandIo } from '../../src/shared/io.js';
import type { Lang } from '../../src/shared/lang.js';
import { testLibrary } from '../helpers/library.js';
import { loadFile } from '../../src/load/load-file.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const DEMO_CHECKLIST = path.join(FIXTURES, 'walk-demo.yaml');

export interface RecordingIo extends CommandIo {
  readonly out: string[];
  readonly err: string[];
}

export function scratchDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'svc-audit-run-'));
}

export function recordingIo(cwd: string, lang: Lang = 'en'): RecordingIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    lang,
    cwd,
    // The remembered site and auditor go to the scratch folder, never to the real home.
    settings: { maxFileBytes: DEFAULT_MAX_FILE_BYTES, configDir: path.join(cwd, 'config', 'svc-audit') },
    colour: new Chalk({ level: 0 }),
    stdout: (text) => void out.push(typeof text === 'string' ? text : Buffer.from(text).toString()),
    stdoutReady: () => Promise.resolve(),
    stderr: (text) => void err.push(text),
    out,
    err,
  };
}

/** The findings `svc-audit validate` would report for an audit (empty: valid). */
export async function auditFindings(file: string): Promise<string[]> {
  const result = await loadFile(file, testLibrary({ dirs: [FIXTURES], cwd: path.dirname(file) }));
  return result.findings.map((finding) => `${finding.line}:${finding.column} ${finding.code}`);
}

/** Six sections of three factors of three likert items: the 54 items of a full audit. */
export function likertChecklistYaml(id: string): string {
  const sections = [1, 2, 3, 4, 5, 6].map((s) => ({
    id: `section-${s}`,
    title: `Section ${s}`,
    factors: [1, 2, 3].map((f) => ({
      id: `factor-${f}`,
      title: `Factor ${s}.${f}`,
      items: [1, 2, 3].map((i) => ({ id: `item-${s}-${f}-${i}`, text: `Observation ${s}.${f}.${i}` })),
    })),
  }));
  return stringify({ id, version: '1.0.0', title: `${id} (54 likert items)`, scale: { min: 1, max: 5 }, sections });
}
