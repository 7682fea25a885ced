import { describe, expect, it } from 'vitest';
import { decimateSeries, decimationIndices } from '../src/decimate.ts';

describe('decimationIndices', () => {
  it('keeps everything when the history is short enough', () => {
    expect(Array.from(decimationIndices(5, 5))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(decimationIndices(0, 10))).toEqual([]);
  });

  it('keeps maxPoints evenly spaced indices, always the first and the last', () => {
    // (10 − 1)/(4 − 1) = 3: 0, 3, 6, 9
    expect(Array.from(decimationIndices(10, 4))).toEqual([0, 3, 6, 9]);
    for (const [length, max] of [[5000, 2000], [1_000_000, 2000], [2001, 2000], [7, 2]] as const) {
      const keep = decimationIndices(length, max);
      expect(keep).toHaveLength(max);
      expect(keep[0]).toBe(0);
      expect(keep[max - 1]).toBe(length - 1);
      for (let i = 1; i < max; i++) expect(keep[i] as number).toBeGreaterThan(keep[i - 1] as number);
    }
  });

  it('needs at least two points', () => {
    expect(() => decimationIndices(10, 1)).toThrow(/decimate: maxPoints must be an integer ≥ 2, got 1/);
  });
});

describe('decimateSeries', () => {
  it('takes the same indices from every series and reports them', () => {
    const a = Float64Array.from({ length: 10 }, (_, i) => i * 10);
    const b = Float64Array.from({ length: 10 }, (_, i) => -i);
    const out = decimateSeries({ a, b }, 10, 4);
    expect(Array.from(out.index)).toEqual([0, 3, 6, 9]);
    expect(Array.from(out.a)).toEqual([0, 30, 60, 90]);
    expect(Array.from(out.b)).toEqual([-0, -3, -6, -9]);
  });
});
