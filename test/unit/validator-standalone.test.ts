// The CLI validates with functions that ajv generated ahead of time (scripts/generate.ts). They
// must say exactly what ajv says when it compiles src/model/definition.ts itself: the same
// verdict and the same errors, with the schema and data that messages are made from.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configuredAjv, VALIDATORS_FILE } from '../../scripts/generate.js';
import { SCHEMAS } from '../../src/model/definition.js';
import { ID_PATTERN, SEMVER_PATTERN, type SchemaName } from '../../src/model/vocabulary.js';
import * as precompiled from '../../src/model/generated/validators.js';
import { ROOT } from '../helpers/cli.js';
import { repositoryYamlFiles } from '../helpers/files.js';

const runtimeAjv = configuredAjv(false);
const runtime: Record<SchemaName, ValidateFunction> = {
  checklist: runtimeAjv.compile(SCHEMAS.checklist),
  audit: runtimeAjv.compile(SCHEMAS.audit),
  map: runtimeAjv.compile(SCHEMAS.map),
};
const names = Object.keys(SCHEMAS) as SchemaName[];

// Errors carry the schema and data they are about; as JSON, because TypeBox marks the schema objects
// ajv compiles at run time with symbols. Both validators reuse those objects, so the text is kept.
const jsonText = new WeakMap<object, string>();
function asJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  let text = jsonText.get(value);
  if (text === undefined) jsonText.set(value, (text = JSON.stringify(value)));
  return text;
}

/** What both validators say about `data`: the verdict and every error, verbose fields included. */
function verdicts(name: SchemaName, data: unknown) {
  const say = (validate: ((data: unknown) => boolean) & { errors?: ValidateFunction['errors'] }) => {
    const valid = validate(data);
    const errors = (validate.errors ?? []).map((error) => ({
      ...error,
      schema: asJson(error.schema),
      parentSchema: asJson(error.parentSchema),
      data: asJson(error.data),
    }));
    return { valid, errors };
  };
  return { generated: say(precompiled[name]), runtime: say(runtime[name]) };
}

// Every checklist and audit the repository holds, valid or deliberately broken.
const documents = repositoryYamlFiles('checklists', 'examples', 'test/fixtures').flatMap((file) => {
    try {
      const data = parse(readFileSync(file, 'utf8')) as unknown;
      JSON.stringify(data); // an alias inside itself makes a cycle: the loader refuses those files
      return [{ file: path.relative(ROOT, file), data }];
    } catch {
      return []; // nor does a file with a YAML error ever reach the validator
    }
  });

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into a document, so that a mutation can hit any node. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return [...here, ...value.flatMap((child, i) => pathsOf(child, [...prefix, i]))];
  if (value !== null && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
  }
  return here;
}

type Mutation = { kind: 'replace'; with: Json } | { kind: 'delete' } | { kind: 'add'; key: string; with: Json };

function mutate(document: Json, at: (string | number)[], mutation: Mutation): Json {
  const copy = structuredClone(document);
  if (at.length === 0) return mutation.kind === 'replace' ? mutation.with : copy;
  let parent: Json = copy;
  for (const segment of at.slice(0, -1)) parent = (parent as Record<string, Json>)[segment as string] as Json;
  const last = at.at(-1)!;
  const container = parent as Record<string | number, Json>;
  if (mutation.kind === 'replace') container[last] = mutation.with;
  else if (mutation.kind === 'delete') {
    if (Array.isArray(container)) container.splice(Number(last), 1);
    else delete container[last];
  } else {
    const target = container[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) target[mutation.key] = mutation.with;
  }
  return copy;
}

const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue() as fc.Arbitrary<Json>,
  fc.constantFrom<Json>('', 'na', 'not-a-date', '2026-02-30', '2026-11-23T09:12:00+08:00', 'Bad Id', '1.0', -1, 0, 2.5, 1e9, [], {}),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  oddValue.map((value): Mutation => ({ kind: 'replace', with: value })),
  fc.constant<Mutation>({ kind: 'delete' }),
  fc
    .tuple(fc.constantFrom('x-note', 'Title', 'weight', 'value', 'na', 'extra', 'zh-CN', '5'), oddValue)
    .map(([key, value]): Mutation => ({ kind: 'add', key, with: value })),
);

describe('validators generated ahead of time', () => {
  it('tell ids and versions apart by the patterns of the definition', () => {
    expect(precompiled.ID_PATTERN).toBe(ID_PATTERN);
    expect(precompiled.SEMVER_PATTERN).toBe(SEMVER_PATTERN);
  });

  it('load neither ajv nor TypeBox', () => {
    const shipped = readFileSync(path.join(ROOT, VALIDATORS_FILE), 'utf8');
    const required = [...shipped.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['ajv-formats/dist/formats', 'ajv/dist/runtime/ucs2length']));
    expect(shipped).not.toMatch(/from "(ajv|@sinclair\/typebox)"/);
  });

  it('are checked against every checklist and audit in the repository', () => {
    expect(documents.length).toBeGreaterThan(40);
  });

  it.each(documents.map(({ file, data }) => [file, data] as const))('agree with ajv at run time on %s', (_file, data) => {
    for (const name of names) {
      const { generated, runtime: compiled } = verdicts(name, data);
      expect(generated).toEqual(compiled);
    }
  });

  it('agree with ajv at run time on thousands of broken variants of those files', () => {
    const bases = documents.filter(({ data }) => data !== null && typeof data === 'object');
    const variant = fc
      .constantFrom(...bases)
      .chain(({ data }) =>
        fc.tuple(fc.constant(data as Json), fc.constantFrom(...pathsOf(data as Json)), mutation, fc.constantFrom(...names)),
      );
    let invalid = 0;
    fc.assert(
      fc.property(variant, ([data, at, change, name]) => {
        const { generated, runtime: compiled } = verdicts(name, mutate(data, at, change));
        if (!compiled.valid) invalid++;
        expect(generated).toEqual(compiled);
      }),
      { numRuns: 2000, seed: 5 },
    );
    expect(invalid).toBeGreaterThan(1000); // most variants break something
  });
});
