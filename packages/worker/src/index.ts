// @mle-lab/worker — MLE Lab's math behind Comlink. Browser entry; Node: '@mle-lab/worker/node'.
export { createMleClient, type MleClientOptions } from './browser.ts';
export type { MleClient } from './client.ts';
export type { MleApi, DatasetHandle, GenerateSpec, Summary, SummarizeOptions } from './api.ts';
export { MAX_SAMPLES } from './datasets.ts';
