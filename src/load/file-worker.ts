// A worker thread that parses files for the main thread (see parallel.ts): each file of a task as
// the main thread read it, decoded and fast-parsed as loadFile does in one thread. What the fast
// parse declines, and every check, is the main thread's.
import { parentPort } from 'node:worker_threads';
import { parseTask, type FileTask, type WorkerReply } from './worker-messages.js';

const port = parentPort;
if (!port) throw new Error('file-worker.js runs as a worker thread');

port.on('message', (task: FileTask) => {
  let reply: WorkerReply;
  try {
    reply = { first: task.first, parsed: parseTask(task) };
  } catch (error) {
    // fastParseRead declines whatever it cannot read; what reaches here is a bug, for the main thread to report.
    reply = { first: task.first, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
