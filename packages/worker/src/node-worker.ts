// Node worker_threads entry: exposes the same API over the thread's parent port.
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { api } from './api.ts';

if (!parentPort) throw new Error('node-worker: must be started as a worker thread');
expose(api, nodeEndpoint(parentPort));
