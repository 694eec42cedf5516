// Bugs the fuzz tests found, each pinned by its smallest counterexample, so that none comes back.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreAudit } from '../../src/core/score.js';
import { testLibrary } from '../helpers/library.js';
import { loadFile } from '../../src/load/load-file.js';
import { ROOT } from '../helpers/cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'svc-audit-fuzz-found-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function load(text: string, name = 'found.yaml') {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  return loadFile(file, testLibrary({ cwd: ROOT }));
}

describe('found by fuzzing', () => {
  // yaml's parser missed the line break inside the plain scalar `.\nr` of this broken map, so every
  // syntax error after it was placed one line too early (at column 4 of the one-character line 3).
  // In a real audit with two lines swapped, the errors drifted a line further with each such scalar.
  // Lines are now counted from the text itself (yaml/source.ts linesOf).
  it('a syntax error after a multi-line plain scalar is placed on its own line', async () => {
    const { findings } = await load(' :\n\n.\nr:');
    expect(findings.map(({ code, line, column }) => ({ code, line, column }))).toEqual([
      { code: 'yaml-syntax', line: 3, column: 1 },
      { code: 'yaml-syntax', line: 4, column: 2 },
    ]);
  });

  // yaml's toJS warns through process.emitWarning when a key is a list or a map, so `validate` and
  // `score` print "(node:…) Warning: Keys with collection values will be stringified…" on stderr.
  it('a list as a key is reported without a process warning', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const { findings } = await load('? [a]\n: 1\n');
      // Node emits a warning on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(findings.map((finding) => finding.code)).toEqual(['unknown-kind']);
      expect(warnings.map((warning) => warning.message)).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  // Weights were only bounded below (> 0), so sibling weights could add up past the largest double and
  // make every score NaN (`score --format json` wrote null). Found as "every weight = 1.7976931348623157e+308".
  // Weights now stop at 1,000,000 and scale points and measure values at ±1e9: such a checklist is refused.
  it('weights adding up past the largest double are refused where they stand', async () => {
    const { findings } = await load(
      `id: huge-weights
version: 1.0.0
title: Huge weights
scale: {min: 1, max: 5}
sections:
  - {id: a, title: A, weight: 1e308, factors: [{id: f, title: F, items: [{id: one, text: One}]}]}
  - {id: b, title: B, weight: 1e308, factors: [{id: f, title: F, items: [{id: two, text: Two}]}]}
`,
      'huge-weights.yaml',
    );
    expect(findings.map(({ code, line, column }) => ({ code, line, column }))).toEqual([
      { code: 'out-of-range', line: 6, column: 31 },
      { code: 'out-of-range', line: 7, column: 31 },
    ]);
  });

  it('scale points and measure values beyond ±1e9 are refused', async () => {
    const { findings } = await load(
      `id: huge-values
version: 1.0.0
title: Huge values
scale: {min: -1e308, max: 1e308}
sections:
  - id: a
    title: A
    factors:
      - id: f
        title: F
        items:
          - {id: wait, text: Wait, type: measure, unit: s, better: higher, target: 1e308, limit: -1e308}
`,
      'huge-values.yaml',
    );
    expect(findings.map((finding) => finding.code)).toEqual(['out-of-range', 'out-of-range', 'out-of-range', 'out-of-range']);
  });
});
