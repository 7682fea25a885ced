// Datasets live here, inside the worker; the page only ever holds a small handle.

/** A reference to a dataset kept in the worker. */
export interface DatasetHandle {
  readonly id: number;
  readonly n: number;
  /**
   * Which worker holds the data. A worker that crashed or was terminated takes its datasets with it;
   * a handle from it then fails with a clear error instead of naming another dataset of the new worker.
   */
  readonly worker: string;
}

/** What the worker knows about how a dataset was made (for drawing the true density). */
export interface DatasetOrigin {
  kind: 'normal' | 'mixture' | 'loaded';
  mu?: number;
  sigma?: number;
  weights?: readonly number[];
  means?: readonly number[];
  sds?: readonly number[];
}

interface Entry {
  values: Float64Array;
  origin: DatasetOrigin;
}

/** Largest dataset the worker accepts (80 MB of float64): larger requests get a RangeError, not an OOM crash. */
export const MAX_SAMPLES = 10_000_000;

/** This worker's name in its handles: unique enough to tell one worker's handles from the next one's. */
const workerToken = `w${Date.now().toString(36)}${Math.floor(Math.random() * 2 ** 32).toString(36)}`;
const entries = new Map<number, Entry>();
const released = new Set<number>();
let nextId = 1;

export function storeDataset(values: Float64Array, origin: DatasetOrigin): DatasetHandle {
  const id = nextId++;
  entries.set(id, { values, origin });
  return { id, n: values.length, worker: workerToken };
}

function describe(handle: unknown): string {
  try {
    return JSON.stringify(handle) ?? String(handle);
  } catch {
    return String(handle);
  }
}

/** The dataset behind a handle; a RangeError naming `fn` says why when there is none. */
export function getDataset(fn: string, handle: DatasetHandle): Entry {
  const id = typeof handle === 'object' && handle !== null ? handle.id : undefined;
  const token = typeof handle === 'object' && handle !== null ? handle.worker : undefined;
  const entry = id === undefined || token !== workerToken ? undefined : entries.get(id);
  if (entry) return entry;
  if (typeof id !== 'number' || typeof token !== 'string') {
    throw new TypeError(`${fn}: expected a dataset handle { id, n, worker } from generate() or load(), got ${describe(handle)}`);
  }
  if (token !== workerToken) {
    throw new RangeError(
      `${fn}: dataset ${id} belonged to a worker that has stopped (crashed or terminated); generate or load the data again`,
    );
  }
  if (released.has(id)) {
    throw new RangeError(`${fn}: dataset ${id} was released; generate or load the data again`);
  }
  throw new RangeError(`${fn}: unknown dataset ${id}; it was never created by this worker`);
}

/** Frees a dataset; false when the handle names no dataset of this worker. */
export function releaseDataset(handle: DatasetHandle): boolean {
  if (typeof handle !== 'object' || handle === null || handle.worker !== workerToken) return false;
  const deleted = entries.delete(handle.id);
  if (deleted) released.add(handle.id);
  return deleted;
}

export function datasetCount(): number {
  return entries.size;
}

/** How many datasets the worker holds and their memory (float64 samples, in bytes). */
export function datasetUsage(): { count: number; samples: number; bytes: number } {
  let samples = 0;
  let bytes = 0;
  for (const { values } of entries.values()) {
    samples += values.length;
    bytes += values.byteLength;
  }
  return { count: entries.size, samples, bytes };
}
