// Browser module worker entry: exposes the API on the worker's global scope. The page's worker starts
// nested copies of this same script for long jobs (nested.ts); a nested one is started by name.
import { expose } from 'comlink';
import { api } from './api.ts';
import { configureNestedWorkers, NESTED_WORKER_NAME } from './nested.ts';
import { spawnBrowserWorker } from './spawn-browser.ts';

const scriptUrl = new URL(import.meta.url);
// A browser without workers inside workers (Safari before 15.5) runs every job in place instead.
if (typeof Worker === 'function') {
  configureNestedWorkers({
    spawn: () => spawnBrowserWorker(scriptUrl, NESTED_WORKER_NAME),
    inside: (globalThis as { name?: unknown }).name === NESTED_WORKER_NAME,
  });
}
expose(api);
