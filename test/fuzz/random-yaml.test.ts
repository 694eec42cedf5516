// Files that were never checklists or audits: any YAML fast-check can build, raw text and YAML syntax
// soup, and audit-shaped documents with random answers to the shipped checklists' items, which reach
// the rules and the scoring. Some bytes are damaged on top (mutations.ts). Held to harness.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { itemScale, itemsOf } from '../../src/model/checklist.js';
import { typeOf } from '../../src/model/item-types/index.js';
import { testLibrary } from '../helpers/library.js';
import type { Checklist, Item } from '../../src/model/types.js';
import { ROOT } from '../helpers/cli.js';
import { repositoryYamlFiles } from '../helpers/files.js';
import { fuzz, timeoutFor } from './harness.js';
import { describeMutated, insertedText, mutate, MutationSource, oddValue, printStyle, textualOnly } from './mutations.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'svc-audit-fuzz-random-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const library = testLibrary({ cwd: ROOT });
const file = path.join(scratch, 'random.yaml');
// Read before the first case, so that no case is timed reading them.
beforeAll(() => library.all());

const CHECKLISTS = repositoryYamlFiles('checklists').map((checklistFile) => ({
  file: checklistFile,
  checklist: parse(readFileSync(checklistFile, 'utf8')) as Checklist,
}));

/** Answers of the item's type, in the three forms an audit may write them, now and then outside what the item allows. */
function responseTo(item: Item, checklist: Checklist): fc.Arbitrary<unknown> {
  const scale = itemScale(item, checklist) ?? { min: 1, max: 5 };
  const point = fc.oneof({ arbitrary: fc.integer(scale), weight: 30 }, fc.integer({ min: scale.min - 1, max: scale.max + 1 }));
  const value = {
    likert: point,
    check: fc.boolean(),
    measure: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constantFrom(0, item.target ?? 0, item.limit ?? 0)),
    text: fc.string(),
  }[typeOf(item).name];
  // Only likert items take an expectation of their own.
  const expected = typeOf(item).name === 'likert' ? { expected: point } : {};
  const detailed = fc.record({ value, ...expected, note: fc.string(), evidence: fc.array(fc.string(), { maxLength: 2 }) }, { requiredKeys: ['value'] });
  return fc.oneof(
    { arbitrary: value, weight: 60 },
    { arbitrary: detailed, weight: 10 },
    { arbitrary: fc.constantFrom('na', { na: true }, { value: 'na' }), weight: 5 },
    fc.record({ value: fc.oneof(value, fc.constant('na')), na: fc.boolean(), expected: fc.integer(), note: oddValue }, { requiredKeys: [] }),
    oddValue,
  );
}

/** Mostly what a real audit holds, so that many pass and are scored, with a little noise anywhere. */
const auditShaped = fc.constantFrom(...CHECKLISTS).chain(({ file: checklistFile, checklist }) => {
  const items = [...itemsOf(checklist)];
  const usually = <T>(value: T, noise: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: fc.constant(value), weight: 19 }, noise);
  return fc
    .record({
      checklist: fc.oneof(
        { arbitrary: fc.constant({ id: checklist.id, version: checklist.version }), weight: 16 },
        fc.constant(checklist.id),
        fc.constant(checklistFile),
        oddValue,
      ),
      site: usually('Store 1', fc.string()),
      auditor: usually('Li Wei', fc.string()),
      date: usually('2026-11-23', fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)))),
      // A complete audit must answer every item, which a random subset seldom does.
      status: usually('draft', fc.constantFrom('complete', 'done')),
      answered: fc.subarray(items).chain((chosen) => fc.tuple(...chosen.map((item) => fc.tuple(fc.constant(item.id), responseTo(item, checklist))))),
      strayAnswers: fc.oneof(
        { arbitrary: fc.constant([]), weight: 9 },
        fc.array(fc.tuple(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'x-extra')), oddValue), { minLength: 1, maxLength: 2 }),
      ),
    })
    .map(({ answered, strayAnswers, ...head }) => ({
      kind: `${checklist.id}-shaped audit with ${answered.length + strayAnswers.length} answers`,
      data: { ...head, responses: Object.fromEntries([...answered, ...strayAnswers]) },
    }));
});

const printed = (kind: string, data: fc.Arbitrary<unknown>) =>
  fc.tuple(data, printStyle).map(([value, style]) => ({ kind, text: stringify(value, style) ?? '' }));

const sources = fc.oneof(
  { arbitrary: auditShaped.chain(({ kind, data }) => printed(kind, fc.constant(data))), weight: 3 },
  printed('fc.jsonValue as YAML', fc.jsonValue()),
  printed('fc.anything as YAML', fc.anything()),
  fc.string({ unit: 'binary', maxLength: 200 }).map((text) => ({ kind: 'random text', text })),
  fc.array(insertedText, { maxLength: 40 }).map((pieces) => ({ kind: 'YAML syntax soup', text: pieces.join('') })),
);

describe('fuzz', () => {
  const test = 'random YAML';
  it(
    test,
    async () => {
      await fuzz(test, fc.tuple(sources, textualOnly(2)), ([{ kind, text }, recipe]) => {
        const mutated = mutate(new MutationSource(text), recipe);
        return { description: describeMutated(`${kind} (${text.length} characters)`, mutated), files: [{ file, bytes: mutated.bytes }], library };
      });
    },
    timeoutFor(test),
  );
});
