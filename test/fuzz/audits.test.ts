// The example audits, damaged in every way mutations.ts knows, loaded against the shipped checklists
// as `validate` and `score` load them, and scored whenever they still load (harness.ts).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { testLibrary } from '../helpers/library.js';
import { ROOT } from '../helpers/cli.js';
import { repositoryYamlFiles } from '../helpers/files.js';
import { fuzz, timeoutFor } from './harness.js';
import { describeMutated, mutate, MutationSource, mutations } from './mutations.js';

const AUDITS = new Map(repositoryYamlFiles('examples').map((file) => [path.relative(ROOT, file), new MutationSource(readFileSync(file, 'utf8'))]));
const scratch = mkdtempSync(path.join(tmpdir(), 'svc-audit-fuzz-audits-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
// One library for all cases, as for one batch: the shipped checklists are read once.
const library = testLibrary({ cwd: ROOT });
const file = path.join(scratch, 'audit.yaml');
// Read before the first case, so that no case is timed reading them.
beforeAll(() => library.all());

describe('fuzz', () => {
  const test = 'mutated example audits';
  it(
    test,
    async () => {
      await fuzz(test, fc.tuple(fc.constantFrom(...AUDITS.keys()), mutations()), ([source, recipe]) => {
        const mutated = mutate(AUDITS.get(source)!, recipe);
        return { description: describeMutated(source, mutated), files: [{ file, bytes: mutated.bytes }], library };
      });
    },
    timeoutFor(test),
  );
});
