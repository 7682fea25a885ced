import { describe, expect, it } from 'vitest';
import { outlierColumns } from '../src/shared/box-chart.ts';

describe('outlierColumns', () => {
  it('keeps one marker per pixel column (by hand: 1 and 1.001 both map to column 10)', () => {
    expect(outlierColumns([1, 1.001, 5], (v) => v * 10)).toEqual([10, 50]);
  });
  it('draws thousands of outliers as at most one circle per column', () => {
    // 7,000 values spread over [0, 1) mapped to [0, 300): rounding to the nearest column gives the
    // integers 0…300, 301 columns (by hand), every one hit since the spacing 300/7000 < 1.
    const values = Float64Array.from({ length: 7000 }, (_, i) => i / 7000);
    const columns = outlierColumns(values, (v) => v * 300);
    expect(columns.length).toBe(301);
    expect(new Set(columns).size).toBe(columns.length);
  });
  it('edge cases: no outliers, one outlier', () => {
    expect(outlierColumns([], (v) => v)).toEqual([]);
    expect(outlierColumns([2.4], (v) => v)).toEqual([2]);
  });
});
