// Helpers for tests of long jobs through a client: waiting for a job's first progress, and the 50 ms
// cancellation promise (the call rejects and the worker runs no job within 50 ms of the abort).
import { expect } from 'vitest';
import type { MleClient } from '../../src/client.ts';
import type { JobProgress } from '../../src/job.ts';

/** The rejection of a promise that must reject (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }
  return expect.fail('expected the call to reject');
}

/**
 * Starts a job with `start(onProgress)` and keeps every progress report; `started` resolves on the
 * first report that `reached` accepts (by default the very first one).
 */
export function firstProgress(
  start: (onProgress: (p: JobProgress) => void) => Promise<unknown>,
  reached: (p: JobProgress) => boolean = () => true,
): { job: Promise<unknown>; started: Promise<JobProgress>; reports: JobProgress[] } {
  let job: Promise<unknown> = Promise.resolve();
  const reports: JobProgress[] = [];
  const started = new Promise<JobProgress>((resolve) => {
    job = start((p) => {
      reports.push(p);
      if (reached(p)) resolve(p);
    });
  });
  job.catch(() => undefined);
  return { job, started, reports };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds from each abortWithin50ms abort until the worker ran no job, in order (for reports). */
export const cancelLatencies: number[] = [];

/**
 * Aborts a running job and checks the 50 ms promise: the call rejects, and the worker runs no job,
 * within 50 ms of the abort (the job stops at its next time slice). Returns the rejection.
 */
export async function abortWithin50ms(client: MleClient, controller: AbortController, job: Promise<unknown>): Promise<Error> {
  const abortedAt = performance.now();
  controller.abort();
  const error = await rejection(job);
  expect(performance.now() - abortedAt).toBeLessThan(50);
  while ((await client.runningJobs()) !== 0) await sleep(1);
  const stopped = performance.now() - abortedAt;
  cancelLatencies.push(stopped);
  expect(stopped).toBeLessThan(50);
  return error;
}
