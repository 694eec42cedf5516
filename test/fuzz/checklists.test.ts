// Checklists damaged in every way mutations.ts knows, each with an audit that names it by path: the
// checklist is validated as a file, and the audit is loaded against it and scored whenever both still
// load. Half the checklists get only edge values (a weight of 1.8e308, a scale from −1e308), which
// keep a checklist valid more often and so bring its extreme numbers to the scoring. The checklists are
// the shipped ones with their example audits, and random valid ones with random fitting audits
// (test/core/arbitraries.ts). The audit is mutated now and then too.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { testLibrary } from '../helpers/library.js';
import { ROOT } from '../helpers/cli.js';
import { repositoryYamlFiles } from '../helpers/files.js';
import { checklistWithAudit } from '../core/arbitraries.js';
import { fuzz, timeoutFor, type FuzzCase } from './harness.js';
import { describeMutated, edgeValues, mutate, MutationSource, mutations, type Mutations } from './mutations.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'svc-audit-fuzz-checklists-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const CHECKLIST_FILE = path.join(scratch, 'checklist.yaml');
const AUDIT_FILE = path.join(scratch, 'audit.yaml');
const REFERENCE = path.basename(CHECKLIST_FILE);

interface Pair {
  readonly name: string;
  readonly checklist: MutationSource;
  readonly audit: MutationSource;
}

/** The audit's text with its checklist named by the path of the case's checklist file. */
function pointedAtCaseChecklist(auditText: string): string {
  const doc = parseDocument(auditText);
  doc.set('checklist', REFERENCE);
  return doc.toString();
}

const SHIPPED_CHECKLISTS = new Map(
  repositoryYamlFiles('checklists').map((file) => [path.basename(file, '.yaml'), new MutationSource(readFileSync(file, 'utf8'))]),
);

/** Each example audit with the shipped checklist it was made with, found by the checklist's id. */
const SHIPPED: ReadonlyMap<string, Pair> = new Map(
  repositoryYamlFiles('examples').map((auditFile) => {
    const auditText = readFileSync(auditFile, 'utf8');
    const { id } = parseDocument(auditText).toJS().checklist as { id: string };
    const name = `${path.relative(ROOT, auditFile)} with ${id}`;
    return [name, { name, checklist: SHIPPED_CHECKLISTS.get(id)!, audit: new MutationSource(pointedAtCaseChecklist(auditText)) }];
  }),
);

/** Mutations for the checklist, any or edge values only, and now and then for its audit. */
const recipes = fc.record({ checklist: fc.oneof(mutations(), edgeValues()), audit: fc.option(mutations(1), { freq: 4, nil: undefined }) });

function pairCase({ name, checklist, audit }: Pair, recipe: { checklist: Mutations; audit: Mutations | undefined }): FuzzCase {
  const mutatedChecklist = mutate(checklist, recipe.checklist);
  const mutatedAudit = recipe.audit && mutate(audit, recipe.audit);
  const description = [describeMutated(`${name}: checklist`, mutatedChecklist), ...(mutatedAudit ? [describeMutated('audit', mutatedAudit)] : [])];
  return {
    description: description.join('; '),
    files: [
      { file: CHECKLIST_FILE, bytes: mutatedChecklist.bytes },
      { file: AUDIT_FILE, bytes: mutatedAudit?.bytes ?? Buffer.from(audit.text) },
    ],
    // A new library for each case: it keeps what it read of a file, and the checklist file changes.
    library: testLibrary({ cwd: scratch }),
  };
}

describe('fuzz', () => {
  const shipped = 'mutated shipped checklists with their audits';
  it(
    shipped,
    async () => {
      await fuzz(shipped, fc.tuple(fc.constantFrom(...SHIPPED.keys()), recipes), ([name, recipe]) => pairCase(SHIPPED.get(name)!, recipe));
    },
    timeoutFor(shipped),
  );

  const random = 'mutated random checklists with their audits';
  const randomPairs = checklistWithAudit.map(({ checklist, audit }) => ({
    name: `random checklist of ${checklist.sections.length} sections`,
    checklist: new MutationSource(stringify(checklist)),
    audit: new MutationSource(stringify({ ...audit, checklist: REFERENCE })),
  }));
  it(
    random,
    async () => {
      await fuzz(random, fc.tuple(randomPairs, recipes), ([pair, recipe]) => pairCase(pair, recipe));
    },
    timeoutFor(random),
  );
});
