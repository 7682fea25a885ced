import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gaussianHeatKernel, solveHeat1d, type HeatBoundary } from '../../src/signal/heat-equation.ts';
import data from '../fixtures/heat.json' with { type: 'json' };
import { expectAllClose, expectClose } from '../support/expect-close.ts';

const signals = data.signals as Record<string, number[]>;
/** JSON has no NaN: the fixture spells it "NaN". */
const num = (v: number | string) => (v === 'NaN' ? Number.NaN : (v as number));
const sumOf = (u: ArrayLike<number>) => Array.from(u).reduce((a, b) => a + b, 0);

describe('solveHeat1d against the same FTCS loop in numpy (heat.json)', () => {
  for (const c of data.cases) {
    const given = 'dt' in c ? `, dt ≤ ${c.dt}` : '';
    it(`${c.signal}: D = ${c.diffusivity}, t = ${c.time}, dx = ${c.dx}${given}, ${c.boundary}`, () => {
      const r = solveHeat1d(signals[c.signal] as number[], {
        diffusivity: c.diffusivity,
        time: c.time,
        dx: c.dx,
        boundary: c.boundary as HeatBoundary,
        ...('dt' in c ? { dt: c.dt as number } : {}),
      });
      expect(r.steps).toBe(c.steps);
      expect(r.dt).toBe(c.stepDt);
      expect(r.ratio).toBe(c.ratio);
      // The same operations in the same order as numpy's vector update: equal to the last bit.
      expect(Array.from(r.u)).toEqual(c.solution);
    });
  }

  it('the TSDoc example', () => {
    const { u, steps, ratio } = solveHeat1d([0, 0, 1, 0, 0], { diffusivity: 1, time: 0.5, dx: 1 });
    expect(steps).toBe(3);
    expect(ratio).toBe(1 / 6);
    // numpy 2.4: the loop of heat.py on [0, 0, 1, 0, 0] with r = (0.5 / 3) / 1
    expect(Array.from(u)).toEqual([0.060185185185185175, 0.23611111111111113, 0.4074074074074075, 0.23611111111111113, 0.060185185185185175]);
  });
});

describe('gaussianHeatKernel: FTCS beside scipy.ndimage.gaussian_filter1d(u0, √(2Dt)/dx) (heat.json)', () => {
  for (const c of data.cases) {
    const given = 'dt' in c ? `, dt ≤ ${c.dt}` : '';
    it(`${c.signal}: D = ${c.diffusivity}, t = ${c.time}${given}, ${c.boundary}`, () => {
      const h = gaussianHeatKernel(signals[c.signal] as number[], {
        diffusivity: c.diffusivity,
        time: c.time,
        dx: c.dx,
        boundary: c.boundary as HeatBoundary,
        ...('dt' in c ? { dt: c.dt as number } : {}),
      });
      expect(Array.from(h.solution)).toEqual(c.solution);
      expectAllClose(h.smoothed, c.smoothed, { rel: 1e-13, abs: 1e-14 });
      expect(h.sigma).toBe(c.sigma);
      expectClose(h.maxDifference, c.maxDifference, { rel: 1e-9, abs: 1e-14 });
      // Totals: math.fsum on the numpy side, a compensated sum here.
      expectClose(h.initialHeat, c.initialHeat, { rel: 1e-15 });
      expectClose(h.heat, c.heat, { rel: 1e-15 });
      expectClose(h.smoothedHeat, c.smoothedHeat, { rel: 1e-13 });
      expectClose(h.initialVariance, num(c.initialVariance), { rel: 1e-12 });
      expectClose(h.variance, num(c.variance), { rel: 1e-12 });
      expectClose(h.smoothedVariance, num(c.smoothedVariance), { rel: 1e-11 });
      expectClose(h.expectedVariance, num(c.expectedVariance), { rel: 1e-12 });
      expect([h.steps, h.dt, h.ratio]).toEqual([c.steps, c.stepDt, c.ratio]);
    });
  }

  it('agrees with the Gaussian to a few 1e-4 of the peak once σ spans a few cells', () => {
    const point = data.cases.filter((c) => c.signal === 'point' && c.boundary === 'insulated' && !('dt' in c));
    // numpy 2.4 / scipy 1.17 (heat.json), max |FTCS − Gaussian| / peak: σ = 1 cell → 2.0e-2, 3.2 cells → 1.3e-4,
    // 10 cells → 2.2e-4. Past a few cells the floor is scipy's kernel, cut at 4σ where it is e^(−8) = 3.4e-4 of its peak.
    const relative = (c: (typeof point)[number]) => c.maxDifference / Math.max(...c.solution);
    for (const c of point) {
      if (c.sigma / c.dx < 2) expect(relative(c)).toBeGreaterThan(1e-2);
      else expect(relative(c)).toBeLessThan(Math.exp(-8));
    }
  });

  it('at the stability limit r = 1/2 a hot cell splits into a comb and no longer looks Gaussian', () => {
    const c = data.cases.find((k) => k.signal === 'point' && 'dt' in k);
    if (!c) throw new Error('no r = 1/2 case in heat.json');
    expectClose(c.ratio, 0.5, { rel: 1e-15 });
    const h = gaussianHeatKernel(signals['point'] as number[], { diffusivity: c.diffusivity, time: c.time, dx: c.dx, dt: c.dt as number });
    // Every other cell is 0 up to rounding (10 steps of (u[i−1] + u[i+1])/2 from one cell), yet the variance is still 2Dt.
    expect(Math.abs(h.solution[101]!)).toBeLessThan(1e-13);
    expect(h.solution[100]).toBeGreaterThan(1);
    expect(h.maxDifference).toBeGreaterThan(1);
    expectClose(h.variance, 2 * c.diffusivity * c.time, { rel: 1e-12 });
  });

  it('the TSDoc example', () => {
    const u0 = Array.from({ length: 201 }, (_, i) => (i === 100 ? 10 : 0));
    const h = gaussianHeatKernel(u0, { diffusivity: 0.5, time: 1, dx: 0.1 });
    const c = data.cases[0]!;
    expect([c.signal, c.diffusivity, c.time, c.dx]).toEqual(['point', 0.5, 1, 0.1]);
    expect(h.sigma).toBe(1);
    expectClose(h.variance, c.variance as number, { rel: 1e-15 });
    expectClose(h.maxDifference, 8.925e-5, { rel: 1e-3 });
    expectClose(Math.max(...h.solution), 0.3989, { abs: 5e-5 });
  });
});

// Profiles of 1 to 60 cells with values in [−50, 50], or non-negative ones for the heat distributions.
const profile = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 60 });
const heatProfile = fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 1, maxLength: 60 });
const diffusivity = fc.double({ min: 0.01, max: 5, noNaN: true });
const time = fc.double({ min: 0, max: 3, noNaN: true });
const dx = fc.double({ min: 0.2, max: 2, noNaN: true });
const boundary = fc.constantFrom<HeatBoundary>('insulated', 'periodic');

describe('solveHeat1d properties', () => {
  it('keeps the total heat Σu·dx with insulated or periodic ends', () => {
    fc.assert(
      fc.property(profile, diffusivity, time, dx, boundary, (u0, D, t, h, b) => {
        const { u } = solveHeat1d(u0, { diffusivity: D, time: t, dx: h, boundary: b });
        const scale = Math.max(1, ...u0.map(Math.abs)) * u0.length;
        expectClose(sumOf(u) * h, sumOf(u0) * h, { abs: 1e-12 * scale * h });
      }),
    );
  });

  it('obeys the maximum principle: min u0 ≤ u ≤ max u0, for any stable dt', () => {
    fc.assert(
      fc.property(profile, diffusivity, time, dx, fc.double({ min: 0.01, max: 0.5, noNaN: true }), (u0, D, t, h, r) => {
        const { u, ratio } = solveHeat1d(u0, { diffusivity: D, time: t, dx: h, dt: (r * h * h) / D });
        expect(ratio).toBeLessThanOrEqual(0.5 * (1 + 1e-12));
        const lo = Math.min(...u0);
        const hi = Math.max(...u0);
        const slack = 1e-12 * Math.max(1, Math.abs(lo), Math.abs(hi));
        for (const v of u) {
          expect(v).toBeGreaterThanOrEqual(lo - slack);
          expect(v).toBeLessThanOrEqual(hi + slack);
        }
      }),
    );
  });

  it('is linear: solving a·u + b·v gives a·(solution of u) + b·(solution of v)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((n) =>
          fc.tuple(
            fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
            fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
          ),
        ),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        diffusivity,
        time,
        boundary,
        ([u0, v0], a, b, D, t, bc) => {
          const options = { diffusivity: D, time: t, dx: 1, boundary: bc };
          const mixed = solveHeat1d(
            u0.map((x, i) => a * x + b * (v0[i] as number)),
            options,
          ).u;
          const su = solveHeat1d(u0, options).u;
          const sv = solveHeat1d(v0, options).u;
          expectAllClose(
            mixed,
            Array.from(su, (x, i) => a * x + b * (sv[i] as number)),
            { abs: 1e-11 },
          );
        },
      ),
    );
  });

  it('spreads a point source with variance 2Dt (FTCS adds exactly 2D·dt a step, away from the ends)', () => {
    fc.assert(
      fc.property(diffusivity, fc.double({ min: 0.01, max: 2, noNaN: true }), fc.double({ min: 0.05, max: 0.5, noNaN: true }), (D, t, h) => {
        // Wide enough that the ends lie more than 12σ away: what reaches them is below rounding.
        const half = Math.ceil((12 * Math.sqrt(2 * D * t)) / h) + 2;
        fc.pre(2 * half + 1 <= 2001);
        const u0 = Array.from({ length: 2 * half + 1 }, (_, i) => (i === half ? 1 / h : 0));
        const k = gaussianHeatKernel(u0, { diffusivity: D, time: t, dx: h });
        expectClose(k.variance, 2 * D * t, { rel: 1e-10 });
        expectClose(k.initialVariance, 0, { abs: 1e-24 });
        expectClose(k.heat, 1, { rel: 1e-13 });
      }),
      { numRuns: 40 },
    );
  });

  it('variances add for any non-negative profile far from the ends: σ₀² + 2Dt', () => {
    fc.assert(
      fc.property(heatProfile, diffusivity, time, (core, D, t) => {
        fc.pre(sumOf(core) > 1e-3);
        // Pad the profile with cold cells well beyond 12σ on each side.
        const pad = Math.ceil(12 * Math.sqrt(2 * D * t)) + 2;
        const cold = Array.from({ length: pad }, () => 0);
        const u0 = [...cold, ...core, ...cold];
        const k = gaussianHeatKernel(u0, { diffusivity: D, time: t, dx: 1 });
        expectClose(k.variance, k.expectedVariance, { rel: 1e-9, abs: 1e-9 });
      }),
      { numRuns: 40 },
    );
  });
});

describe('solveHeat1d edge cases', () => {
  it('no time, no diffusivity or one cell leaves the profile as it is', () => {
    expect(Array.from(solveHeat1d([1, 5, 2], { diffusivity: 1, time: 0, dx: 1 }).u)).toEqual([1, 5, 2]);
    expect(solveHeat1d([1, 5, 2], { diffusivity: 1, time: 0, dx: 1 }).steps).toBe(0);
    expect(Array.from(solveHeat1d([1, 5, 2], { diffusivity: 0, time: 3, dx: 1 }).u)).toEqual([1, 5, 2]);
    expect(Array.from(solveHeat1d([7.5], { diffusivity: 2, time: 3, dx: 1 }).u)).toEqual([7.5]);
    expect(Array.from(solveHeat1d([7.5], { diffusivity: 2, time: 3, dx: 1, boundary: 'periodic' }).u)).toEqual([7.5]);
  });

  it('a constant profile stays constant; a profile offset by 1e9 diffuses like the original', () => {
    expectAllClose(solveHeat1d([3, 3, 3, 3], { diffusivity: 1, time: 2, dx: 1 }).u, [3, 3, 3, 3], { rel: 1e-15 });
    const x = signals['noisy'] as number[];
    const options = { diffusivity: 2, time: 5, dx: 1 };
    const shifted = solveHeat1d(
      x.map((v) => v + 1e9),
      options,
    ).u;
    expectAllClose(
      Array.from(shifted, (v) => v - 1e9),
      solveHeat1d(x, options).u,
      { abs: 1e-5 },
    );
  });

  it('finishes exactly at t: a given dt that does not divide t is shrunk to t/⌈t/dt⌉', () => {
    const r = solveHeat1d([0, 1, 0], { diffusivity: 1, time: 1, dx: 1, dt: 0.3 });
    expect(r.steps).toBe(4);
    expect(r.dt).toBe(0.25);
    // A quotient one rounding away from an integer takes that many steps.
    expect(solveHeat1d([0, 1, 0], { diffusivity: 1, time: 0.3, dx: 1, dt: 0.1 }).steps).toBe(3);
    // dt = dx²/(2D) is the stability limit, and allowed (also when rounding puts D·dt/dx² an ulp above 1/2).
    expect(solveHeat1d([0, 1, 0], { diffusivity: 0.5, time: 3, dx: 1, dt: 1 }).ratio).toBe(0.5);
    const dt = (0.3 * 0.3) / (2 * 0.7);
    expectClose(solveHeat1d([0, 1, 0], { diffusivity: 0.7, time: 10 * dt, dx: 0.3, dt }).ratio, 0.5, { rel: 1e-12 });
  });

  it('throws on empty input, NaN, ±Infinity, negative D or t, and an unstable dt, naming itself and what is allowed', () => {
    const ok = { diffusivity: 1, time: 1, dx: 1 };
    expect(() => solveHeat1d([], ok)).toThrow(/^solveHeat1d: u0 is empty; at least one value is required/);
    expect(() => solveHeat1d([1, Number.NaN], ok)).toThrow(/^solveHeat1d: u0\[1\] is NaN; only finite numbers are allowed/);
    expect(() => solveHeat1d([1, Infinity], ok)).toThrow(/^solveHeat1d: u0\[1\] is Infinity/);
    expect(() => solveHeat1d([1, -Infinity], ok)).toThrow(/^solveHeat1d: u0\[1\] is -Infinity/);
    expect(() => solveHeat1d([1, 2], { ...ok, diffusivity: -1 })).toThrow(/^solveHeat1d: diffusivity must be a finite number ≥ 0, got -1/);
    expect(() => solveHeat1d([1, 2], { ...ok, diffusivity: Number.NaN })).toThrow(/^solveHeat1d: diffusivity must be a finite number ≥ 0, got NaN/);
    expect(() => solveHeat1d([1, 2], { ...ok, time: -0.5 })).toThrow(/^solveHeat1d: time must be a finite number ≥ 0, got -0.5/);
    expect(() => solveHeat1d([1, 2], { ...ok, dx: 0 })).toThrow(/^solveHeat1d: dx must be a finite number greater than 0, got 0/);
    expect(() => solveHeat1d([1, 2], { ...ok, dt: 0 })).toThrow(/^solveHeat1d: dt must be a finite number greater than 0, got 0/);
    expect(() => solveHeat1d([1, 2], { ...ok, dt: 0.6 })).toThrow(
      /^solveHeat1d: dt = 0.6 is unstable: D·dt\/dx² = 0.6 must be ≤ 1\/2 \(FTCS\), so dt must be ≤ 0.5/,
    );
    expect(() => solveHeat1d([1, 2], { ...ok, boundary: 'fixed' as HeatBoundary })).toThrow(/^solveHeat1d: boundary must be one of 'insulated', 'periodic', got "fixed"/);
    expect(() => solveHeat1d([1, 2], { diffusivity: 1, time: 1e6, dx: 0.01 })).toThrow(/^solveHeat1d: 60,000,000,000 time steps would be needed \(at most 10,000,000\)/);
    expect(() => solveHeat1d('abc' as unknown as number[], ok)).toThrow(TypeError);
    expect(() => solveHeat1d([1, 2], undefined as unknown as typeof ok)).toThrow(/^solveHeat1d: options must be an object with diffusivity, time and dx, got undefined/);
  });

  it('gaussianHeatKernel reports the same errors under its own name', () => {
    expect(() => gaussianHeatKernel([], { diffusivity: 1, time: 1, dx: 1 })).toThrow(/^gaussianHeatKernel: u0 is empty/);
    expect(() => gaussianHeatKernel([1, 2], { diffusivity: 1, time: -1, dx: 1 })).toThrow(/^gaussianHeatKernel: time must be a finite number ≥ 0, got -1/);
    expect(() => gaussianHeatKernel([1, 2], { diffusivity: 1, time: 1, dx: 1, dt: 1 })).toThrow(/^gaussianHeatKernel: dt = 1 is unstable/);
  });

  it('gaussianHeatKernel: the variances are NaN for a profile with negative values (no distribution)', () => {
    const h = gaussianHeatKernel([1, -1, 2], { diffusivity: 1, time: 0.01, dx: 1 });
    expect(h.initialVariance).toBeNaN();
    expect(h.expectedVariance).toBeNaN();
    expect(h.variance).toBeNaN();
    expectClose(h.heat, 2, { rel: 1e-15 });
  });
});
