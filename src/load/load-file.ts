// One file from disk to checked data: parse, tell checklist, audit and survey map apart, check the shape, then the rules.
import { FILE_START, findingAt } from '../shared/findings.js';
import type { SourceDocument } from '../yaml/source.js';
import { checkAuditRules } from './audit-rules.js';
import { readBytes, type FileRead } from '../fs/read-file.js';
import { checkFastParsed, fastParseRead } from './checked-source.js';
import { checkChecklistSource } from './checklist-check.js';
import type { ChecklistLibrary } from './library.js';
import { checkMapSource } from './map-check.js';
import type { FileKind, FileResult } from './loaded.js';
import { checkShape } from './shape.js';

export function kindOf(data: unknown): FileKind | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  if ('sections' in data) return 'checklist';
  if ('responses' in data) return 'audit';
  // A survey map names a checklist too, but holds the columns of its items instead of responses.
  if ('items' in data) return 'map';
  if ('checklist' in data) return 'audit';
  return undefined;
}

/** A parsed file told checklist from audit and checked as what it is. */
export async function checkSource(source: SourceDocument, library: ChecklistLibrary): Promise<FileResult> {
  const { file } = source;
  const kind = kindOf(source.data);
  if (kind === 'checklist') return { kind, file, ...checkChecklistSource(source) };
  if (kind === 'audit') {
    const shape = checkShape(source, 'audit');
    if (!shape.data) return { kind, file, findings: shape.findings };
    const checked = await checkAuditRules(source, shape.data, library);
    return { kind, file, ...checked };
  }
  if (kind === 'map') return { kind, file, findings: (await checkMapSource(source, library)).findings };
  return { kind: 'unknown', file, findings: [findingAt(file, FILE_START, 'unknown-kind')] };
}

/**
 * A file read and fast-parsed already loaded as loadFile loads it: the main thread checks what it
 * read and its workers parsed (parallel.ts).
 */
export function loadFastParsed(file: string, read: FileRead, fast: { data: unknown } | undefined, library: ChecklistLibrary): Promise<FileResult> {
  return checkFastParsed(
    file,
    read,
    fast,
    (source) => checkSource(source, library),
    (findings): FileResult => ({ kind: 'unknown', file, findings }),
  );
}

export function loadFile(file: string, library: ChecklistLibrary): Promise<FileResult> {
  const read = readBytes(file, library.options.maxFileBytes);
  return loadFastParsed(file, read, fastParseRead(file, read), library);
}
