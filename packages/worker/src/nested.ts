// Jobs whose work is one long core call run in a nested worker that this worker terminates when they
// are cancelled. Cooperative cancellation (a checkpoint between slices, job.ts) needs every slice to
// be short, but some of core's calls are indivisible and long at the sizes the widgets allow: one
// goodnessOfFit of 1e6 values takes 1–4 s, one restricted fit (a profile point) ~1 s, parseData of a
// million lines ~2 s, compareFits over the continuous families ~5 s. Cutting each of them into
// resumable steps would spread scheduling through pure math; a worker thread can instead be stopped
// wherever it is. So such a job, started in this (the top) worker, borrows a nested worker — the same
// worker script, started from here, its API reached through the same client the page uses — copies
// the dataset there once, and waits; this worker's event loop stays free, a `cancel` lands at once
// and terminates the nested worker, and the next such job starts a fresh one.
import { createClient, type JobControl, type MleClient, type SpawnedWorker } from './client.ts';
import type { DatasetHandle } from './datasets.ts';
import { abortError } from './errors.ts';
import type { JobProgress, RunningJob } from './job.ts';

/** Nested workers kept idle for the next job (each may hold copies of recent datasets). */
export const MAX_IDLE_NESTED = 2;
/** Datasets a nested worker keeps copies of; the least recently used one is released beyond that. */
export const NESTED_DATASETS = 2;
/** The name a nested browser worker is started with (it reads `self.name` to know it is one). */
export const NESTED_WORKER_NAME = 'mle-lab-nested';

let spawn: (() => SpawnedWorker) | undefined;
let inside = false;

/**
 * Tells this module how the worker entry starts a nested worker and whether this worker is itself
 * one (a nested worker runs every job in place: there is no third level).
 */
export function configureNestedWorkers(config: { spawn: () => SpawnedWorker; inside: boolean }): void {
  spawn = config.spawn;
  inside = config.inside;
}

/** Whether long jobs are handed to a nested worker here (false inside one, or when not configured). */
export function nestedWorkersAvailable(): boolean {
  return spawn !== undefined && !inside;
}

/** A nested worker lent to one job. */
export interface NestedWorker {
  /** The nested worker's API. */
  readonly client: MleClient;
  /** The last argument for a job called on `client`: its progress is reported as the borrowing job's. */
  readonly control: JobControl;
  /** The nested worker's handle for `values`: copied there on first use, then kept (NESTED_DATASETS). */
  dataset(values: Float64Array): Promise<DatasetHandle>;
  /** Records that the nested worker already holds `values` as `handle` (it read them itself). */
  adopt(values: Float64Array, handle: DatasetHandle): void;
}

interface Child {
  client: MleClient;
  /** This worker's arrays and the nested worker's handles of its copies, least recently used first. */
  datasets: Map<Float64Array, DatasetHandle>;
}

const idle: Child[] = [];

function remember(child: Child, values: Float64Array, handle: DatasetHandle): void {
  child.datasets.delete(values);
  child.datasets.set(values, handle);
  for (const [old, oldHandle] of child.datasets) {
    if (child.datasets.size <= NESTED_DATASETS) break;
    child.datasets.delete(old);
    void child.client.release(oldHandle).catch(() => undefined);
  }
}

function giveBack(child: Child): void {
  if (idle.length < MAX_IDLE_NESTED) idle.push(child);
  else void child.client.terminate();
}

/**
 * Runs `task` with a nested worker of its own (an idle one, preferably one holding `values`, or a new
 * one) and returns what it returns. When `run` is cancelled the nested worker is terminated wherever
 * it is and this rejects at once with an AbortError; otherwise the worker goes back to the idle pool.
 * @param fn The job's name, for the AbortError's message.
 * @param run The borrowing job (its signal, its progress).
 * @param task The work, done through the lent worker's client.
 * @param values The dataset the task will use, to prefer a worker that already holds a copy.
 * @throws An AbortError when cancelled; the task's own error otherwise (as the client revives it).
 */
export async function inNestedWorker<T>(fn: string, run: RunningJob, task: (worker: NestedWorker) => Promise<T>, values?: Float64Array): Promise<T> {
  if (!spawn || inside) throw new Error(`${fn}: no nested worker can be started here`);
  const start = spawn;
  const cancelled = () => abortError(`${fn}: cancelled`);
  if (run.signal.aborted) throw cancelled();
  const preferred = values === undefined ? -1 : idle.findIndex((c) => c.datasets.has(values));
  const child: Child = (preferred >= 0 ? idle.splice(preferred, 1)[0] : idle.pop()) ?? { client: createClient(start), datasets: new Map() };
  let reject: ((error: Error) => void) | undefined;
  const aborted = new Promise<never>((_, fail) => {
    reject = fail;
  });
  aborted.catch(() => undefined);
  const onAbort = () => {
    child.datasets.clear();
    void child.client.terminate();
    reject?.(cancelled());
  };
  run.signal.addEventListener('abort', onAbort, { once: true });
  const lent: NestedWorker = {
    client: child.client,
    control: {
      onProgress: (progress: JobProgress) => run.progress(progress, progress.total !== undefined && progress.done >= progress.total),
    },
    async dataset(data) {
      const known = child.datasets.get(data);
      const handle = known ?? (await child.client.load(data));
      remember(child, data, handle);
      return handle;
    },
    adopt(data, handle) {
      remember(child, data, handle);
    },
  };
  try {
    return await Promise.race([task(lent), aborted]);
  } catch (error) {
    if (run.signal.aborted) throw cancelled();
    // A nested worker that died took its datasets along; its client starts a fresh one next time.
    if (error instanceof Error && error.name === 'WorkerCrashError') child.datasets.clear();
    throw error;
  } finally {
    run.signal.removeEventListener('abort', onAbort);
    if (!run.signal.aborted) giveBack(child);
  }
}
