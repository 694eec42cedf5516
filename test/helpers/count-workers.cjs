// Preloaded into the CLI by test/e2e/parallel.test.ts (NODE_OPTIONS=--require): counts the worker
// threads it starts and writes the count to $WORKERS_STARTED_FILE when the process ends.
const threads = require('node:worker_threads');
const { syncBuiltinESMExports } = require('node:module');

if (threads.isMainThread) {
  let started = 0;
  const Original = threads.Worker;
  threads.Worker = class CountedWorker extends Original {
    constructor(...args) {
      super(...args);
      started++;
    }
  };
  // ES modules importing { Worker } from node:worker_threads see the counted class too.
  syncBuiltinESMExports();
  process.on('exit', () => require('node:fs').writeFileSync(process.env.WORKERS_STARTED_FILE, String(started)));
}
