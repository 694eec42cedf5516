// Many files loaded, on worker threads when there are many, results in the order of the files.
import type { ChecklistLibrary } from './library.js';
import { loadFile } from './load-file.js';
import type { FileResult } from './loaded.js';
import { loadFilesInWorkers } from './parallel.js';

/**
 * Loads many files, on `workers` worker threads if any, else in this thread, yielding results in the order of
 * `files` so that output is stable, and never holding more than a few parsed documents at once.
 */
export async function* loadFiles(files: readonly string[], library: ChecklistLibrary, workers: number): AsyncGenerator<FileResult> {
  if (workers > 0) {
    yield* loadFilesInWorkers(files, library, workers);
    return;
  }
  // Reads are synchronous (fs/read-file.ts), so there is nothing to overlap: one file after another.
  for (const file of files) yield await loadFile(file, library);
}
