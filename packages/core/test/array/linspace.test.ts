import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, subtract } from '../../src/array/elementwise.ts';
import { linspace } from '../../src/array/linspace.ts';
import { gridAxisPoints } from '../../src/internal/grid-axis.ts';
import data from '../fixtures/distributions.json' with { type: 'json' };
import { expectAllClose } from '../support/expect-close.ts';

describe('linspace (distributions.json: np.linspace)', () => {
  for (const c of data.linspace) {
    it(`np.linspace(${c.start}, ${c.stop}, ${c.num}, endpoint=${c.endpoint ? 'True' : 'False'})`, () => {
      // numpy 2.4: the same operations in the same order, so the points are equal bit for bit.
      expect(Array.from(linspace(c.start, c.stop, c.num, { endpoint: c.endpoint }))).toEqual(c.values);
    });
  }

  it('is the kernel of the grid axes every core grid takes ({ min, max, n })', () => {
    for (const c of data.linspace.filter((k) => k.endpoint && k.num >= 2 && k.stop > k.start)) {
      expect(gridAxisPoints('test', 'axis', { min: c.start, max: c.stop, n: c.num })).toEqual(linspace(c.start, c.stop, c.num));
    }
  });

  it('TSDoc examples', () => {
    expect(Array.from(linspace(0, 1, 5))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(linspace(0, 1, 4, { endpoint: false }))).toEqual([0, 0.25, 0.5, 0.75]);
  });

  it('property: num points, the ends exact, evenly spaced and ordered like start → stop', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 2, max: 500 }), (a, b, n) => {
        const x = linspace(a, b, n);
        expect(x.length).toBe(n);
        expect(x[0] === a).toBe(true);
        expect(x[n - 1]).toBe(b);
        const step = (b - a) / (n - 1);
        for (let i = 1; i < n; i++) {
          const d = (x[i] as number) - (x[i - 1] as number);
          expect(Math.abs(d - step)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b)) + 1e-300);
        }
      }),
    );
  });

  it('edge cases: empty, one value, NaN, ±Infinity, equal ends, offset 1e9', () => {
    expect(linspace(0, 1, 0)).toHaveLength(0);
    expect(Array.from(linspace(2, 5, 1))).toEqual([2]);
    expect(Array.from(linspace(2, 5, 1, { endpoint: false }))).toEqual([2]);
    expect(() => linspace(NaN, 1, 3)).toThrow(/^linspace: start must be a finite number, got NaN/);
    expect(() => linspace(0, Infinity, 3)).toThrow(/^linspace: stop must be a finite number, got Infinity/);
    expect(() => linspace(0, 1, -1)).toThrow(/^linspace: num must be an integer from 0 to 100000000, got -1/);
    expect(() => linspace(0, 1, 2.5)).toThrow(/num must be an integer/);
    expect(() => linspace(0, 1, 2, { endpoint: 1 as unknown as boolean })).toThrow(/^linspace: endpoint must be true or false/);
    // start = stop (σ = 0 of a grid): every point is start.
    expect(Array.from(linspace(3, 3, 4))).toEqual([3, 3, 3, 3]);
    // A span of 1 around 1e9: the same spacing as around 0, up to the spacing of doubles there.
    const far = linspace(1e9, 1e9 + 1, 5);
    expectAllClose(subtract(far, linspace(1e9, 1e9, 5)), [0, 0.25, 0.5, 0.75, 1], { rel: 0, abs: 1e-7 });
  });
});

describe('add and subtract (numpy.add / numpy.subtract, 1-D)', () => {
  it('TSDoc examples', () => {
    expect(Array.from(add([1, 2], [0.5, -2]))).toEqual([1.5, 0]);
    expect(Array.from(subtract([1, 2], [0.5, -2]))).toEqual([0.5, 4]);
  });

  it('property: subtract(add(a, b), b) is a up to one rounding of the sum', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { maxLength: 50 }), (pairs) => {
        const a = pairs.map((p) => p[0]);
        const b = pairs.map((p) => p[1]);
        const back = subtract(add(a, b), b);
        for (let i = 0; i < a.length; i++) expect(Math.abs((back[i] as number) - (a[i] as number))).toBeLessThanOrEqual(4e6 * Number.EPSILON);
      }),
    );
  });

  it('edge cases: empty, one value, NaN, ±Infinity, different lengths, offset 1e9', () => {
    expect(add([], [])).toHaveLength(0);
    expect(Array.from(subtract([1], [1]))).toEqual([0]);
    // NaN and infinities propagate as in numpy (they are values here, not data to skip).
    expect(subtract([NaN], [1])[0]).toBeNaN();
    expect(subtract([Infinity], [Infinity])[0]).toBeNaN();
    expect(add([-Infinity], [1])[0]).toBe(-Infinity);
    expect(() => add([1, 2], [1])).toThrow(/^add: a and b must have the same length, got 2 and 1/);
    expect(() => subtract(3 as unknown as number[], [1])).toThrow(/^subtract: a must be an array/);
    expect(Array.from(subtract([1e9 + 0.5], [1e9]))).toEqual([0.5]);
  });
});
