// Many files loaded on worker threads, results handed back in the order of the files. Parsing YAML
// is most of the work of scoring a batch, and it is CPU-bound: threads make it scale with the cores.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LibraryOptions } from './library.js';
import type { FileResult, LoadedChecklist } from './loaded.js';
import { fromWire, type FileTask, type WorkerReply, type WorkerStart } from './worker-messages.js';

/** Below this many files, starting workers (about a tenth of a second each) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 64;
/** Files a worker may hold at once: enough to keep it busy, few enough that memory stays flat. */
const QUEUE_PER_WORKER = 16;

/**
 * How many worker threads to load `files` files with; 1 means none, in the main thread. `configured`
 * (SVC_AUDIT_THREADS, resolved by the CLI), when given, overrides the choice (1 for no workers), up to
 * one thread a file and a core: a thread more does no work but costs its start and its memory
 * (SVC_AUDIT_THREADS=1000 on one file took 29 s and 5.6 GB).
 */
export function threadsFor(files: number, configured?: number): number {
  if (configured !== undefined) return Math.max(1, Math.min(configured, files, os.availableParallelism()));
  if (files < MIN_FILES_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(os.availableParallelism(), 8, Math.ceil(files / MIN_FILES_FOR_WORKERS)));
}

interface Lane {
  readonly worker: Worker;
  queued: number;
}

/** loadFiles on `threads` worker threads: the same results in the same order. */
export async function* loadFilesInWorkers(
  files: readonly string[],
  library: LibraryOptions,
  threads: number,
): AsyncGenerator<FileResult> {
  const ready = new Map<number, FileResult>();
  const checklists = new Map<string, LoadedChecklist>();
  let failure: Error | undefined;
  let closing = false;
  let wake: (() => void) | undefined;
  const lanes: Lane[] = Array.from({ length: threads }, () => {
    const lane: Lane = {
      worker: new Worker(new URL('./file-worker.js', import.meta.url), { workerData: { library } satisfies WorkerStart }),
      queued: 0,
    };
    lane.worker.on('message', (reply: WorkerReply) => {
      lane.queued--;
      if ('error' in reply) failure ??= new Error(`while loading ${files[reply.index]}: ${reply.error}`);
      else {
        for (const checklist of reply.checklists) checklists.set(checklist.file, checklist);
        ready.set(reply.index, fromWire(reply.result, checklists));
      }
      wake?.();
    });
    lane.worker.on('error', (error) => {
      failure ??= error;
      wake?.();
    });
    lane.worker.on('exit', (code) => {
      if (!closing) failure ??= new Error(`a file worker stopped early (exit code ${code})`);
      wake?.();
    });
    return lane;
  });

  let sent = 0;
  const send = (next: number) => {
    // Never further ahead of the next file to hand back than the lanes can hold, so that a slow file
    // holds up the results behind it, not memory.
    while (sent < files.length && sent < next + threads * QUEUE_PER_WORKER) {
      const lane = lanes.reduce((least, each) => (each.queued < least.queued ? each : least));
      if (lane.queued >= QUEUE_PER_WORKER) return;
      lane.queued++;
      lane.worker.postMessage({ index: sent, file: files[sent]! } satisfies FileTask);
      sent++;
    }
  };

  try {
    for (let next = 0; next < files.length; ) {
      send(next);
      const result = ready.get(next);
      if (result) {
        ready.delete(next++);
        yield result;
        continue;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    closing = true;
    await Promise.all(lanes.map(({ worker }) => worker.terminate()));
  }
}
