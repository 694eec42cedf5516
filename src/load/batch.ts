// Many files loaded, on worker threads when there are many, results in the order of the files.
import type { ChecklistLibrary } from './library.js';
import { loadFile } from './load-file.js';
import type { FileResult } from './loaded.js';
import { loadFilesInWorkers } from './parallel.js';

// Files read at once in one thread: enough to overlap their reads, few enough that memory stays flat.
const WINDOW = 16;

/**
 * Loads many files, on `threads` worker threads when more than one, yielding results in the order of
 * `files` so that output is stable, and never holding more than a window of parsed documents at once.
 */
export async function* loadFiles(files: readonly string[], library: ChecklistLibrary, threads: number): AsyncGenerator<FileResult> {
  if (threads > 1) {
    yield* loadFilesInWorkers(files, library.options, threads);
    return;
  }
  const pending: Promise<FileResult>[] = [];
  let next = 0;
  while (next < files.length || pending.length > 0) {
    while (next < files.length && pending.length < WINDOW) pending.push(loadFile(files[next++]!, library));
    yield await pending.shift()!;
  }
}
