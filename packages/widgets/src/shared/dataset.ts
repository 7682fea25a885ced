import type { DatasetHandle, MleClient } from '@mle-lab/worker';

/**
 * The worker-side dataset a widget currently shows: regenerated only when its spec changes, the old
 * one released. `use` runs a job on the dataset for a spec; if the worker lost it (it crashed and
 * was restarted) the dataset is made again once and the job retried.
 */
export interface DatasetCache<S> {
  get(spec: S): Promise<DatasetHandle>;
  use<T>(spec: S, job: (handle: DatasetHandle) => Promise<T>): Promise<T>;
  current(): DatasetHandle | undefined;
}

const LOST = /belonged to a worker that has stopped|stopped unexpectedly/;

export function createDatasetCache<S>(client: () => MleClient, create: (client: MleClient, spec: S) => Promise<DatasetHandle>): DatasetCache<S> {
  let handle: DatasetHandle | undefined;
  let key = '';
  let latest = 0;
  const get = async (spec: S): Promise<DatasetHandle> => {
    const next = JSON.stringify(spec);
    if (handle && next === key) return handle;
    const request = ++latest;
    const c = client();
    const fresh = await create(c, spec);
    if (request !== latest) {
      // A newer spec was asked for meanwhile: this one is stale (its render will be dropped).
      void c.release(fresh).catch(() => undefined);
      return fresh;
    }
    if (handle) void c.release(handle).catch(() => undefined);
    handle = fresh;
    key = next;
    return fresh;
  };
  return {
    get,
    async use(spec, job) {
      try {
        return await job(await get(spec));
      } catch (error) {
        if (!(error instanceof Error) || !LOST.test(error.message)) throw error;
        handle = undefined;
        key = '';
        return job(await get(spec));
      }
    },
    current: () => handle,
  };
}
