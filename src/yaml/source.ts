// YAML text parsed into a document that remembers where every node came from, so that any later
// finding can name the line and column of the offending node. Files come from anywhere (hand edits,
// chat apps, spreadsheets, crafted ones): every way a text can be odd ends in a finding here, never
// in an exception, a hang or a blown-up process. No file access: fs/read-file.ts reads the text.
import {
  Composer,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  Lexer,
  LineCounter,
  Parser,
  visit,
  type Alias,
  type Document,
  type Node,
  type YAMLError,
  type YAMLMap,
} from 'yaml';
import { byPosition, FILE_START, findingAt, type Finding, type FindingCode, type FindingParams } from '../shared/findings.js';

export type PathSegment = string | number;
export type DataPath = readonly PathSegment[];

export interface SourceDocument {
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The document as plain data; undefined when the file holds nothing. */
  readonly data: unknown;
  /**
   * Where the part of the data at a path came from, for data that was not written as YAML (an audit
   * made from a spreadsheet row points at the row's cells): findings then point there.
   */
  readonly locate?: (path: DataPath, at: 'value' | 'key') => Place;
}

/** A place findings can point at: a file, a line (a row) and a column. */
export interface Place {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export type ParseResult =
  | { readonly ok: true; readonly source: SourceDocument }
  | { readonly ok: false; readonly findings: Finding[] };

/**
 * Open lists and maps allowed around any value. Checklists need about ten; yaml composes, and ajv
 * checks, one stack frame per level, so thousands of `[` would overflow the stack.
 */
export const MAX_NESTING = 100;
/**
 * Aliases (`*name`) allowed in one file, and how often one anchor's content may be repeated counting
 * repeats inside repeats (yaml's maxAliasCount). More only serves to multiply a small file into a
 * huge one (the "billion laughs"), and yaml resolves every alias by scanning all anchors before it.
 */
export const MAX_ALIASES = 100;
/** Keys that name JavaScript's object machinery: code that copies data by key could rewire objects with them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const refused = (...findings: Finding[]): ParseResult => ({ ok: false, findings });

/**
 * YAML 1.2's core schema whatever a `%YAML 1.1` line says, and no explicit `!!binary`, `!!set`,
 * `!!timestamp`…: files become plain JSON-like data, never Dates, Sets or Buffers, and `<<` merges
 * (which throw on a bad source) stay an ordinary, unknown, key.
 */
// logLevel 'error': a list or map as a key is refused by the checks; yaml's warning about it would
// reach stderr as a Node process warning. uniqueKeys false: yaml compares each key with every key
// before it (100,000 answers took 100 s); duplicateKeys does the same check in one pass.
const COMPOSE_OPTIONS = { uniqueKeys: false, schema: 'core', merge: false, resolveKnownTags: false, logLevel: 'error' } as const;

type Composed =
  | { readonly doc: Document.Parsed; readonly nextDocumentAt?: number }
  | { readonly tooDeepAt: number };

/**
 * The first YAML document of `text`, composed from a token stream that stops where nesting passes
 * MAX_NESTING. yaml's parseDocument would first build the whole tree: gigabytes for a few megabytes
 * of `[`. Also says where a second document starts, if one does.
 */
function composeFirstDocument(text: string): Composed {
  const parser = new Parser();
  let tooDeepAt: number | undefined;
  function* tokens() {
    for (const lexeme of new Lexer().lex(text)) {
      yield* parser.next(lexeme);
      // The parser's stack holds the document, then every collection still open around this token.
      const innermost = parser.stack.at(-1);
      if (parser.stack.length - 1 > MAX_NESTING && innermost) {
        tooDeepAt = innermost.offset;
        return;
      }
    }
    yield* parser.end();
  }
  const documents = new Composer(COMPOSE_OPTIONS).compose(tokens(), true, text.length);
  const first = documents.next();
  const second = first.done ? first : documents.next();
  if (tooDeepAt !== undefined) return { tooDeepAt };
  // compose(…, forceDoc = true) yields a document even for empty text.
  const doc = first.value as Document.Parsed;
  return second.done ? { doc } : { doc, nextDocumentAt: second.value.range[0] };
}

function syntaxFinding(file: string, lineCounter: LineCounter, error: YAMLError): Finding {
  const position = lineCounter.linePos(Math.max(0, error.pos[0]));
  return findingAt(file, position, 'yaml-syntax', { detail: error.message.split('\n')[0] ?? error.code });
}

/**
 * Keys repeated within one map, each named where it repeats: yaml's own uniqueKeys check (scalar keys
 * with the same value, `1` and `"1"` being different), made linear with a set per map.
 */
function duplicateKeys(file: string, doc: Document.Parsed, lineCounter: LineCounter): Finding[] {
  const findings: Finding[] = [];
  visit(doc, {
    Map: (_, map) => {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        // NaN is never equal to itself, so yaml never finds `.nan` repeated; keys that are lists, maps
        // or aliases are equal only to themselves.
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        if (seen.has(key.value)) findings.push(findingAt(file, startOf(lineCounter, key), 'duplicate-key'));
        else seen.add(key.value);
      }
    },
  });
  return findings;
}

/**
 * What must not become data, found on the document first: keys that would reach JavaScript's object
 * machinery, aliases to no anchor or to a value they sit inside (which toJS would make a cycle that
 * no check or output could ever finish walking), and aliases beyond MAX_ALIASES.
 */
function unsafeNodes(file: string, doc: Document.Parsed, lineCounter: LineCounter): Finding[] {
  const findings: Finding[] = [];
  const refuse = (node: Node, code: FindingCode, params: FindingParams) =>
    findings.push(findingAt(file, startOf(lineCounter, node), code, params));
  // An alias means the last anchor of its name before it in document order, which is visit's order.
  const anchors = new Map<string, Node>();
  let aliases = 0;
  visit(doc, {
    Node: (_, node) => {
      if (node.anchor) anchors.set(node.anchor, node);
    },
    Pair: (_, pair) => {
      const key = isAlias(pair.key) ? anchors.get(pair.key.source) : pair.key;
      if (isScalar(key) && FORBIDDEN_KEYS.has(String(key.value)) && isNode(pair.key)) {
        refuse(pair.key, 'forbidden-key', { key: String(key.value) });
      }
    },
    Alias: (_, alias, ancestors) => {
      if (++aliases > MAX_ALIASES) {
        refuse(alias, 'too-many-aliases', { limit: MAX_ALIASES });
        return visit.BREAK;
      }
      const target = anchors.get(alias.source);
      if (!target) refuse(alias, 'bad-alias', { name: alias.source, reason: 'undefined' });
      else if (ancestors.includes(target)) refuse(alias, 'bad-alias', { name: alias.source, reason: 'inside-itself' });
      return undefined;
    },
  });
  return findings;
}

function firstAlias(doc: Document.Parsed): Alias | undefined {
  let found: Alias | undefined;
  visit(doc, {
    Alias: (_, alias) => {
      found = alias;
      return visit.BREAK;
    },
  });
  return found;
}

/** The document as plain data; an alias bomb is refused at its first alias, where the multiplying starts. */
function toData(source: Omit<SourceDocument, 'data'>): { data: unknown } | { finding: Finding } {
  try {
    return { data: source.doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (error) {
    // Every alias resolves (unsafeNodes saw to it): a ReferenceError can only be yaml's maxAliasCount.
    if (!(error instanceof ReferenceError)) throw error;
    return { finding: findingAt(source.file, startOf(source.lineCounter, firstAlias(source.doc)), 'too-many-aliases', { limit: MAX_ALIASES }) };
  }
}

/** `---` or a comment alone make a document with an empty plain scalar: as empty as no document. */
function isEmpty(doc: Document.Parsed): boolean {
  const { contents } = doc;
  return contents === null || (isScalar(contents) && contents.source === '' && contents.value === null);
}

/**
 * Where every line of `text` starts, found in the text itself. The parser's own count (Parser's
 * newline callback) misses the line break inside a multi-line plain scalar of a broken map, which put
 * every syntax error after it a line too early (found by fuzzing: ` :\n\n.\nr:`).
 */
function linesOf(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineCounter.addNewLine(at + 1);
  return lineCounter;
}

export function parseYaml(file: string, written: string): ParseResult {
  // yaml reads a lone CR as part of the line; YAML says it ends one. Same length, so offsets hold.
  const text = written.replace(/\r(?!\n)/g, '\n');
  const lineCounter = linesOf(text);
  const composed = composeFirstDocument(text);
  if ('tooDeepAt' in composed) {
    return refused(findingAt(file, lineCounter.linePos(composed.tooDeepAt), 'too-deep', { limit: MAX_NESTING }));
  }
  const { doc, nextDocumentAt } = composed;
  const duplicates = duplicateKeys(file, doc, lineCounter);
  if (doc.errors.length > 0 || duplicates.length > 0) {
    return refused(...[...doc.errors.map((error) => syntaxFinding(file, lineCounter, error)), ...duplicates].toSorted(byPosition));
  }
  if (nextDocumentAt !== undefined) return refused(findingAt(file, lineCounter.linePos(nextDocumentAt), 'multiple-documents'));
  if (isEmpty(doc)) return refused(findingAt(file, FILE_START, 'empty-file'));
  const unsafe = unsafeNodes(file, doc, lineCounter);
  if (unsafe.length > 0) return refused(...unsafe);
  const converted = toData({ file, doc, lineCounter });
  if ('finding' in converted) return refused(converted.finding);
  return { ok: true, source: { file, doc, lineCounter, data: converted.data } };
}

function startOf(lineCounter: LineCounter, node: Node | undefined): { line: number; col: number } {
  return lineCounter.linePos(node?.range?.[0] ?? 0);
}

type MapNode = YAMLMap<unknown, unknown>;
type MapPair = MapNode['items'][number];
const keyIndexes = new WeakMap<MapNode, Map<string, MapPair>>();

/**
 * A map's entries by key, made once per map: a finding per entry of a 40,000-entry map would
 * otherwise scan the map each time. Keys are compared as text: data paths carry `5` for the YAML
 * key `5` of a scale's labels. The first entry of a key wins, as a scan would find it.
 */
function pairsByKey(map: MapNode): Map<string, MapPair> {
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
      if (!index.has(key)) index.set(key, pair);
    }
    keyIndexes.set(map, index);
  }
  return index;
}

/**
 * The position of the node at `path`. With `at: 'key'` and a map entry, the position of its key,
 * which is where an unknown key should be pointed at. A path that does not exist (a missing key)
 * resolves to the deepest node that does: its parent.
 */
export function positionOf(
  source: SourceDocument,
  path: DataPath,
  at: 'value' | 'key' = 'value',
): { line: number; col: number } {
  let node: Node | undefined = source.doc.contents ?? undefined;
  for (const [index, segment] of path.entries()) {
    if (!isNode(node) || !('items' in node)) break;
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = pairsByKey(node).get(String(segment));
      if (!pair) break;
      if (last && at === 'key' && isNode(pair.key)) return startOf(source.lineCounter, pair.key);
      // A key with no value (`weight:`) has no value node; its key is the nearest place.
      node = isNode(pair.value) ? pair.value : isNode(pair.key) ? pair.key : node;
      if (!isNode(pair.value)) break;
    } else {
      const child: unknown = (node.items as unknown[])[Number(segment)];
      if (!isNode(child) || isPair(child)) break;
      node = child;
    }
  }
  return startOf(source.lineCounter, node);
}

export function findingOf(
  source: SourceDocument,
  path: DataPath,
  code: FindingCode,
  params: FindingParams = {},
  at: 'value' | 'key' = 'value',
): Finding {
  if (source.locate) {
    const place = source.locate(path, at);
    return findingAt(place.file, place, code, params);
  }
  return findingAt(source.file, positionOf(source, path, at), code, params);
}

/**
 * Data with no YAML nodes behind it, as a document the checks can take: data made by the tool (an
 * audit from a spreadsheet row, whose findings `locate` places), or data parsed without positions.
 * Anything that asks for a node calls `noYaml`, which must throw.
 */
export function sourceOfData(
  file: string,
  data: unknown,
  { locate, noYaml }: { readonly locate?: SourceDocument['locate']; readonly noYaml: () => never },
): SourceDocument {
  return {
    file,
    data,
    ...(locate && { locate }),
    get doc() {
      return noYaml();
    },
    get lineCounter() {
      return noYaml();
    },
  };
}
