// A worker thread that loads and checks files for the main thread (see parallel.ts): the same
// loadFile as in one thread, with a library made from the same options, one batch of files a task.
import { parentPort, workerData } from 'node:worker_threads';
import { ChecklistLibrary } from './library.js';
import { loadFile } from './load-file.js';
import type { LoadedChecklist } from './loaded.js';
import { toWire, type FileTask, type WireResult, type WorkerReply, type WorkerStart } from './worker-messages.js';

const port = parentPort;
if (!port) throw new Error('file-worker.js runs as a worker thread');
const library = new ChecklistLibrary((workerData as WorkerStart).library);
const sent = new Set<string>();

async function loadBatch({ first, files }: FileTask): Promise<WorkerReply> {
  const checklists: LoadedChecklist[] = [];
  const results: WireResult[] = [];
  for (const file of files) results.push(toWire(await loadFile(file, library), sent, checklists));
  return { first, results, checklists };
}

// Tasks arrive while one is loading; they run one after another, so results leave in their order.
let queue = Promise.resolve();
port.on('message', (task: FileTask) => {
  queue = queue.then(() =>
    loadBatch(task).then(
      (reply) => port.postMessage(reply),
      // loadFile turns every problem of a file into findings; what reaches here is a bug, for the main thread to report.
      (error: unknown) => port.postMessage({ first: task.first, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply),
    ),
  );
});
