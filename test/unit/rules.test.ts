// One fixture per rule, each with the exact finding (code, line, column) it must produce.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFinding } from '../../src/format/finding-messages.js';
import { testLibrary } from '../helpers/library.js';
import { loadFile } from '../../src/load/load-file.js';
import { ROOT } from '../helpers/cli.js';

const RULES = path.join(ROOT, 'test/fixtures/rules');
const expected = JSON.parse(readFileSync(path.join(RULES, 'expected.json'), 'utf8')) as Record<
  string,
  { code: string; line: number; column: number }[]
>;
const library = () => testLibrary({ dirs: [path.join(RULES, 'checklists')] });

describe('rule fixtures', () => {
  it('every fixture has its expected findings written down', () => {
    const fixtures = readdirSync(RULES).filter((name) => name.endsWith('.yaml'));
    expect(fixtures.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s', async (name, findings) => {
    const result = await loadFile(path.join(RULES, name), library());
    expect(result.findings.map(({ code, line, column }) => ({ code, line, column }))).toEqual(findings);
    for (const finding of result.findings) {
      for (const lang of ['en', 'zh-CN'] as const) {
        const message = describeFinding(finding, lang);
        expect(message).not.toMatch(/undefined|\[object/);
        expect(message.length).toBeGreaterThan(10);
      }
    }
  });

  it('accepts x- keys, other scales and drafts that leave items out', async () => {
    for (const name of readdirSync(path.join(ROOT, 'test/fixtures/valid'))) {
      const result = await loadFile(path.join(ROOT, 'test/fixtures/valid', name), library());
      expect(result.findings, name).toEqual([]);
    }
  });
});

describe('what the bounds say is allowed', () => {
  const messageOf = async (name: string) => {
    const [finding] = (await loadFile(path.join(RULES, name), library())).findings;
    return finding && describeFinding(finding, 'en');
  };

  it('a scale of a billion points: at most 101', async () => {
    expect(await messageOf('scale-too-long.yaml')).toBe(
      'the scale 1..1000000000 has too many points: at most 101 (max − min ≤ 100), e.g. 1..5 or 0..100',
    );
  });

  it('a weight of 5e-324: a millionth at least', async () => {
    expect(await messageOf('weight-too-small.yaml')).toBe('5e-324 is out of range: it must be >= 0.000001');
  });

  it('.inf: named for what it is, not as "a number"', async () => {
    expect(await messageOf('weight-infinite.yaml')).toBe('wrong type: expected a finite number, found .inf, .nan or a number too large to hold (like 1e400)');
  });
});
