import { createClient, type MleClient } from './client.ts';
import { spawnBrowserWorker } from './spawn-browser.ts';

export interface MleClientOptions {
  /** Where the worker script is. Default: `mle-worker.js` beside this module. */
  workerUrl?: string | URL;
}

/** Starts MLE Lab's worker in a browser and returns its typed client. */
export function createMleClient(options: MleClientOptions = {}): MleClient {
  const base = typeof location === 'undefined' ? undefined : location.href;
  const url = new URL(options.workerUrl ?? new URL('./mle-worker.js', import.meta.url), base);
  return createClient(() => spawnBrowserWorker(url, 'mle-lab'));
}
