// Job bookkeeping reachable from the page: cancelling a running job, what is running, and two
// deliberate stand-ins for tests and demos — a crash, and a job that only takes time.
import { cancelJob, runningJobCount, startJob, type JobContext } from '../job.ts';

export const controlJobs = {
  /** Cancels a running job; it rejects with an AbortError at its next checkpoint. False when no such job runs. */
  cancel(jobId: number): boolean {
    return cancelJob(jobId);
  },

  /** How many long jobs are running in the worker right now. */
  runningJobs(): number {
    return runningJobCount();
  },

  /**
   * Makes the worker fail as a crash would (an uncaught error, or in Node an exit), so tests and
   * widgets can prove that pending calls reject and the next call starts a fresh worker.
   */
  simulateCrash(): void {
    setTimeout(() => {
      const nodeProcess = (globalThis as { process?: { exit(code: number): never; versions?: { node?: string } } }).process;
      if (nodeProcess?.versions?.node) nodeProcess.exit(70);
      throw new Error('simulated crash');
    });
  },

  /**
   * A long job that computes nothing: it keeps the worker busy for `ms` milliseconds in time slices,
   * reporting `{ done: elapsed ms, total: ms }`, so progress, cancellation and latest-wins can be
   * exercised independently of how fast a real job happens to be on a machine.
   */
  async simulateWork(spec: { ms: number }, job?: JobContext): Promise<{ elapsed: number }> {
    const ms = spec?.ms;
    if (typeof ms !== 'number' || !(ms >= 0 && ms <= 60_000)) {
      throw new RangeError(`simulateWork: ms must be a number from 0 to 60,000, got ${String(ms)}`);
    }
    const run = startJob(job, 'simulateWork');
    const start = performance.now();
    try {
      for (;;) {
        const elapsed = performance.now() - start;
        run.progress({ done: Math.min(elapsed, ms), total: ms });
        if (elapsed >= ms) return { elapsed };
        if (run.due()) await run.checkpoint();
      }
    } finally {
      run.finish();
    }
  },
};
