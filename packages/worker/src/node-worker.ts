// Node worker_threads entry: exposes the same API over the thread's parent port. The client's worker
// starts nested copies of this same file for long jobs (nested.ts), telling them so in workerData.
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort, workerData } from 'node:worker_threads';
import { api } from './api.ts';
import { configureNestedWorkers } from './nested.ts';
import { spawnNodeWorker } from './spawn-node.ts';

if (!parentPort) throw new Error('node-worker: must be started as a worker thread');
configureNestedWorkers({
  spawn: () => spawnNodeWorker({ workerData: { nested: true } }),
  inside: (workerData as { nested?: unknown } | null)?.nested === true,
});
expose(api, nodeEndpoint(parentPort));
