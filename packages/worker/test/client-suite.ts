// One suite, run against the Node client (worker_threads) and the browser client (module Worker in
// Chromium): both must behave the same.
import { afterAll, describe, expect, it } from 'vitest';
import type { MleClient } from '../src/client.ts';
import golden from './fixtures/summary.json' with { type: 'json' };

export function clientSuite(name: string, create: () => MleClient): void {
  describe(`${name} client`, () => {
    const client = create();
    afterAll(async () => {
      await client.terminate();
    });

    it("generates numpy's seed-42 sample in the worker and summarizes it", async () => {
      const handle = await client.generate({ seed: 42, mu: 5, sigma: 2, n: 1000 });
      expect(handle).toEqual({ id: expect.any(Number), n: 1000 });
      const summary = await client.summarize(handle, { bins: 30 });
      expect(summary.n).toBe(1000);
      // numpy 2.4: np.random.seed(42); x = np.random.normal(5.0, 2.0, 1000) — see fixtures/summary.py
      expect(Math.abs(summary.mean - golden.mean)).toBeLessThan(1e-12 * Math.abs(golden.mean));
      expect(Math.abs(summary.mle.sigma - golden.sigma)).toBeLessThan(1e-12 * golden.sigma);
      expect(summary.mle.mu.toFixed(4)).toBe('5.0387');
      expect(summary.mle.sigma.toFixed(4)).toBe('1.9575');
      expect(summary.histogram.counts).toBeInstanceOf(Float64Array);
      expect(Array.from(summary.histogram.counts)).toEqual(golden.counts);
      expect(summary.histogram.edges).toHaveLength(31);
      expect(summary.curves.truth).toBeInstanceOf(Float64Array);
    });

    it('keeps the samples in the worker until asked for', async () => {
      const handle = await client.generate({ seed: 42, mu: 5, sigma: 2, n: 1000 });
      const head = await client.values(handle, { start: 0, count: 3 });
      expect(Array.from(head)).toEqual(golden.head);
      expect(await client.release(handle)).toBe(true);
      await expect(client.summarize(handle)).rejects.toThrow(/summarize: unknown dataset handle/);
    });

    it('rejects bad input with a named error that says what is allowed', async () => {
      await expect(client.generate({ seed: -1, mu: 0, sigma: 1, n: 10 })).rejects.toThrow(/0.*4294967295/);
      await expect(client.generate({ seed: 1, mu: 0, sigma: 0, n: 10 })).rejects.toThrow(/sigma must be a finite number greater than 0/);
      await expect(client.generate({ seed: 1, mu: 0, sigma: 1, n: 1e8 })).rejects.toThrow(/n must be an integer from 1 to 10,000,000/);
      const error = await client.generate({ seed: 1, mu: 0, sigma: 1, n: 0 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe('RangeError');
    });
  });
}
