// loadFile takes the fast parse for plain, valid files and falls back to the position-aware parse for
// anything else. Whichever path it took, its result must be exactly what the slow path alone gives:
// same kind, same data, same findings at the same lines and columns, for every file we have.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/shared/findings.js';
import { checkParsed } from '../../src/load/checked-source.js';
import { fastParse } from '../../src/yaml/fast-parse.js';
import { testLibrary } from '../helpers/library.js';
import { checkSource, loadFile } from '../../src/load/load-file.js';
import type { FileResult } from '../../src/load/loaded.js';
import { DEFAULT_MAX_FILE_BYTES, readTextSync } from '../../src/fs/read-file.js';
import { ROOT } from '../helpers/cli.js';
import { repositoryYamlFiles } from '../helpers/files.js';

const FILES = repositoryYamlFiles('checklists', 'examples', 'test/fixtures');
const library = testLibrary({ dirs: [path.join(ROOT, 'test/fixtures/rules/checklists')], inputs: FILES });

async function slowResult(file: string): Promise<FileResult> {
  const unreadable = (findings: Finding[]): FileResult => ({ kind: 'unknown', file, findings });
  const read = readTextSync(file, DEFAULT_MAX_FILE_BYTES);
  if ('finding' in read) return unreadable([read.finding]);
  return checkParsed(file, read.text, (source) => checkSource(source, library), unreadable);
}

describe('loadFile, fast path or not', () => {
  it.each(FILES.map((file) => [path.relative(ROOT, file), file]))('%s: the same result as the slow path alone', async (_, file) => {
    expect(await loadFile(file, library)).toStrictEqual(await slowResult(file));
  });

  it('serves every valid example without the slow parse', async () => {
    const examples = repositoryYamlFiles('examples', 'checklists');
    const results = await Promise.all(examples.map((file) => loadFile(file, library)));
    const valid = examples.filter((_, index) => results[index]!.findings.length === 0);
    expect(valid.length).toBeGreaterThan(10);
    for (const file of valid) expect(fastParse(readFileSync(file, 'utf8')), file).toBeDefined();
  });
});
