import { createClient, type MleClient } from './client.ts';

export interface MleClientOptions {
  /** Where the worker script is. Default: `mle-worker.js` beside this module. */
  workerUrl?: string | URL;
}

/**
 * Starts a module worker. A worker script on another origin (a page embedding our script from our
 * site) cannot be started directly, so it is started through a same-origin blob module that imports
 * it — the script's host must allow cross-origin reads (the docs server does).
 */
function startModuleWorker(url: URL): Worker {
  const sameOrigin = typeof location === 'undefined' || url.origin === location.origin;
  if (sameOrigin || url.protocol === 'blob:' || url.protocol === 'data:') {
    return new Worker(url, { type: 'module', name: 'mle-lab' });
  }
  const trampoline = new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(trampoline), { type: 'module', name: 'mle-lab' });
}

/** Starts MLE Lab's worker in a browser and returns its typed client. */
export function createMleClient(options: MleClientOptions = {}): MleClient {
  const base = typeof location === 'undefined' ? undefined : location.href;
  const url = new URL(options.workerUrl ?? new URL('./mle-worker.js', import.meta.url), base);
  return createClient(() => {
    const worker = startModuleWorker(url);
    return {
      endpoint: worker,
      onDeath(callback) {
        worker.addEventListener('error', (event) => {
          event.preventDefault();
          worker.terminate();
          callback(event.message || 'the worker script failed');
        });
      },
      terminate: () => worker.terminate(),
    };
  });
}
