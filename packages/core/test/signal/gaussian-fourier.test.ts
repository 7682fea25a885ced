import { describe, expect, it } from 'vitest';
import { gaussianFourierPair } from '../../src/signal/gaussian-fourier.ts';
import data from '../fixtures/signal.json' with { type: 'json' };
import { expectAllClose, expectClose } from '../support/expect-close.ts';

describe('gaussianFourierPair', () => {
  const f = data.fourier;
  const pair = gaussianFourierPair({ sigma: f.sigma, n: f.n });

  it('uses the default spacing σ·√(2π/n) and numpy’s frequencies', () => {
    expectClose(pair.x[f.n / 2 + 1]!, f.dx, { rel: 1e-15 }); // x_j = (j − n/2)·dx
    // np.fft.fftshift(np.fft.fftfreq(n, dx))
    expectAllClose(pair.frequencies, f.frequencies, { rel: 1e-15 });
  });

  it('matches dx·|np.fft.fft(pdf)| (fftshifted)', () => {
    expectAllClose(pair.magnitude, f.magnitude, { rel: 1e-12, abs: 1e-16 });
  });

  it('is the analytic transform exp(−2π²σ²f²), a Gaussian of width 1/(2πσ)', () => {
    expect(pair.maxError).toBeLessThan(1e-15);
    expectAllClose(pair.magnitude, pair.analytic, { abs: 1e-15 });
    expectClose(pair.spectralSigma, 1 / (2 * Math.PI * f.sigma), { rel: 1e-15 });
    expectClose(pair.magnitude[f.n / 2]!, 1, { rel: 1e-15 });
  });

  it('a wider Gaussian has a narrower spectrum', () => {
    const wide = gaussianFourierPair({ sigma: 4, n: 256, dx: 0.5 });
    const narrow = gaussianFourierPair({ sigma: 1, n: 256, dx: 0.5 });
    expectClose(wide.spectralSigma * 4, narrow.spectralSigma, { rel: 1e-15 });
    expectAllClose(wide.magnitude, wide.analytic, { abs: 1e-14 });
  });

  it('throws on bad options', () => {
    expect(() => gaussianFourierPair({ sigma: 0 })).toThrow(/gaussianFourierPair: sigma must be a finite number greater than 0/);
    expect(() => gaussianFourierPair({ sigma: 1, n: 100 })).toThrow(/n must be a power of two/);
    expect(() => gaussianFourierPair({ sigma: 1, n: 1 })).toThrow(/n must be an integer from 2 to 1048576/);
    expect(() => gaussianFourierPair({ sigma: 1, dx: -1 })).toThrow(/dx must be a finite number greater than 0/);
  });
});
