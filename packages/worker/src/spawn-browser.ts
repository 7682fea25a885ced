// Starting MLE Lab's worker script as a browser module worker, from the page or from inside the
// worker itself (a nested worker, see nested.ts).
import type { SpawnedWorker } from './client.ts';

/**
 * Starts a module worker. A worker script on another origin (a page embedding our script from our
 * site) cannot be started directly, so it is started through a same-origin blob module that imports
 * it — the script's host must allow cross-origin reads (the docs server does).
 */
function startModuleWorker(url: URL, name: string): Worker {
  const sameOrigin = typeof location === 'undefined' || url.origin === location.origin;
  if (sameOrigin || url.protocol === 'blob:' || url.protocol === 'data:') {
    return new Worker(url, { type: 'module', name });
  }
  const trampoline = new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(trampoline), { type: 'module', name });
}

/**
 * Starts the worker script at `url` as a module worker named `name` (the worker reads its name to
 * know whether it is a nested one) and wraps it as the client needs it.
 */
export function spawnBrowserWorker(url: URL, name: string): SpawnedWorker {
  const worker = startModuleWorker(url, name);
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
}
