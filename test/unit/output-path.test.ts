// An output is refused when it is one of the inputs, however it is named; any other output passes.
import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutputPath } from '../../src/fs/output-path.js';

let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(path.join(os.tmpdir(), 'svc-audit-output-'));
  mkdirSync(path.join(cwd, 'sub'));
  writeFileSync(path.join(cwd, 'a.yaml'), 'id: a\n');
  writeFileSync(path.join(cwd, 'b.yaml'), 'id: b\n');
  linkSync(path.join(cwd, 'a.yaml'), path.join(cwd, 'sub', 'hard.md'));
  symlinkSync('a.yaml', path.join(cwd, 'soft.md'));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const check = (out: string, inputs: readonly string[]) => () => checkOutputPath(out, inputs, { cwd, lang: 'en' });

describe('checkOutputPath', () => {
  it.each([
    ['the same name', 'a.yaml', ['a.yaml']],
    ['another spelling', './sub/../a.yaml', ['a.yaml']],
    ['a hard link to it, by another name', 'sub/hard.md', ['b.yaml', 'a.yaml']],
    ['a symbolic link to it', 'soft.md', ['a.yaml']],
    ['a missing input, by the same name', './missing.yaml', ['missing.yaml']],
  ])('refuses %s', (_, out, inputs) => {
    expect(check(out, inputs)).toThrow(/^the output .* is the input .*; nothing was written/);
  });

  it.each([
    ['another file', 'b.yaml', ['a.yaml']],
    ['a new file beside the inputs', 'report.md', ['a.yaml', 'missing.yaml']],
    ['a missing file by the same name in another folder', 'sub/missing.yaml', ['missing.yaml']],
  ])('lets %s be written', (_, out, inputs) => {
    expect(check(out, inputs)).not.toThrow();
  });

  it('finds the input among many, at the end of the list', () => {
    const inputs = [...Array.from({ length: 20_000 }, (_, index) => `gone-${index}.yaml`), 'b.yaml', 'a.yaml'];
    expect(check('sub/hard.md', inputs)).toThrow('the output sub/hard.md is the input a.yaml');
    expect(check('new.md', inputs)).not.toThrow();
  });
});
