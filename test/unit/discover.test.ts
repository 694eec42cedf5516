// The names a walk shows are what path.join makes of the folder as given and the names below it,
// however the folder is written, and each file comes once.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandPaths } from '../../src/load/discover.js';

let scratch: string;
const NAMES = ['a.yaml', 'b.YML', path.join('site 1', 'c.yaml'), path.join('site 1', 'deeper', 'd.yml')];

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'svc-audit-discover-'));
  for (const name of NAMES) {
    mkdirSync(path.dirname(path.join(scratch, 'd', name)), { recursive: true });
    writeFileSync(path.join(scratch, 'd', name), 'id: x\n');
  }
  writeFileSync(path.join(scratch, 'd', 'notes.txt'), 'not YAML');
  writeFileSync(path.join(scratch, 'd', '.hidden.yaml'), 'id: x\n');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('expandPaths', () => {
  it.each(['d', 'd/', './d', './d/', 'd/../d', '.'])('shows the files below %j as path.join does', async (given) => {
    const cwd = process.cwd();
    process.chdir(given === '.' ? path.join(scratch, 'd') : scratch);
    try {
      const folder = given === '.' ? '.' : given;
      const expected = NAMES.map((name) => path.join(folder, name)).sort();
      expect(await expandPaths([given])).toEqual(expected);
    } finally {
      process.chdir(cwd);
    }
  });

  it('lists a file once when it is named again, in the folder, through ./ or through a link', async () => {
    const dir = path.join(scratch, 'd');
    symlinkSync(path.join('d', 'a.yaml'), path.join(scratch, 'link-to-a.yaml'));
    try {
      const files = await expandPaths([path.join(dir, 'a.yaml'), dir, `${dir}${path.sep}.${path.sep}a.yaml`, path.join(scratch, 'link-to-a.yaml')]);
      expect(files).toEqual([path.join(dir, 'a.yaml'), ...NAMES.slice(1).map((name) => path.join(dir, name)).sort()]);
    } finally {
      rmSync(path.join(scratch, 'link-to-a.yaml'));
    }
  });
});
