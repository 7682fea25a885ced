import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { productError } from '../../src/internal/double-double.ts';

/** A finite double as an exact fraction m·2^e, m a BigInt. */
function exact(v: number): { m: bigint; e: number } {
  if (v === 0) return { m: 0n, e: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return biased === 0 ? { m: sign * fraction, e: -1074 } : { m: sign * (fraction | (1n << 52n)), e: biased - 1075 };
}

/** x·2^e − y·2^f as a fraction over 2^min(e, f), compared with zero exactly. */
function sumIsExact(product: { m: bigint; e: number }, parts: { m: bigint; e: number }[]): boolean {
  const base = Math.min(product.e, ...parts.map((p) => p.e));
  const scale = (p: { m: bigint; e: number }): bigint => p.m << BigInt(p.e - base);
  return scale(product) === parts.map(scale).reduce((s, v) => s + v, 0n);
}

describe('productError (Dekker): p + productError(u, v, p) = u·v exactly (fast-check)', () => {
  it('over doubles from 2^−400 to 2^400 in size, either sign', () => {
    const d = fc.double({ min: -(2 ** 400), max: 2 ** 400, noNaN: true, noDefaultInfinity: true }).filter((v) => v === 0 || Math.abs(v) > 2 ** -400);
    fc.assert(
      fc.property(d, d, (u, v) => {
        const p = u * v;
        const e = productError(u, v, p);
        const uu = exact(u);
        const vv = exact(v);
        expect(sumIsExact({ m: uu.m * vv.m, e: uu.e + vv.e }, [exact(p), exact(e)])).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('is 0 when the product is exact', () => {
    expect(productError(3, 7, 21)).toBe(0);
    expect(productError(0.5, 0.25, 0.125)).toBe(0);
  });
});
