// What crosses between the main thread and the file workers. Files go out in batches, so that the
// fixed cost of a message is shared by many small files. Checklists are large (tens of kilobytes
// as data) and shared by thousands of audits, so each worker sends each checklist once and then
// only names it by file; the main thread puts the same object back into every result.
import type { LibraryOptions } from './library.js';
import type { FileResult, LoadedAudit, LoadedChecklist } from './loaded.js';

export interface WorkerStart {
  readonly library: Required<LibraryOptions>;
}

/** Files `first`, `first + 1`, … of the batch, in that order. */
export interface FileTask {
  readonly first: number;
  readonly files: readonly string[];
}

type WireAudit = Omit<LoadedAudit, 'checklist'> & { readonly checklistFile: string };

export type WireResult =
  | Exclude<FileResult, { kind: 'audit' }>
  | (Omit<Extract<FileResult, { kind: 'audit' }>, 'audit'> & { readonly audit?: WireAudit });

/** The results of one task in the order of its files, after the checklists they name for the first time. */
export type WorkerReply =
  | { readonly first: number; readonly results: readonly WireResult[]; readonly checklists: readonly LoadedChecklist[] }
  | { readonly first: number; readonly error: string };

/** The result as sent: its checklist named by file, and added to `checklists` if `sent` lacks it. */
export function toWire(result: FileResult, sent: Set<string>, checklists: LoadedChecklist[]): WireResult {
  if (result.kind !== 'audit') return result;
  if (!result.audit) return { kind: result.kind, file: result.file, findings: result.findings };
  const { checklist, ...audit } = result.audit;
  if (!sent.has(checklist.file)) {
    sent.add(checklist.file);
    checklists.push(checklist);
  }
  return { ...result, audit: { ...audit, checklistFile: checklist.file } };
}

/** The result as it was, with its checklist taken from those received so far. */
export function fromWire(result: WireResult, received: ReadonlyMap<string, LoadedChecklist>): FileResult {
  if (result.kind !== 'audit') return result;
  if (!result.audit) return { kind: result.kind, file: result.file, findings: result.findings };
  const { checklistFile, ...audit } = result.audit;
  const checklist = received.get(checklistFile);
  // Each worker sends a checklist with or before the first result that names it, and its messages arrive in order.
  if (!checklist) throw new Error(`file worker named checklist ${checklistFile} before sending it`);
  return { ...result, audit: { ...audit, checklist } };
}
