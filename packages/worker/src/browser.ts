import { wrap } from 'comlink';
import type { MleApi } from './api.ts';
import { withTerminate, type MleClient } from './client.ts';

export interface MleClientOptions {
  /** Where the worker script is. Default: `mle-worker.js` beside this module. */
  workerUrl?: string | URL;
}

/**
 * Starts a module worker. A worker script on another origin (an embedding page loading our script
 * from our site) cannot be started directly, so it is started through a same-origin blob module that
 * imports it — the script's host must allow cross-origin reads.
 */
function startModuleWorker(url: URL): Worker {
  if (typeof location === 'undefined' || url.origin === location.origin || url.protocol === 'blob:' || url.protocol === 'data:') {
    return new Worker(url, { type: 'module', name: 'mle-lab' });
  }
  const trampoline = new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(trampoline), { type: 'module', name: 'mle-lab' });
}

/** Starts MLE Lab's worker in a browser and returns its typed client. */
export function createMleClient(options: MleClientOptions = {}): MleClient {
  const url = new URL(options.workerUrl ?? new URL('./mle-worker.js', import.meta.url), typeof location === 'undefined' ? undefined : location.href);
  const worker = startModuleWorker(url);
  const remote = wrap<MleApi>(worker);
  return withTerminate(remote, () => worker.terminate());
}
