// Long jobs inside the worker: throttled progress, cooperative cancellation, and the AbortError they
// reject with. A job loop calls `await job.checkpoint()` between chunks of work; that yields to the
// worker's event loop so a `cancel` message can arrive, and throws once the job is cancelled.
import { wrap } from 'comlink';
import { abortError } from './errors.ts';

export { abortError } from './errors.ts';

/** What a long job receives as its last argument (built by the client from `{ onProgress, signal }`). */
export interface JobContext {
  jobId: number;
  /**
   * The page's progress callback as a Comlink endpoint: the client exposes its `onProgress` on one end
   * of a MessageChannel and sends the other end here; both ends are closed when the job settles.
   */
  progressPort?: MessagePort | undefined;
  /** A progress callback called directly (jobs run in the same thread, e.g. from a test). */
  onProgress?: ((progress: JobProgress) => unknown) | undefined;
}

/** A progress report: where the job is and, for fits, the current estimate. */
export interface JobProgress {
  /** Work done so far, in the job's own unit (iterations, samples, repetitions). */
  done: number;
  /** Total work, when known. */
  total?: number;
  [key: string]: number | undefined;
}

const running = new Set<number>();
const cancelled = new Set<number>();
/** Each running job's abort controller: a job that waits on something else (a nested worker) is told at once. */
const controllers = new Map<number, AbortController>();
/** At most 30 reports a second (the page redraws no faster than that is useful). */
export const PROGRESS_INTERVAL_MS = 1000 / 30;
/** Work between yields: long enough to keep yielding cheap, short enough to cancel within 50 ms. */
export const SLICE_MS = 8;

/** Flags a running job as cancelled; it throws an AbortError at its next checkpoint. */
export function cancelJob(id: number): boolean {
  if (!running.has(id)) return false;
  cancelled.add(id);
  controllers.get(id)?.abort();
  return true;
}

/** How many jobs are running right now (diagnostics and tests). */
export function runningJobCount(): number {
  return running.size;
}

// Yielding to the event loop, so that a `cancel` message can be handled between slices of a job.
// Node: setImmediate runs after pending I/O, messages on the parent port included. (A MessageChannel
// bounce does not yield there: Node drains a port's queue, new messages too, before other ports.)
// Browsers: a MessageChannel task, which is not clamped to 4 ms as nested setTimeout is.
let bounce: (() => Promise<void>) | undefined;
function messageChannelYield(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.addEventListener('message', () => waiting.shift()?.());
  channel.port1.start();
  return () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(0);
    });
}
function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  bounce ??= messageChannelYield();
  return bounce();
}

/** The worker-side handle of one running job. */
export interface RunningJob {
  /** Whether `checkpoint` should be called now (a time slice has passed). */
  due(): boolean;
  /**
   * Aborted the moment the job is cancelled, for a job that is not computing but waiting (on a nested
   * worker, see nested.ts): it need not reach a checkpoint to stop.
   */
  readonly signal: AbortSignal;
  /** Yields to the event loop; throws an AbortError if the job was cancelled meanwhile. */
  checkpoint(): Promise<void>;
  /** Reports progress, dropped unless ~1/30 s has passed since the last report (or `force`). */
  progress(progress: JobProgress, force?: boolean): void;
  /** Ends the job: forgets its cancellation flag and closes its progress channel. Call in `finally`. */
  finish(): void;
}

type ProgressSink = (progress: JobProgress) => unknown;

function progressSink(context: JobContext | undefined): { report: ProgressSink | undefined; close(): void } {
  if (context?.onProgress) return { report: context.onProgress, close: () => undefined };
  const port = context?.progressPort;
  if (!port) return { report: undefined, close: () => undefined };
  port.start();
  const remote = wrap<ProgressSink>(port);
  return {
    // The page never answers in a way the job waits for: reports are fire-and-forget.
    report: (progress) => remote(progress),
    close: () => port.close(),
  };
}

/**
 * Starts the bookkeeping of one long job.
 * @param context The job context the client sent (absent when the caller asked for no progress or cancel).
 * @param name The job's name, used in the AbortError's message.
 */
export function startJob(context: JobContext | undefined, name = 'job'): RunningJob {
  const id = typeof context?.jobId === 'number' ? context.jobId : -1;
  const controller = new AbortController();
  if (id >= 0) {
    running.add(id);
    controllers.set(id, controller);
  }
  const sink = progressSink(context);
  let sliceStart = performance.now();
  let lastReport = -Infinity;
  let finished = false;
  return {
    due() {
      return performance.now() - sliceStart >= SLICE_MS;
    },
    signal: controller.signal,
    async checkpoint() {
      await yieldToEventLoop();
      sliceStart = performance.now();
      if (cancelled.has(id)) {
        cancelled.delete(id);
        throw abortError(`${name}: cancelled`);
      }
    },
    progress(progress, force = false) {
      if (finished || !sink.report) return;
      const now = performance.now();
      if (!force && now - lastReport < PROGRESS_INTERVAL_MS) return;
      lastReport = now;
      try {
        void Promise.resolve(sink.report(progress)).catch(() => undefined);
      } catch {
        // A closed channel or a released proxy: the page no longer listens.
      }
    },
    finish() {
      if (finished) return;
      finished = true;
      running.delete(id);
      cancelled.delete(id);
      if (controllers.get(id) === controller) controllers.delete(id);
      sink.close();
    },
  };
}
