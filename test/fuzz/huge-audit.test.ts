// One audit with 10⁵ answers to a checklist of 10⁵ items, with one thing done to it at a random
// place: a key repeated, an anchor (which sends it to the position-aware parse), an answer to no
// item, or nothing. It must load with exactly the finding that thing calls for, at its line. Only in
// `npm run fuzz` (FUZZ_RUNS above the default): a case takes seconds, not the milliseconds of the others.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFile } from '../../src/load/load-file.js';
import { testLibrary } from '../helpers/library.js';
import { FULL_FUZZ, FUZZ_SEED } from './harness.js';

const KEYS = 100_000;
const scratch = mkdtempSync(path.join(tmpdir(), 'svc-audit-fuzz-huge-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const checklistFile = path.join(scratch, 'many-items.yaml');
writeFileSync(
  checklistFile,
  `id: many-items\nversion: 1.0.0\ntitle: Many\nscale: {min: 1, max: 5}\nsections:\n  - id: s\n    title: S\n    factors:\n      - id: f\n        title: F\n        items:\n${Array.from({ length: KEYS }, (_, i) => `          - {id: i-${i}, text: t}`).join('\n')}\n`,
);
const HEAD = ['checklist: many-items.yaml', 'site: Store 1', 'auditor: Li Wei', 'date: 2026-11-23', 'status: draft', 'responses:'];

type Change = 'repeat' | 'anchor' | 'unknown' | 'none';

describe.runIf(FULL_FUZZ)('an audit of 10⁵ answers', () => {
  it.each<Change>(['repeat', 'anchor', 'unknown', 'none'])('with %s loads with exactly the finding it calls for', async (change) => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: KEYS - 1 }), async (at) => {
        const answers = Array.from({ length: KEYS }, (_, i) => `  i-${i}: ${(i % 5) + 1}`);
        const repeated = (at + 1) % KEYS;
        if (change === 'repeat') answers.splice(at, 0, `  i-${repeated}: 3`);
        if (change === 'anchor') answers[at] = `  i-${at}: &point 3`;
        if (change === 'unknown') answers.splice(at, 0, '  no-such-item: 3');
        const file = path.join(scratch, `${change}.yaml`);
        writeFileSync(file, `${[...HEAD, ...answers].join('\n')}\n`);
        const { findings } = await loadFile(file, testLibrary({ cwd: scratch }));
        const lineOf = (index: number) => HEAD.length + index + 1;
        // The finding names the later of the two keys: the original after the inserted one, or, for
        // the last place, the inserted i-0 after the original at the top.
        const repeatLine = repeated === 0 ? lineOf(at) : lineOf(at + 2);
        const expected = { repeat: [`duplicate-key ${repeatLine}`], anchor: [], unknown: [`unknown-item ${lineOf(at)}`], none: [] }[change];
        expect(findings.map(({ code, line }) => `${code} ${line}`)).toEqual(expected);
      }),
      { numRuns: 1, seed: FUZZ_SEED },
    );
  }, 120_000);
});
