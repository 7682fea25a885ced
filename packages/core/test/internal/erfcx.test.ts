import { describe, expect, it } from 'vitest';
import { erfcx } from '../../src/internal/erf.ts';
import { expectClose } from '../support/expect-close.ts';

describe('erfcx (scaled complementary error function, for the incomplete beta expansion)', () => {
  it('matches mpmath on each of its three pieces', () => {
    // mpmath at 30 digits, rounded to the nearest double: float(mp.erfc(x) * mp.exp(mp.mpf(x)**2))
    const cases: [number, number][] = [
      [0.3, 0.7345993345676551], // product piece
      [2, 0.25539567631050575], // fdlibm tail piece
      [5, 0.11070463773306863],
      [27.9, 0.020208884621282616],
      [28, 0.020136801964214277], // asymptotic series from here on
      [100, 0.005641613782989433],
      [1e5, 5.6418958351954685e-06],
      [1e10, 5.641895835477563e-11],
    ];
    for (const [x, expected] of cases) expectClose(erfcx(x), expected, { rel: 3e-16 });
  });

  it('edge cases: 1 at 0, 0 at +Infinity, NaN for negative or NaN input', () => {
    expect(erfcx(0)).toBe(1);
    expect(erfcx(Number.POSITIVE_INFINITY)).toBe(0);
    expect(erfcx(-1)).toBeNaN();
    expect(erfcx(Number.NaN)).toBeNaN();
  });
});
