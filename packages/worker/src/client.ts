// The page side of the worker: a typed client built from the API object's type, which turns
// `{ onProgress, signal, key }` into worker-side job contexts, rejects pending calls when the worker
// dies, and starts a fresh worker on the next call.
import { expose, releaseProxy, transfer, wrap, type Endpoint, type Remote } from 'comlink';
import type { MleApi } from './api.ts';
import { abortError, reviveError, workerCrashError } from './errors.ts';
import type { JobContext, JobProgress } from './job.ts';

/** The last argument of a long job on the page's side. */
export interface JobControl {
  /** Called with progress at most ~30 times a second. */
  onProgress?: (progress: JobProgress) => void;
  /** Aborting it stops the job within ~50 ms; the call rejects with an error named AbortError. */
  signal?: AbortSignal;
  /** Latest wins: starting a job with the same key cancels the previous one still running. */
  key?: string;
}

type SwapJobContext<P extends unknown[]> = {
  [I in keyof P]: [NonNullable<P[I]>] extends [JobContext] ? JobControl : P[I];
};
type ClientMethod<F> = F extends (...args: infer P) => infer R ? (...args: SwapJobContext<P>) => Promise<Awaited<R>> : never;

/** The typed client: every API function, called across the worker boundary, plus `terminate()`. */
export type MleClient = { [K in keyof MleApi]: ClientMethod<MleApi[K]> } & {
  /** Stops the worker; pending calls reject. A later call starts a new worker. */
  terminate(): Promise<void>;
};

/** A started worker as the client needs it, whatever the platform. */
export interface SpawnedWorker {
  endpoint: Endpoint;
  /** Registers the callback for an unexpected end (crash, out of memory, exit). */
  onDeath(callback: (reason: string) => void): void;
  terminate(): Promise<void> | void;
  /** Told whether calls are pending (Node: an idle worker thread must not keep the process alive). */
  setBusy?(busy: boolean): void;
}

interface Live {
  remote: Remote<MleApi>;
  worker: SpawnedWorker;
  /** Rejects when the worker dies or is terminated; every pending call races it. */
  died: Promise<never>;
  kill(error: Error): void;
}

const controlKeys = new Set(['onProgress', 'signal', 'key']);

/**
 * Whether the last argument is a job control: a plain object with at least one of `onProgress`,
 * `signal`, `key` and nothing else (an options object that merely has a `key` field is not one).
 */
function isJobControl(value: unknown): value is JobControl {
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const keys = Object.keys(value);
  if (keys.length === 0 || !keys.every((k) => controlKeys.has(k))) return false;
  const v = value as Record<string, unknown>;
  return (
    (v['signal'] === undefined || (typeof AbortSignal !== 'undefined' && v['signal'] instanceof AbortSignal)) &&
    (v['onProgress'] === undefined || typeof v['onProgress'] === 'function') &&
    (v['key'] === undefined || typeof v['key'] === 'string')
  );
}

/** Never resolves; rejects with an AbortError (its message the signal's string reason) when the signal aborts. */
function whenAborted(signal: AbortSignal): Promise<never> {
  const fail = () => abortError(typeof signal.reason === 'string' ? signal.reason : 'The job was cancelled');
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(fail());
    else signal.addEventListener('abort', () => reject(fail()), { once: true });
  });
  aborted.catch(() => undefined);
  return aborted;
}

/** A promise that only ever rejects, with its reject function (Promise.withResolvers is ES2024). */
function deferredRejection(): { promise: Promise<never>; reject: (error: Error) => void } {
  let reject: ((error: Error) => void) | undefined;
  const promise = new Promise<never>((_, fail) => {
    reject = fail;
  });
  promise.catch(() => undefined);
  // The executor runs synchronously: reject is set by now.
  return { promise, reject: reject as (error: Error) => void };
}

let nextJobId = 1;

type RemoteFn = (...args: unknown[]) => Promise<unknown>;

/** Builds the client over any way of spawning the worker (browser Worker, Node worker thread). */
export function createClient(spawn: () => SpawnedWorker): MleClient {
  let live: Live | undefined;
  let pending = 0;
  const latest = new Map<string, AbortController>();

  const start = (): Live => {
    const worker = spawn();
    const { promise: died, reject } = deferredRejection();
    let dead = false;
    const entry: Live = {
      remote: wrap<MleApi>(worker.endpoint),
      worker,
      died,
      kill(error) {
        if (dead) return;
        dead = true;
        if (live === entry) live = undefined;
        reject(error);
      },
    };
    worker.onDeath((reason) => entry.kill(workerCrashError(reason)));
    worker.setBusy?.(pending > 0);
    return entry;
  };

  const busy = (delta: number) => {
    pending += delta;
    if ((delta > 0 && pending === 1) || pending === 0) live?.worker.setBusy?.(pending > 0);
  };

  const callJob = async (current: Live, fn: RemoteFn, method: string, args: unknown[], control: JobControl): Promise<unknown> => {
    const jobId = nextJobId++;
    const controller = new AbortController();
    if (control.key !== undefined) {
      latest.get(control.key)?.abort(`${method}: superseded by a newer job with key "${control.key}"`);
      latest.set(control.key, controller);
    }
    const external = control.signal;
    const onExternalAbort = () => controller.abort(`${method}: cancelled`);
    external?.addEventListener('abort', onExternalAbort, { once: true });
    if (external?.aborted) controller.abort(`${method}: cancelled before it started`);
    // The page's onProgress, exposed on our own channel so that we can close it however the job ends.
    let port: MessagePort | undefined;
    let settled = false;
    const context: JobContext = { jobId };
    if (control.onProgress) {
      const onProgress = control.onProgress;
      const channel = new MessageChannel();
      port = channel.port1;
      expose((progress: JobProgress) => {
        if (!settled && !controller.signal.aborted) onProgress(progress);
      }, port);
      context.progressPort = channel.port2;
    }
    const cancelInWorker = () => {
      try {
        void (current.remote.cancel(jobId) as Promise<unknown>).catch(() => undefined);
      } catch {
        // The worker was terminated meanwhile (its proxy released): nothing is left to cancel.
      }
    };
    controller.signal.addEventListener('abort', cancelInWorker, { once: true });
    try {
      const aborted = whenAborted(controller.signal);
      if (controller.signal.aborted) return await aborted;
      const payload = [...args, context.progressPort ? transfer(context, [context.progressPort]) : context];
      return await Promise.race([fn(...payload), current.died, aborted]);
    } finally {
      settled = true;
      port?.close();
      external?.removeEventListener('abort', onExternalAbort);
      controller.signal.removeEventListener('abort', cancelInWorker);
      if (control.key !== undefined && latest.get(control.key) === controller) latest.delete(control.key);
    }
  };

  const call = async (method: string, args: unknown[]): Promise<unknown> => {
    live ??= start();
    const current = live;
    const fn = current.remote[method as keyof MleApi] as unknown as RemoteFn;
    const last = args[args.length - 1];
    busy(+1);
    try {
      if (isJobControl(last)) return await callJob(current, fn, method, args.slice(0, -1), last);
      return await Promise.race([fn(...args), current.died]);
    } catch (error) {
      throw reviveError(error);
    } finally {
      busy(-1);
    }
  };

  const terminate = async () => {
    const current = live;
    live = undefined;
    if (!current) return;
    current.kill(new Error('The MLE Lab worker was terminated; the next call starts a new one'));
    current.remote[releaseProxy]();
    await current.worker.terminate();
  };

  return new Proxy({} as MleClient, {
    get(_target, property) {
      if (property === 'terminate') return terminate;
      // Not thenable, not JSON: the client is never mistaken for a promise or serialised by accident.
      if (typeof property !== 'string' || property === 'then' || property === 'toJSON') return undefined;
      return (...args: unknown[]) => call(property, args);
    },
  });
}
