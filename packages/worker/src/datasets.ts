// Datasets live here, inside the worker; the page only ever holds a small handle.

/** A reference to a dataset kept in the worker. */
export interface DatasetHandle {
  readonly id: number;
  readonly n: number;
}

/** What the worker knows about how a dataset was made (for drawing the true density). */
export interface DatasetOrigin {
  kind: 'normal' | 'mixture' | 'loaded';
  mu?: number;
  sigma?: number;
}

interface Entry {
  values: Float64Array;
  origin: DatasetOrigin;
}

/** Largest dataset the worker accepts (80 MB of float64): larger requests get a RangeError, not an OOM crash. */
export const MAX_SAMPLES = 10_000_000;

const entries = new Map<number, Entry>();
let nextId = 1;

export function storeDataset(values: Float64Array, origin: DatasetOrigin): DatasetHandle {
  const id = nextId++;
  entries.set(id, { values, origin });
  return { id, n: values.length };
}

export function getDataset(fn: string, handle: DatasetHandle): Entry {
  const id = typeof handle === 'object' && handle !== null ? handle.id : undefined;
  const entry = id === undefined ? undefined : entries.get(id);
  if (!entry) {
    throw new RangeError(`${fn}: unknown dataset handle ${JSON.stringify(handle)}; it was released or never created`);
  }
  return entry;
}

export function releaseDataset(handle: DatasetHandle): boolean {
  return entries.delete(handle?.id);
}

export function datasetCount(): number {
  return entries.size;
}
