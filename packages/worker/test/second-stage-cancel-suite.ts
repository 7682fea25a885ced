// The second-stage jobs at the largest sizes the widgets allow, against the Node client and the
// browser client: each reports progress, and an abort after its first report rejects with an
// AbortError with the worker running no job within 50 ms (abortWithin50ms), though each one's core
// calls there take seconds. Latest wins: a keyed job supersedes the older one with the same key.
import { compareFits, createRandomState, getFamily } from '@mle-lab/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetHandle } from '../src/api.ts';
import type { MleClient } from '../src/client.ts';
import type { JobProgress } from '../src/job.ts';
import { abortWithin50ms, cancelLatencies, firstProgress, rejection } from './support/jobs.ts';

/** The fit lab takes up to a million pasted or dropped values. */
const N = 1_000_000;
/** Minutes of slack for setting up the large data on a loaded machine (not a speed test). */
const SLOW = { timeout: 180_000 };

type Start = (onProgress: (p: JobProgress) => void, signal: AbortSignal) => Promise<unknown>;

export function secondStageCancelSuite(name: string, makeClient: () => MleClient): void {
  describe(`second-stage jobs cancel within 50 ms at their largest sizes — ${name}`, () => {
    const client = makeClient();
    let handle: DatasetHandle;
    beforeAll(async () => {
      handle = await client.generateFamily({ family: 'gamma', params: { shape: 2, rate: 0.5 }, n: N, seed: 7 });
    }, SLOW.timeout);
    const latencies: string[] = [];
    afterAll(async () => {
      await client.terminate();
      // The observed abort-to-stopped times, for the record (the assertion is the 50 ms bar above).
      console.info(`cancel latencies (${name}): ${latencies.join(', ')}`);
    });

    /** Starts a job, waits for its first progress report, aborts it and checks the 50 ms promise. */
    async function cancelAfterFirstProgress(job: string, start: Start): Promise<JobProgress[]> {
      const before = cancelLatencies.length;
      const controller = new AbortController();
      const { job: running, started, reports } = firstProgress((onProgress) => start(onProgress, controller.signal));
      await started;
      expect(await client.runningJobs()).toBe(1);
      const error = await abortWithin50ms(client, controller, running);
      expect(error.name).toBe('AbortError');
      expect(error.message).toBe(`${job}: cancelled`);
      latencies.push(`${job} ${(cancelLatencies[before] ?? NaN).toFixed(1)} ms`);
      return reports;
    }

    it('fitFamilies over every continuous family of 1e6 values', SLOW, async () => {
      const reports = await cancelAfterFirstProgress('fitFamilies', (onProgress, signal) => client.fitFamilies(handle, {}, { onProgress, signal }));
      // Nine families tried (beta's support cannot hold these values) and the comparison.
      expect(reports[0]).toEqual({ done: 0, total: 11 });
    });

    it('profile of the Weibull shape on 1e6 values, 61 points', SLOW, async () => {
      // The Weibull's restricted fits are among the slowest: about a second a point here.
      const reports = await cancelAfterFirstProgress('profile', (onProgress, signal) => client.profile(handle, 'weibull', 'shape', {}, { onProgress, signal }));
      expect(reports[0]).toEqual({ done: 0, total: 61 });
    });

    it('bootstrap goodnessOfFit of 1e6 values, 10,000 replicates', SLOW, async () => {
      const reports = await cancelAfterFirstProgress('goodnessOfFit', (onProgress, signal) =>
        client.goodnessOfFit(handle, 'gamma', { replicates: 10_000, seed: 1 }, { onProgress, signal }),
      );
      expect(reports[0]).toEqual({ done: 0, total: 10_000 });
    });

    it('loadText of a million lines, as one string and in appendText pieces', SLOW, async () => {
      // A thousand seeded values, a line each, repeated: a million lines of about 18 characters.
      const block = `${Array.from(getFamily('gamma').sample(createRandomState(3), { shape: 2, rate: 0.5 }, 1000), String).join('\n')}\n`;
      const text = block.repeat(N / 1000);
      const reports = await cancelAfterFirstProgress('loadText', (onProgress, signal) => client.loadText(text, {}, { onProgress, signal }));
      expect(reports[0]).toEqual({ done: 0, total: 1 });
      const piece = 1 << 18;
      for (let start = 0; start < text.length; start += piece) await client.appendText(99, text.slice(start, start + piece));
      await cancelAfterFirstProgress('loadText', (onProgress, signal) => client.loadText({ buffer: 99 }, {}, { onProgress, signal }));
    });

    it('simulateEstimator at n = 10,000 and at n = 1000 (n × repetitions = 10⁷, the largest)', SLOW, async () => {
      for (const n of [10_000, 1000]) {
        const spec = { family: 'gamma', params: { shape: 2, rate: 1 }, parameter: 'shape', n, repetitions: 10_000_000 / n, seed: 5 } as const;
        const reports = await cancelAfterFirstProgress('simulateEstimator', (onProgress, signal) => client.simulateEstimator(spec, { onProgress, signal }));
        expect(reports[0]).toEqual({ done: 0, total: spec.repetitions });
      }
    });

    it('latest wins: a second keyed fitFamilies supersedes the first within 50 ms; the worker stays usable', SLOW, async () => {
      const { job: first, started } = firstProgress((onProgress) => client.fitFamilies(handle, {}, { onProgress, key: 'fit-lab' }));
      await started;
      const small = getFamily('gamma').sample(createRandomState(11), { shape: 2, rate: 0.5 }, 200);
      const smallHandle = await client.load(small);
      const supersededAt = performance.now();
      const second = client.fitFamilies(smallHandle, { families: ['gamma', 'weibull', 'lognormal'] }, { key: 'fit-lab' });
      const error = await rejection(first);
      // The superseded job has stopped: the worker answers at once and runs at most the new job.
      expect(await client.runningJobs()).toBeLessThanOrEqual(1);
      expect(performance.now() - supersededAt).toBeLessThan(50);
      expect(error.name).toBe('AbortError');
      expect(error.message).toBe('fitFamilies: superseded by a newer job with key "fit-lab"');
      const result = await second;
      expect(result.fits.map((f) => [f.family, f.aic])).toEqual(compareFits(small, ['gamma', 'weibull', 'lognormal']).ranked.map((r) => [r.family, r.aic]));
      expect(await client.runningJobs()).toBe(0);
    });
  });
}
