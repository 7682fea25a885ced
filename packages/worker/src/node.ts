import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { Worker } from 'node:worker_threads';
import { createClient, type MleClient } from './client.ts';

export type { JobControl, MleClient } from './client.ts';
export type * from './api.ts';

// Run from source (tests, Node's type stripping) the worker file is .ts; built, it is .js.
const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

export interface NodeClientOptions {
  /** Heap limit of the worker thread in MB (default: Node's). */
  maxHeapMb?: number;
}

/** Starts MLE Lab's worker in a Node worker thread and returns the same typed client as the browser's. */
export function createNodeClient(options: NodeClientOptions = {}): MleClient {
  return createClient(() => {
    const worker = new Worker(
      new URL(`./node-worker${extension}`, import.meta.url),
      options.maxHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb } } : {},
    );
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
  });
}
