import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardNormalQuantile } from '../../src/distributions/normal.ts';
import { QUANTILE_TABLE_LOW, standardNormalQuantileFromTable } from '../../src/internal/normal-quantile-table.ts';
import data from '../fixtures/normal_quantile_table.json' with { type: 'json' };
import { ulp } from '../support/ulp.ts';

// Φ⁻¹(p) for min(p, 1 − p) ≥ 2^−11 from Gal's accurate tables and the centre's polynomial
// (internal/normal-quantile-table.ts), which the normal and log-normal quantiles use there.

const BITS = new Float64Array(1);
const INT = new BigInt64Array(BITS.buffer);

/** The double after t > 0. */
function nextUp(t: number): number {
  BITS[0] = t;
  INT[0] = (INT[0] as bigint) + 1n;
  return BITS[0] as number;
}

/** The double before t > 0. */
function nextDown(t: number): number {
  BITS[0] = t;
  INT[0] = (INT[0] as bigint) - 1n;
  return BITS[0] as number;
}

/** The eighth double after t. */
function nextUp8(t: number): number {
  for (let k = 0; k < 8; k++) t = nextUp(t);
  return t;
}

function fromTable(p: number): number {
  const out = Float64Array.of(Number.NaN);
  standardNormalQuantileFromTable([p], out, 0, 1, new Int32Array(1));
  return out[0] as number;
}

describe('standardNormalQuantileFromTable against mpmath (normal_quantile_table.json)', () => {
  it(`is within 0.52 ulp of Φ⁻¹(p) at ${data.p.length} points (every interval's ends and 12 random points, both tails), correctly rounded at 99.5 % of them`, () => {
    const p = Float64Array.from(data.p);
    const out = new Float64Array(p.length);
    expect(standardNormalQuantileFromTable(p, out, 0, p.length, new Int32Array(p.length))).toBe(0);
    let wrong = 0;
    let worst = 0;
    data.x.forEach((want, i) => {
      // The error against the exact value x + low, in ulps of x: the difference got − x is exact.
      const error = Math.abs(out[i] as number - want - (data.low[i] as number)) / ulp(want);
      worst = Math.max(worst, error);
      if (out[i] !== want) wrong++;
    });
    expect(worst).toBeLessThanOrEqual(0.52);
    expect(wrong).toBeLessThanOrEqual(0.005 * data.p.length);
  });

  it('is what the normal quantile returns in its range, bit for bit', () => {
    data.p.forEach((p) => expect(standardNormalQuantile(p)).toBe(fromTable(p)));
  });

  it('lists the points outside its range and leaves them as they are: deep tails, 0, 1, outside [0, 1], NaN and non-numbers', () => {
    const p = [0.3, QUANTILE_TABLE_LOW / 2, 1 - QUANTILE_TABLE_LOW / 2, 0.5, 0, 1, -0.5, 1.5, Number.NaN, '0.5' as unknown as number, 0.999];
    const out = new Float64Array(p.length).fill(7);
    const rest = new Int32Array(p.length).fill(-1);
    expect(standardNormalQuantileFromTable(p, out, 0, p.length, rest)).toBe(8);
    expect([...rest]).toEqual([1, 2, 4, 5, 6, 7, 8, 9, -1, -1, -1]);
    expect([0, 3, 10].map((i) => out[i] !== 7)).toEqual([true, true, true]);
    expect([...rest.subarray(0, 8)].every((i) => out[i] === 7)).toBe(true);
    expect(fromTable(QUANTILE_TABLE_LOW)).toBe(data.x[data.p.indexOf(QUANTILE_TABLE_LOW)]);
    expect(Object.is(fromTable(0.5), 0)).toBe(true);
  });
});

describe('standardNormalQuantileFromTable properties (fast-check)', () => {
  it('is odd about ½ (Φ⁻¹(1 − t) = −Φ⁻¹(t), 1 − t exact for t ≥ ¼ … and the table takes t itself) and non-decreasing', () => {
    fc.assert(
      fc.property(fc.double({ min: QUANTILE_TABLE_LOW, max: 1 - QUANTILE_TABLE_LOW, noNaN: true }), fc.double({ min: QUANTILE_TABLE_LOW, max: 1 - QUANTILE_TABLE_LOW, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(fromTable(lo)).toBeLessThanOrEqual(fromTable(hi));
        if (lo >= 0.5) expect(fromTable(lo)).toBe(-fromTable(1 - lo));
      }),
    );
  });

  it('is non-decreasing across every interval boundary (the pieces meet without a step back)', () => {
    for (let e = -11; e <= -2; e++) {
      for (let j = 0; j < 32; j++) {
        const edge = 2 ** e * (1 + j / 32);
        if (edge > 0.4375) break;
        // The 8 doubles below the edge (none below the table's low end) and 8 from it on.
        let t = edge;
        for (let k = 0; k < 8 && nextDown(t) >= QUANTILE_TABLE_LOW; k++) t = nextDown(t);
        let prev = Number.NEGATIVE_INFINITY;
        for (; t <= edge || prev === Number.NEGATIVE_INFINITY || t < nextUp8(edge); t = nextUp(t)) {
          const x = fromTable(t);
          expect(x, `t = ${t}`).toBeGreaterThanOrEqual(prev);
          prev = x;
        }
      }
    }
  });

  it('the quantile is non-decreasing where the table meets AS 241 (2^−11, 1 − 2^−11) and where the centre meets the intervals (0.375, 0.625)', () => {
    for (const edge of [QUANTILE_TABLE_LOW, 1 - QUANTILE_TABLE_LOW, 0.375, 0.625]) {
      let p = edge;
      for (let k = 0; k < 500; k++) p = nextDown(p);
      let prev = standardNormalQuantile(p);
      for (let k = 0; k < 1000; k++) {
        p = nextUp(p);
        const x = standardNormalQuantile(p);
        expect(x, `p = ${p}`).toBeGreaterThanOrEqual(prev);
        prev = x;
      }
    }
  });
});
