// One file from disk to checked data: parse, tell checklist from audit, check the shape, then the rules.
import type { Finding } from '../findings.js';
import type { Audit, Checklist } from '../schema/types.js';
import { checkShape } from '../schema/validator.js';
import { checkAuditRules } from './audit-rules.js';
import { checkChecklistRules } from './checklist-rules.js';
import type { ChecklistLibrary, LoadedChecklist } from './library.js';
import { loadFilesInWorkers, threadsFor } from './parallel.js';
import { checkFile } from './checked-source.js';
import { findingAt, type SourceDocument } from './source.js';

export interface LoadedAudit {
  readonly file: string;
  readonly audit: Audit;
  readonly checklist: LoadedChecklist;
}

export type FileKind = 'checklist' | 'audit';

export type FileResult =
  | { readonly kind: 'checklist'; readonly file: string; readonly findings: Finding[]; readonly checklist?: LoadedChecklist }
  | { readonly kind: 'audit'; readonly file: string; readonly findings: Finding[]; readonly audit?: LoadedAudit }
  | { readonly kind: 'unknown'; readonly file: string; readonly findings: Finding[] };

export function kindOf(data: unknown): FileKind | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  if ('sections' in data) return 'checklist';
  if ('responses' in data || 'checklist' in data) return 'audit';
  return undefined;
}

export interface ChecklistCheck {
  readonly findings: Finding[];
  readonly checklist?: LoadedChecklist;
}

export function checkChecklistSource(source: SourceDocument): ChecklistCheck {
  const shape = checkShape(source, 'checklist');
  if (!shape.data) return { findings: shape.findings };
  const findings = checkChecklistRules(source, shape.data);
  if (findings.length > 0) return { findings };
  return { findings, checklist: { file: source.file, checklist: shape.data satisfies Checklist } };
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
  return { kind: 'unknown', file, findings: [findingAt(file, { line: 1, col: 1 }, 'unknown-kind')] };
}

export function loadFile(file: string, library: ChecklistLibrary): Promise<FileResult> {
  return checkFile(file, (source) => checkSource(source, library), (findings): FileResult => ({ kind: 'unknown', file, findings }));
}

/**
 * Loads many files, on worker threads when there are many, yielding results in the order of `files`
 * so that output is stable, and never holding more than a window of parsed documents at once.
 */
export async function* loadFiles(
  files: readonly string[],
  library: ChecklistLibrary,
  threads = threadsFor(files.length),
): AsyncGenerator<FileResult> {
  if (threads > 1) {
    yield* loadFilesInWorkers(files, library.options, threads);
    return;
  }
  const window = 16;
  const pending: Promise<FileResult>[] = [];
  let next = 0;
  while (next < files.length || pending.length > 0) {
    while (next < files.length && pending.length < window) pending.push(loadFile(files[next++]!, library));
    yield await pending.shift()!;
  }
}
