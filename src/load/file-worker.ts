// A worker thread that loads and checks files for the main thread (see parallel.ts): the same
// loadFile as in one thread, with a library made from the same options.
import { parentPort, workerData } from 'node:worker_threads';
import { ChecklistLibrary } from './library.js';
import { loadFile } from './load-file.js';
import { toWire, type FileTask, type WorkerReply, type WorkerStart } from './worker-messages.js';

const port = parentPort;
if (!port) throw new Error('file-worker.js runs as a worker thread');
const library = new ChecklistLibrary((workerData as WorkerStart).library);
const sent = new Set<string>();

port.on('message', ({ index, file }: FileTask) => {
  loadFile(file, library).then(
    (result) => port.postMessage({ index, ...toWire(result, sent) } satisfies WorkerReply),
    // loadFile turns every problem of a file into findings; what reaches here is a bug, for the main thread to report.
    (error: unknown) => port.postMessage({ index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply),
  );
});
