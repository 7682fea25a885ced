import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { Worker } from 'node:worker_threads';
import type { MleApi } from './api.ts';
import { withTerminate, type MleClient } from './client.ts';

export type { MleClient } from './client.ts';
export type * from './api.ts';

// Run from source (tests, Node's type stripping) the worker file is .ts; built, it is .js.
const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/** Starts MLE Lab's worker in a Node worker thread and returns the same typed client as the browser's. */
export function createNodeClient(): MleClient {
  const worker = new Worker(new URL(`./node-worker${extension}`, import.meta.url));
  const remote = wrap<MleApi>(nodeEndpoint(worker));
  return withTerminate(remote, async () => {
    await worker.terminate();
  });
}
