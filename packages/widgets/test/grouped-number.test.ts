// groupedNumber against Intl.NumberFormat, the reference it replaces (en-US and zh-CN write numbers
// alike): the edge cases, then 40,000 values over 30 orders of magnitude at four decimal limits.
import { describe, expect, it } from 'vitest';
import { groupedNumber } from '../src/shared/grouped-number.ts';

const intl = (value: number, digits: number, locale = 'en-US') => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);

describe('groupedNumber', () => {
  it('writes what Intl.NumberFormat en-US and zh-CN write', () => {
    // A fixed linear congruential sequence, so every run checks the same values.
    let state = 1;
    const next = () => {
      state = (state * 16807) % 2147483647;
      return state / 2147483647;
    };
    const values: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      values.push((next() - 0.5) * 10 ** (Math.floor(next() * 30) - 12));
      values.push(Math.round(next() * 1e6) / 10 ** Math.floor(next() * 7));
    }
    for (const digits of [0, 1, 3, 6]) {
      for (const value of values) {
        const text = groupedNumber(value, digits);
        if (text !== intl(value, digits)) expect(text, `${value} with ${digits} decimals`).toBe(intl(value, digits));
        if (text !== intl(value, digits, 'zh-CN')) expect(text, `${value} with ${digits} decimals (zh-CN)`).toBe(intl(value, digits, 'zh-CN'));
      }
    }
  });

  describe('edge cases', () => {
    it.each([
      [0, 3],
      [-0, 3],
      [0.0005, 3], // the shortest decimal is 0.0005: rounds up, as Intl does
      [1.0005, 3], // exactly 1.000499…, but its shortest decimal 1.0005 rounds up
      [0.00049, 3],
      [-0.0001, 3], // "-0", as Intl writes it
      [999.9995, 3],
      [999_999.5, 0],
      [-2.5, 0],
      [1e21, 0],
      [1.5e-7, 6],
      [2 ** 53, 3],
      [0.1 + 0.2, 20],
      [Number.MAX_VALUE, 0],
      [Number.MIN_VALUE, 20],
      [Number.NaN, 3],
      [Number.POSITIVE_INFINITY, 3],
      [Number.NEGATIVE_INFINITY, 3],
    ])('%s with %i decimals', (value, digits) => {
      expect(groupedNumber(value, digits)).toBe(intl(value, digits));
    });

    it('refuses a decimal limit outside 0–20 or not an integer', () => {
      expect(() => groupedNumber(1, -1)).toThrow('groupedNumber: maxFractionDigits must be an integer from 0 to 20, got -1');
      expect(() => groupedNumber(1, 21)).toThrow(/got 21/);
      expect(() => groupedNumber(1, 1.5)).toThrow(/got 1.5/);
    });
  });
});
