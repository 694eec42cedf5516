// What crosses between the main thread and the file workers. Files go out in batches, so that the
// fixed cost of a message is shared by many small files. Checklists are large (tens of kilobytes
// as data) and shared by thousands of audits, so each worker sends each checklist once and then
// only names it by file; the main thread puts the same object back into every result. The main
// thread reads the files (it waits for its workers most of the time) and sends their bytes, one
// buffer a task, moved rather than copied; the workers decode, parse and check.
import type { FileRead } from '../fs/read-file.js';
import type { Finding } from '../shared/findings.js';
import type { LibraryOptions } from './library.js';
import type { FileResult, LoadedAudit, LoadedChecklist } from './loaded.js';

export interface WorkerStart {
  readonly library: Required<LibraryOptions>;
}

/**
 * Files `first`, `first + 1`, … of the batch, in that order, as read: file i's bytes end at
 * `ends[i]` in `bytes` and start where file i - 1's end, unless `refused[i]` says why it was not read.
 */
export interface FileTask {
  readonly first: number;
  readonly files: readonly string[];
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly ends: readonly number[];
  readonly refused: readonly (Finding | undefined)[];
}

/** The task for `files`, each read by `read`, its bytes copied into one buffer that can be moved to a worker. */
export function readTask(first: number, files: readonly string[], read: (file: string) => FileRead): FileTask {
  const reads = files.map(read);
  const bytes = new Uint8Array(reads.reduce((total, each) => total + ('bytes' in each ? each.bytes.length : 0), 0));
  const ends: number[] = [];
  let end = 0;
  for (const each of reads) {
    if ('bytes' in each) {
      bytes.set(each.bytes, end);
      end += each.bytes.length;
    }
    ends.push(end);
  }
  return { first, files, bytes, ends, refused: reads.map((each) => ('finding' in each ? each.finding : undefined)) };
}

/** File `index` of the task as it was read. */
export function readOf(task: FileTask, index: number): FileRead {
  const finding = task.refused[index];
  if (finding) return { finding };
  return { bytes: task.bytes.subarray(index === 0 ? 0 : task.ends[index - 1], task.ends[index]) };
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
