// Damage done to YAML files for the fuzz tests. Structural mutations edit the parsed document (keys,
// values, aliases, nesting) and print it again, so that the file stays YAML and reaches the checks
// behind the parser; textual mutations work on the bytes, as hand edits, chat apps, spreadsheets and
// cut-off transfers do. A mutation is plain data that fast-check picks and shrinks, with indexes
// taken modulo whatever the file offers, and applying it says in words what it did.
import fc from 'fast-check';
import {
  isCollection,
  isMap,
  isNode,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type ToStringOptions,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { MAX_NESTING } from '../../src/yaml/source.js';

// Numbers at and past the edges of what scores can take: zeros, tiny and huge doubles, the edges of
// safe integers, and what YAML reads as NaN and infinities.
const NUMBER_EDGES: readonly number[] = [
  0, -0, 1, -1, 0.5, 3.5, 100, 101, -100, 1e-7, Number.MIN_VALUE, 2 ** 53 + 1, 1e21, 1e308, -1e308, Number.MAX_VALUE,
  -Number.MAX_VALUE, NaN, Infinity, -Infinity,
];
// Text that YAML or JavaScript read specially, or that must never reach a terminal as it is.
const TEXT_EDGES: readonly string[] = [
  '', ' ', 'four', 'na', 'NaN', '.nan', '-.inf', '1e400', '4', 'yes', '2026-02-30', '2026-13-01T25:61:00Z', '1.0', '1.0.0',
  'v1.0.0', 'x'.repeat(5_000), '中文 服务', '😀', '\u0000', '\u001b[31mred', '\u202eevil', 'a\nb', 'complete', 'draft',
  'lower', 'higher', 'likert', 'check', 'measure', 'text', 'service-expectations', 'checklist.yaml', '../../../etc/passwd.yaml',
];
// Values an audit or checklist should not hold where they land, mostly of another type than expected there.
const ODD_VALUES: readonly unknown[] = [
  ...NUMBER_EDGES, ...TEXT_EDGES, [4], {}, null, true, false, { polluted: 'yes' }, [[[]]], { value: 4, na: true },
];

export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...ODD_VALUES), weight: 4 },
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.jsonValue({ maxDepth: 2 }),
);

const MACHINERY_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

// Pieces of YAML syntax, line breaks of every kind, tabs and invisible or direction characters.
const INSERTED_TOKENS = [
  ': ', ':', '- ', '-', '? ', '[', ']', '{', '}', ',', '&a ', '*a', '*nowhere', '!!binary ', '!!str ', '!thing ',
  '%YAML 1.1\n', '---\n', '...\n', '|\n', '>-\n', '#', "'", '"', '\\', '<<: *a\n', '\t', '\t\t', '  ', '\n', '\r',
  '\r\n', '\u2028', '\u0085', '\u00a0', '\ufeff', '\u200b', '\u202e', '\u001b[2J', 'na', '~', 'null', '.nan', '-.inf',
  '1e400', '0x1F', 'x-note: 1\n', '__proto__: {polluted: yes}\n', 'constructor: {prototype: {polluted: yes}}\n',
];

type Typo =
  | { readonly kind: 'drop' | 'double' | 'swap'; readonly at: number }
  | { readonly kind: 'upper' | 'trailing-space' | 'extension' }
  | { readonly kind: 'other-key'; readonly at: number };

type StructuralMutation =
  | { readonly kind: 'delete-key'; readonly at: number }
  | { readonly kind: 'duplicate-key'; readonly at: number }
  /** Any odd value, in one place or under every key of the same name, as a search and replace does. */
  | { readonly kind: 'retype'; readonly at: number; readonly every: boolean; readonly value: unknown }
  /** An edge value of the type already there: a file stays valid more often, and its numbers reach the scoring. */
  | { readonly kind: 'edge'; readonly at: number; readonly every: boolean; readonly edge: number }
  | { readonly kind: 'rename-key'; readonly at: number; readonly typo: Typo }
  | { readonly kind: 'machinery-key'; readonly at: number; readonly key: (typeof MACHINERY_KEYS)[number]; readonly value: unknown }
  | { readonly kind: 'alias'; readonly target: number; readonly at: number }
  | { readonly kind: 'transplant'; readonly from: number; readonly at: number }
  | { readonly kind: 'nest'; readonly at: number; readonly depth: number; readonly shape: 'list' | 'map'; readonly flow: boolean }
  | { readonly kind: 'swap-items'; readonly at: number; readonly first: number; readonly second: number };

type TextualMutation =
  | { readonly kind: 'delete-line' | 'duplicate-line' | 'tab-indent'; readonly at: number }
  | { readonly kind: 'swap-lines'; readonly at: number; readonly with: number }
  | { readonly kind: 'insert-bytes'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: 'insert-text'; readonly at: number; readonly text: string }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'line-ends'; readonly style: 'crlf' | 'cr' | 'mixed' }
  | { readonly kind: 'byte-order-mark'; readonly mark: 'utf8' | 'utf16le' | 'utf16be'; readonly at: number };

export interface Mutations {
  readonly structural: readonly StructuralMutation[];
  /** How the mutated document is printed again. */
  readonly style: ToStringOptions;
  readonly textual: readonly TextualMutation[];
}

const index = fc.nat();

const typo: fc.Arbitrary<Typo> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop', 'double', 'swap'), at: index }),
  fc.record({ kind: fc.constantFrom('upper', 'trailing-space', 'extension') }),
  fc.record({ kind: fc.constant('other-key'), at: index }),
);

const edgeMutation: fc.Arbitrary<StructuralMutation> = fc.record({ kind: fc.constant('edge'), at: index, every: fc.boolean(), edge: index });

const structuralMutation: fc.Arbitrary<StructuralMutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-key'), at: index }),
  fc.record({ kind: fc.constant('duplicate-key'), at: index }),
  fc.record({ kind: fc.constant('retype'), at: index, every: fc.boolean(), value: oddValue }),
  edgeMutation,
  fc.record({ kind: fc.constant('rename-key'), at: index, typo }),
  fc.record({ kind: fc.constant('machinery-key'), at: index, key: fc.constantFrom(...MACHINERY_KEYS), value: oddValue }),
  fc.record({ kind: fc.constant('alias'), target: index, at: index }),
  fc.record({ kind: fc.constant('transplant'), from: index, at: index }),
  fc.record({
    kind: fc.constant('nest'),
    at: index,
    // Around the nesting limit as often as well under it.
    depth: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: MAX_NESTING - 5, max: MAX_NESTING + 5 })),
    shape: fc.constantFrom('list', 'map'),
    flow: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('swap-items'), at: index, first: index, second: index }),
);

export const insertedText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...INSERTED_TOKENS), weight: 3 },
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
);

const textualMutation: fc.Arbitrary<TextualMutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete-line', 'duplicate-line', 'tab-indent'), at: index }),
  fc.record({ kind: fc.constant('swap-lines'), at: index, with: index }),
  fc.record({ kind: fc.constant('insert-bytes'), at: index, bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('insert-text'), at: index, text: insertedText }),
  fc.record({ kind: fc.constant('truncate'), at: index }),
  fc.record({ kind: fc.constant('line-ends'), style: fc.constantFrom('crlf', 'cr', 'mixed') }),
  // At the start, where editors write it, as often as anywhere.
  fc.record({ kind: fc.constant('byte-order-mark'), mark: fc.constantFrom('utf8', 'utf16le', 'utf16be'), at: fc.oneof(fc.constant(0), index) }),
);

const STYLES: readonly ToStringOptions[] = [
  {},
  { collectionStyle: 'flow' },
  { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' },
  { defaultStringType: 'QUOTE_SINGLE' },
  { indent: 4, indentSeq: false },
  { lineWidth: 20, minContentWidth: 0 },
];

export const printStyle: fc.Arbitrary<ToStringOptions> = fc.constantFrom(...STYLES);

export const mutations = (maxEach = 3): fc.Arbitrary<Mutations> =>
  fc.record({
    structural: fc.array(structuralMutation, { maxLength: maxEach }),
    style: printStyle,
    textual: fc.array(textualMutation, { maxLength: maxEach }),
  });

/**
 * Only edge values of the types already there, such as every weight at 1.8e308: a file that stays
 * valid, with numbers at the limits of doubles, which the mixed mutations seldom leave valid.
 */
export const edgeValues = (maxLength = 3): fc.Arbitrary<Mutations> =>
  fc.array(edgeMutation, { minLength: 1, maxLength }).map((structural) => ({ structural, style: {}, textual: [] }));

/** Only text mutations, for sources that are not YAML to begin with. */
export const textualOnly = (maxLength = 3): fc.Arbitrary<Mutations> =>
  fc.array(textualMutation, { maxLength }).map((textual) => ({ structural: [], style: {}, textual }));

/** What a mutation changed, short enough for a summary line. */
function shown(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 30 ? `${text.slice(0, 29)}…` : text;
}

const pick = <T>(list: readonly T[], at: number): T | undefined => list[at % list.length];

interface Slot {
  readonly label: string;
  readonly node: unknown;
  replace(node: unknown): void;
}

interface KeyedPair {
  readonly label: string;
  readonly key: string;
  readonly map: YAMLMap;
  readonly pair: Pair;
}

/** Every place of the document a mutation can touch, found again before each mutation. */
interface Places {
  readonly slots: Slot[];
  readonly pairs: KeyedPair[];
  readonly maps: YAMLMap[];
  readonly lists: YAMLSeq[];
}

const keyText = (pair: Pair): string => String(isScalar(pair.key) ? pair.key.value : pair.key);

function placesIn(doc: Document): Places {
  const places: Places = { slots: [], pairs: [], maps: [], lists: [] };
  places.slots.push({ label: '(document)', node: doc.contents, replace: (node) => (doc.contents = node as Node) });
  // Aliases are leaves here, so a walk never loops even after an alias mutation made a cycle.
  const walk = (node: unknown, label: string): void => {
    if (isMap(node)) {
      places.maps.push(node);
      for (const pair of node.items) {
        const key = keyText(pair);
        const at = `${label}.${key}`;
        places.pairs.push({ label: at, key, map: node, pair });
        places.slots.push({ label: at, node: pair.value, replace: (value) => (pair.value = value) });
        walk(pair.value, at);
      }
    } else if (isSeq(node)) {
      places.lists.push(node);
      node.items.forEach((item, i) => {
        const at = `${label}[${i}]`;
        places.slots.push({ label: at, node: item, replace: (value) => (node.items[i] = value) });
        walk(item, at);
      });
    }
  };
  walk(doc.contents, '');
  return places;
}

/** Places that get one new value, chosen from the value of the first. */
interface Targets {
  readonly label: string;
  readonly node: unknown;
  readonly slots: readonly Slot[];
}

function onePlace(slots: readonly Slot[], at: number): Targets | undefined {
  const slot = pick(slots, at);
  return slot && { label: slot.label, node: slot.node, slots: [slot] };
}

/** The value of the map entry at `at` and of every other entry under the same key. */
function everyValueUnderKey(pairs: readonly KeyedPair[], at: number): Targets | undefined {
  const chosen = pick(pairs, at);
  if (!chosen) return undefined;
  const slots = pairs
    .filter((each) => each.key === chosen.key)
    .map(({ pair, label }): Slot => ({ label, node: pair.value, replace: (value) => (pair.value = value) }));
  return { label: `every ${chosen.key}`, node: chosen.pair.value, slots };
}

/** An edge value of the scalar's own type: numbers for a number, text for text, the other answer for a boolean. */
function edgeOf(node: unknown, at: number): unknown {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'number') return pick(NUMBER_EDGES, at);
  if (typeof node.value === 'string') return pick(TEXT_EDGES, at);
  if (typeof node.value === 'boolean') return !node.value;
  return undefined;
}

function misspelled(key: string, typo: Typo, otherKeys: readonly string[]): string {
  const at = 'at' in typo ? typo.at % Math.max(1, key.length) : 0;
  switch (typo.kind) {
    case 'drop':
      return key.slice(0, at) + key.slice(at + 1);
    case 'double':
      return key.slice(0, at + 1) + key.slice(at);
    case 'swap':
      return key.slice(0, at) + key.slice(at + 1, at + 2) + key.slice(at, at + 1) + key.slice(at + 2);
    case 'upper':
      return key.toUpperCase();
    case 'trailing-space':
      return `${key} `;
    case 'extension':
      return `x-${key}`;
    case 'other-key':
      return pick(otherKeys, typo.at) ?? key;
  }
}

function nested(doc: Document, node: unknown, { depth, shape, flow }: Extract<StructuralMutation, { kind: 'nest' }>): unknown {
  let current = node;
  for (let level = 0; level < depth; level++) current = doc.createNode(shape === 'list' ? [current] : { k: current }, { flow });
  return current;
}

/** Applies one mutation to the document; says what it did, or that the document offered no place for it. */
function applyStructural(doc: Document, mutation: StructuralMutation): string {
  const { slots, pairs, maps, lists } = placesIn(doc);
  const nowhere = `${mutation.kind}: no place`;
  switch (mutation.kind) {
    case 'delete-key': {
      const target = pick(pairs, mutation.at);
      if (!target) return nowhere;
      target.map.items.splice(target.map.items.indexOf(target.pair), 1);
      return `delete ${target.label}`;
    }
    case 'duplicate-key': {
      const target = pick(pairs, mutation.at);
      if (!target) return nowhere;
      target.map.items.splice(target.map.items.indexOf(target.pair) + 1, 0, target.pair.clone());
      return `duplicate ${target.label}`;
    }
    case 'retype':
    case 'edge': {
      const targets = mutation.every ? everyValueUnderKey(pairs, mutation.at) : onePlace(slots, mutation.at);
      if (!targets) return nowhere;
      const value = mutation.kind === 'retype' ? mutation.value : edgeOf(targets.node, mutation.edge);
      if (value === undefined) return nowhere;
      for (const slot of targets.slots) slot.replace(doc.createNode(value));
      return `${targets.label} = ${shown(value)}`;
    }
    case 'rename-key': {
      const target = pick(pairs, mutation.at);
      if (!target) return nowhere;
      const renamed = misspelled(target.key, mutation.typo, [...new Set(pairs.map((each) => each.key))]);
      target.pair.key = doc.createNode(renamed);
      return `rename ${target.label} to ${shown(renamed)}`;
    }
    case 'machinery-key': {
      const map = pick(maps, mutation.at);
      if (!map) return nowhere;
      map.items.push(doc.createPair(mutation.key, mutation.value));
      return `add ${mutation.key}: ${shown(mutation.value)}`;
    }
    case 'alias': {
      const target = pick(slots, mutation.target);
      const slot = pick(slots, mutation.at);
      if (!target || !slot || !(isScalar(target.node) || isCollection(target.node))) return nowhere;
      // An alias inside its own anchor's value, or in its place, is as welcome as any other.
      slot.replace(doc.createAlias(target.node));
      return `${slot.label} = alias of ${target.label}`;
    }
    case 'transplant': {
      const source = pick(slots, mutation.from);
      const slot = pick(slots, mutation.at);
      if (!source || !slot || !isNode(source.node)) return nowhere;
      slot.replace(source.node.clone());
      return `${slot.label} = copy of ${source.label}`;
    }
    case 'nest': {
      const slot = pick(slots, mutation.at);
      if (!slot) return nowhere;
      slot.replace(nested(doc, slot.node, mutation));
      return `${slot.label} nested ${mutation.depth} ${mutation.flow ? 'flow' : 'block'} ${mutation.shape}s deep`;
    }
    case 'swap-items': {
      const list = pick(lists, mutation.at);
      if (!list || list.items.length < 2) return nowhere;
      const first = mutation.first % list.items.length;
      const second = mutation.second % list.items.length;
      [list.items[first], list.items[second]] = [list.items[second], list.items[first]];
      return `swap items ${first} and ${second} of a list`;
    }
  }
}

// Text mutations work on a latin1 string of the bytes: one character per byte, so offsets are byte
// offsets and a cut may split a UTF-8 sequence, as a cut-off transfer does.
const BYTE_ORDER_MARKS = { utf8: '\xef\xbb\xbf', utf16le: '\xff\xfe', utf16be: '\xfe\xff' } as const;
const asBytes = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

function applyTextual(bytes: string, mutation: TextualMutation): { bytes: string; did: string } {
  const lines = bytes.split(/(?<=\n)/);
  const line = (at: number) => at % Math.max(1, lines.length);
  const offset = (at: number) => at % (bytes.length + 1);
  const withLines = (did: string) => ({ bytes: lines.join(''), did });
  switch (mutation.kind) {
    case 'delete-line':
      lines.splice(line(mutation.at), 1);
      return withLines(`delete line ${line(mutation.at) + 1}`);
    case 'duplicate-line':
      lines.splice(line(mutation.at), 0, lines[line(mutation.at)] ?? '');
      return withLines(`duplicate line ${line(mutation.at) + 1}`);
    case 'tab-indent':
      lines[line(mutation.at)] = (lines[line(mutation.at)] ?? '').replace(/^ */, '\t');
      return withLines(`tab indent on line ${line(mutation.at) + 1}`);
    case 'swap-lines': {
      const [first, second] = [line(mutation.at), line(mutation.with)];
      [lines[first], lines[second]] = [lines[second] ?? '', lines[first] ?? ''];
      return withLines(`swap lines ${first + 1} and ${second + 1}`);
    }
    case 'insert-bytes': {
      const at = offset(mutation.at);
      const inserted = Buffer.from(mutation.bytes).toString('latin1');
      return { bytes: bytes.slice(0, at) + inserted + bytes.slice(at), did: `insert bytes ${Buffer.from(mutation.bytes).toString('hex')} at ${at}` };
    }
    case 'insert-text': {
      const at = offset(mutation.at);
      return { bytes: bytes.slice(0, at) + asBytes(mutation.text) + bytes.slice(at), did: `insert ${shown(mutation.text)} at ${at}` };
    }
    case 'truncate':
      return { bytes: bytes.slice(0, offset(mutation.at)), did: `truncate at byte ${offset(mutation.at)}` };
    case 'line-ends': {
      const ends = { crlf: ['\r\n'], cr: ['\r'], mixed: ['\r\n', '\n', '\r'] }[mutation.style];
      let count = 0;
      return { bytes: bytes.replace(/\r?\n/g, () => ends[count++ % ends.length]!), did: `${mutation.style} line ends` };
    }
    case 'byte-order-mark': {
      const at = offset(mutation.at);
      return { bytes: bytes.slice(0, at) + BYTE_ORDER_MARKS[mutation.mark] + bytes.slice(at), did: `${mutation.mark} byte order mark at ${at}` };
    }
  }
}

export interface Mutated {
  readonly bytes: Uint8Array;
  /** What was done, in order; empty when nothing was. */
  readonly changes: readonly string[];
}

/** `source` and what was done to it, for failure reports and the slowest case of a summary. */
export const describeMutated = (source: string, { changes }: Mutated): string => `${source}: ${changes.join('; ') || 'unchanged'}`;

/** A file to mutate: its text, and its document parsed once, since large files take long to parse. */
export class MutationSource {
  private parsed: Document | undefined;

  constructor(readonly text: string) {}

  /** A copy of the document that mutations may change. */
  document(): Document {
    this.parsed ??= parseDocument(this.text);
    return this.parsed.clone();
  }
}

/** The file after the mutations: the structural ones on its parsed document first, then the textual ones on its bytes. */
export function mutate(source: MutationSource, { structural, style, textual }: Mutations): Mutated {
  const changes: string[] = [];
  let printed = source.text;
  if (structural.length > 0) {
    const doc = source.document();
    for (const mutation of structural) changes.push(applyStructural(doc, mutation));
    // An alias may now come before its anchor, which yaml would otherwise refuse to print.
    printed = doc.toString({ ...style, verifyAliasOrder: false });
  }
  let bytes = asBytes(printed);
  for (const mutation of textual) {
    const applied = applyTextual(bytes, mutation);
    bytes = applied.bytes;
    changes.push(applied.did);
  }
  return { bytes: Buffer.from(bytes, 'latin1'), changes };
}
