// What crosses between the main thread and the file workers. Files go out in batches, so that the
// fixed cost of a message is shared by many small files. The main thread reads the files and checks
// them (it would otherwise wait for its workers most of the time); a worker decodes and parses them,
// the one step that is most of the work, and sends back the data of each file its fast parse took.
import type { FileRead } from '../fs/read-file.js';
import type { Finding } from '../shared/findings.js';
import { fastParseRead } from './checked-source.js';

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

/** Files a task carries at most: enough that a message's fixed cost is shared by small files. */
export const MAX_FILES_PER_TASK = 32;
/**
 * The bytes after which a task takes no further file: few enough that the parsed files waiting
 * on the main thread to be checked, several times their size as objects, stay few (32 store
 * audits held 4 MB, which every young collection of that thread copied).
 */
export const TASK_BYTES = 64 * 1024;

/**
 * The task of files `first`, `first + 1`, … of `batch`, each read by `read`: at least one, then as
 * many as come to TASK_BYTES, up to MAX_FILES_PER_TASK; their bytes copied into one buffer.
 */
export function readTask(batch: readonly string[], first: number, read: (file: string) => FileRead): FileTask {
  const reads: FileRead[] = [];
  let total = 0;
  for (let at = first; at < batch.length && reads.length < MAX_FILES_PER_TASK && (reads.length === 0 || total < TASK_BYTES); at++) {
    const each = read(batch[at]!);
    reads.push(each);
    if ('bytes' in each) total += each.bytes.length;
  }
  const bytes = new Uint8Array(total);
  const ends: number[] = [];
  let end = 0;
  for (const each of reads) {
    if ('bytes' in each) {
      bytes.set(each.bytes, end);
      end += each.bytes.length;
    }
    ends.push(end);
  }
  const files = batch.slice(first, first + reads.length);
  return { first, files, bytes, ends, refused: reads.map((each) => ('finding' in each ? each.finding : undefined)) };
}

/** File `index` of the task as it was read. */
export function readOf(task: FileTask, index: number): FileRead {
  const finding = task.refused[index];
  if (finding) return { finding };
  return { bytes: task.bytes.subarray(index === 0 ? 0 : task.ends[index - 1], task.ends[index]) };
}

/** The fast parse of each file of a task, in its order: the data, or undefined where it declined. */
export type ParsedFiles = readonly ({ data: unknown } | undefined)[];

/** What a worker does with a task, and what the main thread does with one when it would wait. */
export function parseTask(task: FileTask): ParsedFiles {
  return task.files.map((file, index) => fastParseRead(file, readOf(task, index)));
}

/** The fast parse of each file of task `first`. */
export type WorkerReply = { readonly first: number; readonly parsed: ParsedFiles } | { readonly first: number; readonly error: string };
