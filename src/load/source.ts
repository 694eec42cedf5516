// Reading a YAML file into a document that remembers where every node came from, so that any
// later finding can name the line and column of the offending node.
import { readFile } from 'node:fs/promises';
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Finding, FindingCode, FindingParams } from '../findings.js';

export type PathSegment = string | number;
export type DataPath = readonly PathSegment[];

export interface SourceDocument {
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The document as plain data; undefined when the file holds nothing. */
  readonly data: unknown;
}

export type ParseResult =
  | { readonly ok: true; readonly source: SourceDocument }
  | { readonly ok: false; readonly findings: Finding[] };

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LENIENT = new TextDecoder('utf-8');

export function findingAt(
  file: string,
  position: { line: number; col: number },
  code: FindingCode,
  params: FindingParams = {},
): Finding {
  return { code, file, line: position.line, column: position.col, params };
}

function positionInText(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

/** Decodes strictly: a file that is not UTF-8 is refused with the place of its first bad byte. */
export function decodeText(file: string, bytes: Uint8Array): { text: string } | { finding: Finding } {
  if (bytes.includes(0)) return { finding: findingAt(file, { line: 1, col: 1 }, 'binary-file') };
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    const lenient = UTF8_LENIENT.decode(bytes);
    return { finding: findingAt(file, positionInText(lenient, Math.max(0, lenient.indexOf('\uFFFD'))), 'not-utf8') };
  }
}

export function parseYaml(file: string, text: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      findings: doc.errors.map((error) => {
        const position = error.linePos?.[0] ?? { line: 1, col: 1 };
        if (error.code === 'DUPLICATE_KEY') return findingAt(file, position, 'duplicate-key');
        // yaml's prettyErrors append a code frame after the first line; the position already says where.
        const detail = (error.message.split('\n')[0] ?? error.code).replace(/ at line \d+, column \d+:?$/, '');
        return findingAt(file, position, 'yaml-syntax', { detail });
      }),
    };
  }
  if (doc.contents === null) return { ok: false, findings: [findingAt(file, { line: 1, col: 1 }, 'empty-file')] };
  return { ok: true, source: { file, doc, lineCounter, data: doc.toJS() } };
}

export async function readSource(file: string): Promise<ParseResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, findings: [findingAt(file, { line: 1, col: 1 }, 'unreadable', { reason })] };
  }
  const decoded = decodeText(file, bytes);
  if ('finding' in decoded) return { ok: false, findings: [decoded.finding] };
  return parseYaml(file, decoded.text);
}

function startOf(source: SourceDocument, node: Node | undefined): { line: number; col: number } {
  const offset = node?.range?.[0] ?? 0;
  return source.lineCounter.linePos(offset);
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
      // Keys are compared as text: data paths carry `5` for the YAML key `5` of a scale's labels.
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(segment));
      if (!pair) break;
      if (last && at === 'key' && isNode(pair.key)) return startOf(source, pair.key);
      // A key with no value (`weight:`) has no value node; its key is the nearest place.
      node = isNode(pair.value) ? pair.value : isNode(pair.key) ? pair.key : node;
      if (!isNode(pair.value)) break;
    } else {
      const child: unknown = (node.items as unknown[])[Number(segment)];
      if (!isNode(child) || isPair(child)) break;
      node = child;
    }
  }
  return startOf(source, node);
}

export function findingOf(
  source: SourceDocument,
  path: DataPath,
  code: FindingCode,
  params: FindingParams = {},
  at: 'value' | 'key' = 'value',
): Finding {
  return findingAt(source.file, positionOf(source, path, at), code, params);
}
