// @mle-lab/worker — MLE Lab's math behind Comlink. Browser entry; Node: '@mle-lab/worker/node'.
export { createMleClient, type MleClientOptions } from './browser.ts';
export type { JobControl, MleClient } from './client.ts';
export type { JobProgress } from './job.ts';
export type * from './api.ts';
export { MAX_SAMPLES } from './datasets.ts';
