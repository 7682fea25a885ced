// The fit lab's jobs, run against the Node client and the browser client: every number equals core
// called directly on this side (the same text parsed, the same fits, the same bootstrap seeds).
import {
  compareFits,
  confidenceIntervals,
  createRandomState,
  fitDistribution,
  getFamily,
  goodnessOfFit,
  likelihoodTests,
  parseData,
  qqPoints,
} from '@mle-lab/core';
import { afterAll, describe, expect, it } from 'vitest';
import type { MleClient } from '../src/client.ts';
import type { JobProgress } from '../src/job.ts';
import { expectClose } from './support/expect-close.ts';

/** A seeded gamma sample as text, one value a line, with three bad tokens on lines 3, 7 and 12. */
function gammaText(n: number): { text: string; values: Float64Array } {
  const values = getFamily('gamma').sample(createRandomState(7), { shape: 2, rate: 0.5 }, n);
  const lines = Array.from(values, (v) => String(v));
  lines.splice(2, 0, 'n/a');
  lines.splice(6, 0, '<script>alert(1)</script>');
  lines.splice(11, 0, '1e400');
  return { text: lines.join('\n'), values };
}

export function fitLabSuite(name: string, makeClient: () => MleClient): void {
  describe(`fit lab jobs — ${name}`, () => {
    const client = makeClient();
    afterAll(async () => {
      await client.terminate();
    });

    it('loadText parses in the worker as core parseData does, listing each bad token with its line', async () => {
      const { text, values } = gammaText(200);
      const loaded = await client.loadText(text);
      const direct = parseData(text);
      expect(loaded.n).toBe(200);
      expect(loaded.errorCount).toBe(3);
      expect(loaded.errors.map((e) => [e.line, e.text])).toEqual([
        [3, 'n/a'],
        [7, '<script>alert(1)</script>'],
        [12, '1e400'],
      ]);
      expect(loaded.errors.map((e) => e.message)).toEqual(direct.errors.map((e) => e.message));
      expect(loaded.counts).toBe(false);
      expect(loaded.handle).not.toBeNull();
      expect(Array.from(await client.values(loaded.handle!))).toEqual(Array.from(values));
    });

    it('loadText of text with no number returns no handle; a column is read by name', async () => {
      const empty = await client.loadText('   \n');
      expect(empty.handle).toBeNull();
      expect(empty.n).toBe(0);
      const table = await client.loadText('a,b\n1,10\n2,20\n3,x\n');
      expect(table.columns).toEqual(['a', 'b']);
      const b = await client.loadText('a,b\n1,10\n2,20\n3,x\n', { column: 'b' });
      expect(b.n).toBe(2);
      expect(b.errors).toEqual(parseData('a,b\n1,10\n2,20\n3,x\n', { column: 'b' }).errors.map((e) => ({ ...e })));
      expect(b.decimal).toBe('.');
    });

    it('loadText reads a table written with decimal commas and says so', async () => {
      const eu = await client.loadText('Gewicht;Größe\n1,5;172,25\n2,75;180\n', { column: 'Größe' });
      expect(eu.decimal).toBe(',');
      expect(Array.from(await client.values(eu.handle!))).toEqual([172.25, 180]);
    });

    it('loadText of appendText pieces reads what the joined text reads, a pair split between pieces included', async () => {
      const text = '1.5\n2\nx\u{1F600}y\n3e2\n';
      const cut = text.indexOf('\u{1F600}') + 1; // between the two halves of the surrogate pair
      expect(await client.appendText(41, text.slice(0, cut))).toBe(cut);
      expect(await client.appendText(41, text.slice(cut))).toBe(text.length);
      const loaded = await client.loadText({ buffer: 41 });
      const direct = parseData(text);
      expect(loaded.n).toBe(3);
      expect(Array.from(await client.values(loaded.handle!))).toEqual(Array.from(direct.values));
      expect(loaded.errors).toEqual(direct.errors.map((e) => ({ ...e })));
      expect(loaded.errors[0]!.text).toBe('x\u{1F600}y');
      await expect(client.loadText({ buffer: 41 })).rejects.toThrow(/loadText: text must be a string, a Blob/);
    });

    it('caps the listed line errors at 100 and gives the total', async () => {
      const text = Array.from({ length: 250 }, (_, i) => (i % 2 ? 'bad' : String(i))).join('\n');
      const loaded = await client.loadText(text);
      expect(loaded.errorCount).toBe(125);
      expect(loaded.errors).toHaveLength(100);
    });

    it('fitFamilies: every continuous family whose support holds the data, numbers equal to core', async () => {
      const { values } = gammaText(300);
      const handle = await client.load(values);
      const reports: JobProgress[] = [];
      const result = await client.fitFamilies(handle, {}, { onProgress: (p) => reports.push(p) });
      const families = ['normal', 'lognormal', 'exponential', 'gamma', 'weibull', 'beta', 'logistic', 'laplace', 'cauchy', 'uniform'] as const;
      const direct = compareFits(values, [...families]);
      expect(result.fits.map((f) => f.family)).toEqual(direct.ranked.map((r) => r.family));
      // beta's support (0, 1) does not hold gamma data: left out, not a failure.
      expect(result.excluded.map((f) => f.family)).toEqual(['beta']);
      expect(result.failed).toEqual([]);
      for (const [i, fit] of result.fits.entries()) {
        const r = direct.ranked[i]!;
        expect(fit.estimates).toEqual(r.fit.estimates);
        expect(fit.standardErrors).toEqual(r.fit.standardErrors);
        expect(fit.aic).toBe(r.aic);
        expect(fit.deltaAic).toBe(r.deltaAic);
        expect(fit.akaikeWeight).toBe(r.akaikeWeight);
        expect(fit.bic).toBe(r.bic);
        expect(fit.ks).toBe(r.gof!.ks.statistic);
        expect(fit.cvm).toBe(r.gof!.cvm.statistic);
        expect(fit.ad).toBe(r.gof!.ad.statistic);
        expect(fit.intervals).toEqual(confidenceIntervals(values, r.fit));
        const family = getFamily(fit.family);
        expect(fit.pdf[5]).toBe(family.pdf(result.grid[5]!, r.fit.estimates));
        expect(fit.cdf[7]).toBe(family.cdf(result.grid[7]!, r.fit.estimates));
        expect(Array.from(fit.qq.theoretical)).toEqual(Array.from(qqPoints(values, r.fit).theoretical));
      }
      expect(result.fits[0]!.family).toBe('gamma');
      // Progress in families (+1 for the comparison); a report still in flight when the job ends is dropped.
      expect(reports.length).toBeGreaterThan(0);
      expect(reports.every((p) => p.total === 11 && p.done <= 11)).toBe(true);
      expect(result.grid).toHaveLength(201);
    });

    it('fitFamilies on counts: the discrete families, a bar per integer; asked families that fail keep their reason', async () => {
      const counts = getFamily('poisson').sample(createRandomState(3), { lambda: 3 }, 400);
      const handle = await client.load(counts);
      const result = await client.fitFamilies(handle);
      expect(result.counts).toBe(true);
      expect(result.fits.map((f) => f.family).toSorted()).toEqual(['geometric', 'negativeBinomial', 'poisson']);
      expect(result.histogram.density.length).toBe(result.grid.length);
      const asked = await client.fitFamilies(handle, { families: ['poisson', 'beta'] });
      expect(asked.fits.map((f) => f.family)).toEqual(['poisson']);
      expect(asked.failed.map((f) => f.family)).toEqual(['beta']);
      expect(asked.failed[0]!.reason).toMatch(/beta/);
      await expect(client.fitFamilies(handle, { families: ['gauss' as never] })).rejects.toThrow(/no family is named/);
    });

    it('thins Q-Q, P-P and ECDF to 1000 points on large data (order statistics at (i + ½)/n)', async () => {
      const values = getFamily('exponential').sample(createRandomState(5), { rate: 2 }, 5000);
      const handle = await client.load(values);
      const result = await client.fitFamilies(handle, { families: ['exponential'] });
      const fit = result.fits[0]!;
      expect(fit.qq.theoretical).toHaveLength(1000);
      expect(result.ecdf.x).toHaveLength(1000);
      const sorted = values.toSorted();
      const direct = qqPoints(values, fitDistribution(values, 'exponential'));
      // Index 0 and the last are kept: the same points core gives for the whole sample.
      expect(fit.qq.empirical[0]).toBe(sorted[0]);
      expectClose(fit.qq.theoretical[0]!, direct.theoretical[0]!, { rel: 1e-15 });
      expectClose(fit.qq.theoretical[999]!, direct.theoretical[4999]!, { rel: 1e-15 });
    });

    it('profile: ℓ̂ − LR/2 from likelihoodTests on a grid around the profile interval, and its cut', async () => {
      const { values } = gammaText(100);
      const handle = await client.load(values);
      const curve = await client.profile(handle, 'gamma', 'shape', { points: 21 });
      const fit = fitDistribution(values, 'gamma');
      const ci = confidenceIntervals(values, fit).shape!;
      expect(curve.interval).toEqual(ci);
      expect(curve.x).toHaveLength(21);
      expect(curve.x[0]).toBeLessThan(ci.lower);
      expect(curve.x[20]).toBeGreaterThan(ci.upper);
      const v = curve.x[3]!;
      expect(curve.profile[3]).toBe(fit.logLikelihood - likelihoodTests(values, fit, { shape: v }).likelihoodRatio.statistic / 2);
      // The cut is ℓ̂ − χ²₁(0.95)/2, χ²₁(0.95) = 3.841458820694124 (scipy.stats.chi2.ppf(0.95, 1)).
      expectClose(curve.cut, fit.logLikelihood - 3.841458820694124 / 2, { rel: 1e-9 });
      await expect(client.profile(handle, 'gamma', 'scale')).rejects.toThrow(/no free parameter named "scale"/);
    });

    it('goodnessOfFit: bootstrap p-values equal core’s with the same seed, with progress, and cancel', async () => {
      const { values } = gammaText(60);
      const handle = await client.load(values);
      const fit = fitDistribution(values, 'gamma');
      const reports: JobProgress[] = [];
      const small = await client.goodnessOfFit(handle, 'gamma', { replicates: 20, seed: 1 }, { onProgress: (p) => reports.push(p) });
      const direct = goodnessOfFit(values, fit, { bootstrap: { replicates: 20, seed: 1 } });
      expect(small.ks).toEqual({ statistic: direct.ks.statistic, pValue: direct.ks.pValue });
      expect(small.ad).toEqual({ statistic: direct.ad.statistic, pValue: direct.ad.pValue });
      expect(small.used + small.failed).toBe(20);
      expect(reports.every((p) => p.total === 20 && p.done <= 20)).toBe(true);
      // 50 replicates: chunks of 25 from seeds 1 and 2, their counts pooled.
      const pooled = await client.goodnessOfFit(handle, 'gamma', { replicates: 50, seed: 1 });
      const a = goodnessOfFit(values, fit, { bootstrap: { replicates: 25, seed: 1 } });
      const b = goodnessOfFit(values, fit, { bootstrap: { replicates: 25, seed: 2 } });
      const count = (g: typeof a) => Math.round(g.cvm.pValue! * (1 + g.bootstrap!.used)) - 1;
      expect(pooled.cvm.pValue).toBe((1 + count(a) + count(b)) / (1 + a.bootstrap!.used + b.bootstrap!.used));
      const controller = new AbortController();
      const running = client.goodnessOfFit(handle, 'gamma', { replicates: 100_000, seed: 1 }, { signal: controller.signal, onProgress: () => controller.abort() });
      await expect(running).rejects.toMatchObject({ name: 'AbortError' });
      await expect(client.goodnessOfFit(handle, 'gamma', { replicates: 0, seed: 1 })).rejects.toThrow(/replicates must be an integer/);
    });
  });
}
