// What crosses between the main thread and the file workers. Checklists are large (tens of kilobytes
// as data) and shared by thousands of audits, so each worker sends each checklist once and then only
// names it by file; the main thread puts the same object back into every result.
import type { LibraryOptions } from './library.js';
import type { FileResult, LoadedAudit, LoadedChecklist } from './loaded.js';

export interface WorkerStart {
  readonly library: Required<LibraryOptions>;
}

export interface FileTask {
  readonly index: number;
  readonly file: string;
}

type WireAudit = Omit<LoadedAudit, 'checklist'> & { readonly checklistFile: string };

export type WireResult =
  | Exclude<FileResult, { kind: 'audit' }>
  | (Omit<Extract<FileResult, { kind: 'audit' }>, 'audit'> & { readonly audit?: WireAudit });

export type WorkerReply =
  | { readonly index: number; readonly result: WireResult; readonly checklists: readonly LoadedChecklist[] }
  | { readonly index: number; readonly error: string };

/** The result as sent: its checklist named by file, and given in full only if `sent` lacks it. */
export function toWire(result: FileResult, sent: Set<string>): { result: WireResult; checklists: LoadedChecklist[] } {
  if (result.kind !== 'audit') return { result, checklists: [] };
  if (!result.audit) return { result: { kind: result.kind, file: result.file, findings: result.findings }, checklists: [] };
  const { checklist, ...audit } = result.audit;
  const isNew = !sent.has(checklist.file);
  sent.add(checklist.file);
  return { result: { ...result, audit: { ...audit, checklistFile: checklist.file } }, checklists: isNew ? [checklist] : [] };
}

/** The result as it was, with its checklist taken from those received so far. */
export function fromWire(result: WireResult, received: ReadonlyMap<string, LoadedChecklist>): FileResult {
  if (result.kind !== 'audit') return result;
  if (!result.audit) return { kind: result.kind, file: result.file, findings: result.findings };
  const { checklistFile, ...audit } = result.audit;
  const checklist = received.get(checklistFile);
  // Each worker sends a checklist before any result that names it, and its messages arrive in order.
  if (!checklist) throw new Error(`file worker named checklist ${checklistFile} before sending it`);
  return { ...result, audit: { ...audit, checklist } };
}
