// One file read, parsed and checked, fast when the file is plain and valid: fastParse reads it without
// node positions, and the checks run on that data. Positions are only ever needed for a finding, so
// the moment a check asks for one, or ends with any finding at all, the file is parsed again by the
// position-aware parseYaml and checked from scratch: that path alone decides about files with
// problems, and every finding it makes names its line and column.
import type { Finding } from '../shared/findings.js';
import { fastParse } from '../yaml/fast-parse.js';
import { decodeText, readBytes, type FileRead } from '../fs/read-file.js';
import { parseYaml, sourceOfData, type SourceDocument } from '../yaml/source.js';

/** What every check returns: its findings, empty when the file passed. */
export interface Checked {
  readonly findings: readonly Finding[];
}

/** A check of a parsed file, and what to return for a file that never gets that far. */
type Check<R> = (source: SourceDocument) => R | Promise<R>;
type Refusal<R> = (findings: Finding[]) => R;

class PositionsNeeded extends Error {}

function withoutPositions(file: string, data: unknown): SourceDocument {
  return sourceOfData(file, data, {
    noYaml: () => {
      throw new PositionsNeeded();
    },
  });
}

/** `check` on data the fast parse gave, or undefined when the check needs positions or finds anything. */
async function checkedData<R extends Checked>(file: string, data: unknown, check: Check<R>): Promise<R | undefined> {
  try {
    const result = await check(withoutPositions(file, data));
    return result.findings.length === 0 ? result : undefined;
  } catch (error) {
    if (error instanceof PositionsNeeded) return undefined;
    throw error;
  }
}

/**
 * A file read already, fast-parsed: its data, or undefined when it is not UTF-8 text that fastParse
 * takes. Pure work on bytes, so that it can run on a worker thread (parallel.ts).
 */
export function fastParseRead(file: string, read: FileRead): { data: unknown } | undefined {
  if ('finding' in read) return undefined;
  const decoded = decodeText(file, read.bytes);
  return 'text' in decoded ? fastParse(decoded.text) : undefined;
}

/** `check` applied to the text as parseYaml reads it, or `refused` with the findings of a text that does not parse. */
export async function checkParsed<R extends Checked>(
  file: string,
  text: string,
  check: Check<R>,
  refused: Refusal<R>,
): Promise<R> {
  const parsed = parseYaml(file, text);
  return parsed.ok ? check(parsed.source) : refused(parsed.findings);
}

/**
 * `check` applied to a file read already (readBytes) and fast-parsed (fastParseRead, perhaps on
 * another thread), or `refused` with the findings of a file that cannot be decoded or parsed.
 */
export async function checkFastParsed<R extends Checked>(
  file: string,
  read: FileRead,
  fast: { data: unknown } | undefined,
  check: Check<R>,
  refused: Refusal<R>,
): Promise<R> {
  const checked = fast && (await checkedData(file, fast.data, check));
  if (checked) return checked;
  const decoded = 'finding' in read ? read : decodeText(file, read.bytes);
  if ('finding' in decoded) return refused([decoded.finding]);
  return checkParsed(file, decoded.text, check, refused);
}

/**
 * Reads `file` (refused when over `maxFileBytes`) and applies `check` to its data; `refused` shapes the findings of a file that cannot be
 * read or parsed. The result is the one parseYaml would give (test/unit/checked-source.test.ts).
 */
export function checkFile<R extends Checked>(
  file: string,
  maxFileBytes: number,
  check: Check<R>,
  refused: Refusal<R>,
): Promise<R> {
  const read = readBytes(file, maxFileBytes);
  return checkFastParsed(file, read, fastParseRead(file, read), check, refused);
}
