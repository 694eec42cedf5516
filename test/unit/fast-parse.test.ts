// The fast path may only ever answer where the slow, position-aware parse would accept with the very
// same data: same key order, same number/string/bool/null types, -0 kept apart from 0. Every test
// here holds fastParse to that one implication, on real files, on generated YAML and on damaged files.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { dump as jsYamlDump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { stringify, type ToStringOptions } from 'yaml';
import { fastParse, keyLineIsBare } from '../../src/yaml/fast-parse.js';
import { decodeText } from '../../src/fs/read-file.js';
import { MAX_NESTING, parseYaml } from '../../src/yaml/source.js';
import { repositoryYamlFiles } from '../helpers/files.js';

/** Deep equality that also tells -0 from 0, NaN from NaN-less and one key order from another. */
function sameData(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every((key, i) => key === keysB[i] && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

/** fastParse accepts ⇒ parseYaml accepts with identical data. Says whether the fast path took it. */
function expectAgreement(text: string): boolean {
  const fast = fastParse(text);
  if (!fast) return false;
  const slow = parseYaml('fast-parse.yaml', text);
  if (!slow.ok) expect.fail(`fast path took what the slow path refuses (${slow.findings[0]?.code}):\n${text}`);
  expect(fast.data).toStrictEqual(slow.source.data);
  if (!sameData(fast.data, slow.source.data)) expect.fail(`data differ in -0, NaN or key order:\n${text}`);
  return true;
}

function textOf(file: string): string | undefined {
  const decoded = decodeText(file, readFileSync(file));
  return 'text' in decoded ? decoded.text : undefined;
}

const MUST_TAKE = repositoryYamlFiles('examples/audits', 'checklists');
const ALL_FILES = [...MUST_TAKE, ...repositoryYamlFiles('test/fixtures')];
const AUDIT_TEXTS = repositoryYamlFiles('examples/audits').map((file) => readFileSync(file, 'utf8'));

describe('fastParse on the shipped and fixture files', () => {
  it('agrees with parseYaml wherever it answers, and answers for every example audit and checklist', () => {
    const taken = ALL_FILES.filter((file) => {
      const text = textOf(file);
      return text !== undefined && expectAgreement(text);
    });
    console.info(`fast path took ${taken.length} of ${ALL_FILES.length} YAML files`);
    expect(MUST_TAKE.filter((file) => !taken.includes(file))).toEqual([]);
  });
});

describe('fastParse declines what only the slow path may judge', () => {
  const declined = {
    'an anchor': 'a: &x 1\nb: 2\n',
    'an alias': 'a: &x 1\nb: *x\n',
    'a tag': 'a: !!str 1\n',
    'a local tag': 'a: !thing {b: 1}\n',
    'a directive': '%YAML 1.2\n---\na: 1\n',
    'two documents': 'a: 1\n---\nb: 2\n',
    'an empty file': '',
    'only a comment': '# nothing\n',
    'only document markers': '---\n...\n',
    'a scalar document': 'hello\n',
    'a complex key': '? [a, b]\n: 1\n',
    'a flow map key': '{[a]: 1}\n',
    'a duplicate key': 'a: 1\na: 2\n',
    'keys equal only as text': '1: a\n"1": b\n',
    '__proto__': '__proto__: {a: 1}\n',
    'constructor': 'responses: {constructor: 1}\n',
    'prototype': 'prototype: 1\n',
    'a lone CR': 'a: 1\rb: 2\r',
    'a syntax error': 'a: [1, 2\n',
    'nesting near the limit': `${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}\n`,
    // Found by fuzzing: texts js-yaml reads (differently) where yaml refuses them.
    'a key over 1024 characters': `${'k'.repeat(1030)}: 1\n`,
    'a key whose colon is far away': `k${' '.repeat(1030)}: 1\n`,
    'a document end with content after it': '... a: 1\n',
    'an indented document start': ' ---\ny: 1\n',
    'a tab-indented blank line': '- a\n\t\n',
    'a byte order mark inside the text': 'a: 1\n\uFEFFb: 2\n',
    'a missing key followed by a compact map': ': b: c\n',
    'text after a quoted item of an unindented list': 'k:\n- "a" b: 1\n',
    'text after a flow item of an unindented list': 'k:\n- [a]b: 1\n',
    'an odd space after a quoted item': 'k:\n- "a"\u0085 b: 1\n',
  };
  it.each(Object.entries(declined))('%s', (_, text) => {
    expect(fastParse(text)).toBeUndefined();
  });

  it('takes CRLF files, `<<` as an ordinary key and keys of up to 1,000 characters', () => {
    expect(expectAgreement('a: 1\r\nb: [x, y]\r\n')).toBe(true);
    expect(expectAgreement('<<: {a: 1}\nb: <<\n')).toBe(true);
    expect(expectAgreement(`${'k'.repeat(999)}: 1\n"${'k'.repeat(997)}": 2\n`)).toBe(true);
  });

  it('property: long keys, quoted or not, with spaces before the colon, in block maps and flow lists', () => {
    const key = fc.tuple(fc.integer({ min: 990, max: 1040 }), fc.nat({ max: 40 }), fc.constantFrom('', '"', "'"));
    fc.assert(
      fc.property(key, fc.constantFrom('block', 'flow list', 'flow map'), ([length, spaces, quote], shape) => {
        const k = `${quote}${'k'.repeat(length)}${quote}${' '.repeat(spaces)}`;
        expectAgreement(shape === 'block' ? `a: 1\n${k}: 2\n` : shape === 'flow list' ? `[${k}: 2]\n` : `{${k}: 2}\n`);
      }),
      { numRuns: 150 },
    );
  });

  it('stays within the nesting limit of the slow path whatever the shape', () => {
    const shapes = [
      (d: number) => `${'['.repeat(d)}${']'.repeat(d)}\n`,
      (d: number) => `${'{a: '.repeat(d)}1${'}'.repeat(d)}\n`,
      (d: number) => `${Array.from({ length: d }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`,
      (d: number) => `${Array.from({ length: d }, (_, i) => `${' '.repeat(2 * i)}-`).join('\n')} x\n`,
      (d: number) => `${'- '.repeat(d)}x\n`,
      (d: number) => `a:\n  b: ${'['.repeat(d)}${']'.repeat(d)}\n`,
    ];
    for (const shape of shapes) {
      for (let depth = 1; depth <= MAX_NESTING + 2; depth++) expectAgreement(shape(depth));
      expect(expectAgreement(shape(MAX_NESTING / 2))).toBe(true);
    }
  });
});

// Plain scalars the two libraries' core schemas could read differently.
const TRICKY_PLAIN = [
  '0o17', '0o8', '0x1F', '0xff', '0x', '-0x1', '0b1', '1_000', '+1', '-1', '+0', '-0', '00', '0777', '010',
  '0.0', '-0.0', '+.5', '.5', '5.', '1.', '1e3', '1E3', '1e+3', '1e-3', '1.e3', '.e3', '1e400', '-1e400',
  '1e-400', '1.7976931348623159e308', '123456789012345678901234567890', '9007199254740993',
  '0xFFFFFFFFFFFFFFFFFFFF', '.inf', '.Inf', '.INF', '-.Inf', '+.inf', '.NaN', '.nan', '.NAN', '-.nan',
  'NaN', 'inf', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'FALSE',
  'yes', 'no', 'on', 'off', 'y', 'n', '12:30', '1:30:00', '2026-01-01', '2026-11-03T09:12:00+08:00',
  '<<', '=', '1.0.0', 'v1', '中文', '服务 42', 'a b', 'x:y', 'a#b', '-a', '?a', '.', '..', '+', '0,5',
];

describe('fastParse and plain scalars', () => {
  it('reads each tricky scalar as a value, a key and a list item as yaml does', () => {
    let taken = 0;
    for (const s of TRICKY_PLAIN) {
      for (const text of [`v: ${s}\n`, `${s}: v\n`, `- ${s}\n`, `{k: ${s}}\n`, `[${s}, ${s}]\n`, `${s}: ${s}\n`]) {
        if (expectAgreement(text)) taken++;
      }
    }
    // Nearly every one of them is valid YAML that the fast path should not need to decline.
    expect(taken).toBeGreaterThan(TRICKY_PLAIN.length * 5);
  });

  it('property: tricky scalars mixed into maps and lists', () => {
    const scalar = fc.constantFrom(...TRICKY_PLAIN);
    fc.assert(
      fc.property(fc.array(fc.tuple(scalar, scalar, fc.constantFrom('map', 'seq', 'flow')), { minLength: 1, maxLength: 8 }), (entries) => {
        const lines = entries.map(([key, value, shape]) =>
          shape === 'map' ? `${key}: ${value}` : shape === 'seq' ? `${key}:\n  - ${value}` : `${key}: {${value}: ${key}}`,
        );
        expectAgreement(`${lines.join('\n')}\n`);
      }),
      { numRuns: 600 },
    );
  });
});

// Strings that stress quoting, folding and escapes in both the writer and the readers.
const STRING_PIECES = [
  'a', 'Li Wei', '服务期望', '顾客', '“大约 5 分钟”', '"', "'", ':', ': ', ' #', '#', '-', '- ', '? ', '[', ']', '{', '}',
  ',', '&', '*', '!', '%', '@', '`', '|', '>', '\\', ' ', '  ', '\n', '\n\n', '\t', '\r\n', '0', '1.5', 'true', '~',
  'null', '0x1F', '…', '\u00a0', '\u2028', '\u0085', '\ufeff', 'é', '😀', '---', '...',
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...STRING_PIECES), { maxLength: 6 }).map((pieces) => pieces.join('')),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ maxLength: 12 }),
);
const scalarValue = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.constantFrom(-0, 0, 0.1, 1e21, 1e-7, Number.MAX_SAFE_INTEGER + 2, Number.MAX_VALUE, Infinity, -Infinity, NaN),
  fc.boolean(),
  fc.constant(null),
);
const { value: jsonLike } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalarValue, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(text, tie('value'), { maxKeys: 4 }),
}));
const document = fc.oneof(fc.dictionary(text, jsonLike, { minKeys: 1, maxKeys: 6 }), fc.array(jsonLike, { minLength: 1, maxLength: 4 }));

const YAML_STYLES: ToStringOptions[] = [
  {},
  { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' },
  { defaultStringType: 'QUOTE_SINGLE' },
  { defaultStringType: 'BLOCK_LITERAL', lineWidth: 20, minContentWidth: 0 },
  { defaultStringType: 'BLOCK_FOLDED', lineWidth: 20, minContentWidth: 0 },
  { collectionStyle: 'flow' },
  { collectionStyle: 'flow', flowCollectionPadding: false, defaultStringType: 'QUOTE_SINGLE' },
  { indent: 4, indentSeq: false },
];
type Writer = (value: unknown) => string;
const WRITERS: Writer[] = [
  ...YAML_STYLES.map((options): Writer => (value) => stringify(value, options)),
  (value) => jsYamlDump(value),
  (value) => jsYamlDump(value, { flowLevel: 1, quoteStyle: 'double' }),
  (value) => jsYamlDump(value, { lineWidth: 16, forceQuotes: true }),
];

describe('fastParse on generated YAML', () => {
  it('property: JSON-like values written in many styles read back as yaml reads them', () => {
    let taken = 0;
    fc.assert(
      fc.property(document, fc.constantFrom(...WRITERS), (value, write) => {
        let written: string;
        try {
          written = write(value);
        } catch {
          return; // js-yaml's dump refuses some values (NaN keys…); nothing to compare then.
        }
        if (expectAgreement(written)) taken++;
      }),
      { numRuns: 1000 },
    );
    // The property means little if the fast path declined everything.
    expect(taken).toBeGreaterThan(750);
  });
});

const NOISE = ['&', '*', '!', '%', '<', '>', '{', '}', '[', ']', ':', '#', '-', '|', "'", '"', '\t', ' ', '\n', '? ', ',', '@', '`', '\\'];
type Mutation = (lines: string[], at: number, noise: string, column: number) => string[];
const MUTATIONS: Mutation[] = [
  (lines, at) => lines.toSpliced(at, 1),
  (lines, at) => lines.toSpliced(at, 0, lines[at] ?? ''),
  (lines, at, noise, column) => lines.with(at, insertAt(lines[at] ?? '', column, noise)),
  (lines, at, noise) => lines.with(at, `${noise}${lines[at] ?? ''}`),
  (lines, at, noise) => lines.with(at, `${lines[at] ?? ''}${noise}`),
  (lines, at) => lines.with(at, ` ${lines[at] ?? ''}`),
  (lines, at) => lines.with(at, (lines[at] ?? '').replace(/^ /, '')),
  (lines, at, _, column) => lines.with(at, (lines[at] ?? '').slice(0, column)),
];
const insertAt = (line: string, column: number, noise: string) => line.slice(0, column % (line.length + 1)) + noise + line.slice(column % (line.length + 1));

describe('fastParse on damaged audits', () => {
  it('property: whatever the fast path takes from a damaged audit, the slow path takes alike', () => {
    const edit = fc.tuple(fc.nat({ max: 10 }), fc.nat(), fc.constantFrom(...NOISE), fc.nat({ max: 80 }));
    fc.assert(
      fc.property(fc.nat({ max: AUDIT_TEXTS.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), (which, edits) => {
        let lines = (AUDIT_TEXTS[which] ?? '').split('\n');
        for (const [mutation, line, noise, column] of edits) {
          lines = (MUTATIONS[mutation % MUTATIONS.length] as Mutation)(lines, line % lines.length, noise, column);
        }
        expectAgreement(lines.join('\n'));
      }),
      { numRuns: 600 },
    );
  });
});

describe('keyLineIsBare', () => {
  // The regular expression it replaced, on the text from the line's start to the key.
  const oracle = (text: string, start: number) => /^ *(?:[-?:][ \t]+)*$/.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start));

  it('property: agrees with the pattern it stands for on any line of indentation, indicators and text', () => {
    const piece = fc.constantFrom(' ', '  ', '\t', '-', '?', ':', '- ', '? ', ': ', '-\t', 'a', 'key', '\n', '\r\n', '"');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join('')), fc.nat(), (text, at) => {
        const start = text.length === 0 ? 0 : at % (text.length + 1);
        expect(keyLineIsBare(text, start)).toBe(oracle(text, start));
      }),
      { numRuns: 5000 },
    );
  });

  it('takes indentation and `- ` before a key, and refuses text or a tab in the indentation', () => {
    expect(keyLineIsBare('a:\n  - key: 1', 7)).toBe(true);
    expect(keyLineIsBare('key: 1', 0)).toBe(true);
    expect(keyLineIsBare('- "a" b: 1', 6)).toBe(false);
    expect(keyLineIsBare('\t key: 1', 2)).toBe(false);
    expect(keyLineIsBare('-\tkey: 1', 2)).toBe(true);
  });
});
