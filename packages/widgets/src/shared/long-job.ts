import type { JobProgress } from '@mle-lab/worker';
import type { ProgressView } from './progress.ts';

/** What a long job's page side passes to the worker client: cancel signal, progress, latest-wins key. */
export interface LongJobControl {
  signal: AbortSignal;
  onProgress: (progress: JobProgress) => void;
  key: string;
}

/** How a long job ended for the widget. */
export type LongJobOutcome<T> = { status: 'done'; value: T } | { status: 'cancelled' } | { status: 'stale' };

/**
 * Runs a worker job behind the progress bar (shown after ~300 ms, with Cancel). A newer render makes
 * this one stale (its job is cancelled by the key or the bar's next start) and leaves the bar to the
 * newer job; the reader's Cancel gives 'cancelled'; any other error is thrown.
 */
export async function runLongJob<T>(
  progress: ProgressView,
  key: string,
  isStale: () => boolean,
  job: (control: LongJobControl) => Promise<T>,
): Promise<LongJobOutcome<T>> {
  const signal = progress.start();
  try {
    const value = await job({ signal, key, onProgress: (p) => progress.update(p.done, p.total ?? 0) });
    if (isStale()) return { status: 'stale' };
    progress.finish();
    return { status: 'done', value };
  } catch (error) {
    if (isStale()) return { status: 'stale' };
    progress.finish();
    if (error instanceof Error && error.name === 'AbortError') return { status: 'cancelled' };
    throw error;
  }
}
