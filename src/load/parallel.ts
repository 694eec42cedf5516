// Many files parsed on worker threads, results handed back in the order of the files. Parsing YAML
// is most of the work of scoring a batch, and it is CPU-bound: threads make it scale with the cores.
import { statSync } from 'node:fs';
import { setImmediate } from 'node:timers/promises';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { readBytes } from '../fs/read-file.js';
import type { ChecklistLibrary } from './library.js';
import { loadFastParsed } from './load-file.js';
import type { FileResult } from './loaded.js';
import { parseTask, readOf, readTask, type FileTask, type ParsedFiles, type WorkerReply } from './worker-messages.js';

/**
 * Below this much YAML, starting a worker (a tenth of a second or so, to load its modules) costs
 * more than it saves; each further worker must have as much again to do. About 1,200 survey
 * audits of 850 bytes or 180 store audits of 5.6 KB, a fifth of a second's parsing on one thread.
 */
export const MIN_BYTES_PER_WORKER = 1024 * 1024;
/** Files sized to estimate the total: statting every one of 100,000 files would cost more than it tells. */
const SIZE_SAMPLE = 64;
/**
 * A worker's young generation: what it loads lives for one task, and V8's default (tens of MB a
 * thread) only lets garbage pile up; this keeps each worker's memory near its modules' size.
 */
const WORKER_YOUNG_GENERATION_MB = 8;
/**
 * Tasks a worker may hold at once: one it parses, the rest waiting, so that it does not idle while
 * the main thread is held up (a write, a collection), and memory stays flat. Two left both threads
 * waiting on each other now and then; four took 3-5% off a batch.
 */
export const TASKS_PER_WORKER = 4;

/** The bytes of `files`, from the sizes of an even sample of them (a file that cannot be statted counts as empty). */
export function estimatedBytes(files: readonly string[]): number {
  const step = Math.max(1, files.length / SIZE_SAMPLE);
  let bytes = 0;
  let sampled = 0;
  for (let at = 0; at < files.length; at += step) {
    bytes += statSync(files[Math.floor(at)]!, { throwIfNoEntry: false })?.size ?? 0;
    sampled++;
  }
  return sampled === 0 ? 0 : (bytes / sampled) * files.length;
}

/**
 * How many worker threads to parse `files` on; 0 means none, all in the main thread. One core is
 * left to the main thread, which reads, checks, scores and prints what the workers parse: with
 * small files that is half the work. `configured` (SVC_AUDIT_THREADS, resolved by the CLI) overrides the choice,
 * 1 meaning no workers, up to one thread a file and a core: a thread more does no work but costs
 * its start and its memory (SVC_AUDIT_THREADS=1000 on one file took 29 s and 5.6 GB).
 */
export function workersFor(files: readonly string[], configured?: number): number {
  if (configured !== undefined) {
    const threads = Math.min(configured, files.length, os.availableParallelism());
    return threads <= 1 ? 0 : threads;
  }
  const worth = Math.floor(estimatedBytes(files) / MIN_BYTES_PER_WORKER);
  return Math.max(0, Math.min(os.availableParallelism() - 1, 7, worth));
}

interface Lane {
  readonly worker: Worker;
  queued: number;
}

/**
 * loadFiles with the parsing on `workers` worker threads: this thread reads each task's files, a
 * worker parses them (or this thread, when it has nothing to check and every worker is full), and
 * this thread checks them in file order: the same results in the same order as loadFiles in one thread.
 */
export async function* loadFilesInWorkers(files: readonly string[], library: ChecklistLibrary, workers: number): AsyncGenerator<FileResult> {
  /** Tasks sent and not yet checked, by their first file, with the replies that have come. */
  const tasks = new Map<number, { readonly task: FileTask; parsed?: ParsedFiles; readonly here?: true }>();
  let failure: Error | undefined;
  let closing = false;
  let wake: (() => void) | undefined;
  const lanes: Lane[] = Array.from({ length: workers }, () => {
    const lane: Lane = {
      worker: new Worker(new URL('./file-worker.js', import.meta.url), {
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      }),
      queued: 0,
    };
    lane.worker.on('message', (reply: WorkerReply) => {
      lane.queued--;
      if ('error' in reply) failure ??= new Error(`while parsing ${files[reply.first]} and the files after it: ${reply.error}`);
      else tasks.get(reply.first)!.parsed = reply.parsed;
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
  /** Tasks this thread parsed itself and has not yet checked. */
  let parsedHere = 0;
  const readNext = (): FileTask => {
    const task = readTask(files, sent, (file) => readBytes(file, library.options.maxFileBytes));
    sent += task.files.length;
    return task;
  };
  const send = () => {
    // Never more tasks held than the lanes hold, counting those parsed and not yet checked here: a
    // worker must not parse ahead of a slower main thread (a report's appendix pass held 273 of
    // 313 tasks at once), and a slow file holds up the results behind it, not memory. The least
    // busy lane takes each task, so none holds more than its share.
    while (sent < files.length && tasks.size - parsedHere < lanes.length * TASKS_PER_WORKER) {
      const lane = lanes.reduce((least, each) => (each.queued < least.queued ? each : least));
      lane.queued++;
      const task = readNext();
      // Copied, not moved: the bytes stay here for a file the fast parse declined or a check refuses.
      tasks.set(task.first, { task });
      lane.worker.postMessage(task);
    }
  };

  try {
    // `first` is the first file of the task that holds file `next`.
    for (let next = 0, first = 0; next < files.length; ) {
      send();
      const { task, parsed, here } = tasks.get(first)!;
      if (parsed) {
        const index = next - first;
        const result = await loadFastParsed(task.files[index]!, readOf(task, index), parsed[index], library);
        if (++next - first === task.files.length) {
          tasks.delete(first);
          if (here) parsedHere--;
          first = next;
        }
        yield result;
        continue;
      }
      if (failure) throw failure;
      // Every worker holds all it may and has answered none (big files parse slower than they
      // check): rather than wait, this thread parses the next task itself, as many ahead as a
      // worker would hold. A reply that came while this thread was busy is taken first.
      if (sent < files.length && parsedHere < TASKS_PER_WORKER && lanes.every(({ queued }) => queued === TASKS_PER_WORKER)) {
        await setImmediate();
        if (tasks.get(first)!.parsed) continue;
        const own = readNext();
        tasks.set(own.first, { task: own, parsed: parseTask(own), here: true });
        parsedHere++;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    closing = true;
    await Promise.all(lanes.map(({ worker }) => worker.terminate()));
  }
}
