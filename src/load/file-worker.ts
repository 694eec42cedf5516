// A worker thread that loads and checks files for the main thread (see parallel.ts): the same
// loading as loadFile in one thread, of files the main thread has read, with a library made from
// the same options, one batch of files a task.
import { parentPort, workerData } from 'node:worker_threads';
import { ChecklistLibrary } from './library.js';
import { loadRead } from './load-file.js';
import type { LoadedChecklist } from './loaded.js';
import { readOf, toWire, type FileTask, type WireResult, type WorkerReply, type WorkerStart } from './worker-messages.js';

const port = parentPort;
if (!port) throw new Error('file-worker.js runs as a worker thread');
const library = new ChecklistLibrary((workerData as WorkerStart).library);
const sent = new Set<string>();

async function loadBatch(task: FileTask): Promise<WorkerReply> {
  const checklists: LoadedChecklist[] = [];
  const results: WireResult[] = [];
  for (const [index, file] of task.files.entries()) results.push(toWire(await loadRead(file, readOf(task, index), library), sent, checklists));
  return { first: task.first, results, checklists };
}

// Tasks arrive while one is loading; they run one after another, so results leave in their order.
let queue = Promise.resolve();
port.on('message', (task: FileTask) => {
  queue = queue.then(() =>
    loadBatch(task).then(
      (reply) => port.postMessage(reply),
      // loadRead turns every problem of a file into findings; what reaches here is a bug, for the main thread to report.
      (error: unknown) => port.postMessage({ first: task.first, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply),
    ),
  );
});
