import { createClient, type MleClient } from './client.ts';
import { spawnNodeWorker } from './spawn-node.ts';

export type { JobControl, MleClient } from './client.ts';
export type * from './api.ts';

export interface NodeClientOptions {
  /** Heap limit of the worker thread in MB (default: Node's). */
  maxHeapMb?: number;
}

/** Starts MLE Lab's worker in a Node worker thread and returns the same typed client as the browser's. */
export function createNodeClient(options: NodeClientOptions = {}): MleClient {
  return createClient(() => spawnNodeWorker({ maxHeapMb: options.maxHeapMb }));
}
