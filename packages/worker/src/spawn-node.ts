// Starting MLE Lab's worker script in a Node worker thread, from the main thread or from inside the
// worker itself (a nested worker, see nested.ts).
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { Worker } from 'node:worker_threads';
import type { SpawnedWorker } from './client.ts';

// Run from source (tests, Node's type stripping) the worker file is .ts; built, it is .js.
const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

export interface NodeSpawnOptions {
  /** Heap limit of the worker thread in MB (default: Node's). */
  maxHeapMb?: number | undefined;
  /** Given to the thread as `workerData` (a nested worker is told it is one this way). */
  workerData?: unknown;
}

/** Starts the worker script in a worker thread and wraps it as the client needs it. */
export function spawnNodeWorker(options: NodeSpawnOptions = {}): SpawnedWorker {
  const worker = new Worker(new URL(`./node-worker${extension}`, import.meta.url), {
    ...(options.maxHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb } } : {}),
    ...(options.workerData === undefined ? {} : { workerData: options.workerData }),
  });
  let stopping = false;
  return {
    endpoint: nodeEndpoint(worker),
    // An idle worker thread does not keep the process alive: a script ends without terminate().
    setBusy(busy) {
      if (busy) worker.ref();
      else worker.unref();
    },
    onDeath(callback) {
      worker.on('error', (error: Error) => callback(error.message));
      worker.on('exit', (code: number) => {
        if (!stopping) callback(`exit code ${code}`);
      });
    },
    async terminate() {
      stopping = true;
      await worker.terminate();
    },
  };
}
