import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WasmApi } from '../../src/internal/wasm.ts';
import { createSimdTwist } from '../../src/random/mt19937-simd.ts';
import { MT19937_STATE_LENGTH, mt19937Create, mt19937TwistScalar, temper } from '../../src/random/mt19937.ts';
import { createRandomState } from '../../src/random/random-state.ts';

const N = MT19937_STATE_LENGTH;
const twistSimd = createSimdTwist(N, 397, 0x9908b0df);

/** The scalar twist and the tempering of each word, the reference for the SIMD function. */
function scalarTwistAndTemper(key: Int32Array): [Int32Array, Int32Array] {
  const next = key.slice();
  mt19937TwistScalar(next);
  return [next, next.map((w) => temper(w))];
}

/** What Chromium throws for WebAssembly.Module under a CSP without 'wasm-unsafe-eval'. */
function refuseToCompile(): never {
  throw new Error('WebAssembly.Module(): Wasm code generation disallowed by embedder');
}

describe('createSimdTwist', () => {
  it('compiles in this Node, so the tests below exercise the SIMD path that RandomState uses', () => {
    expect(twistSimd).toBeTypeOf('function');
  });

  it('twists and tempers as the scalar loops do, for seeded keys over many twists', () => {
    for (const seed of [0, 1, 42, 2 ** 32 - 1]) {
      const gen = mt19937Create(seed);
      let key: Int32Array = gen.words.slice();
      const tempered = new Int32Array(N);
      for (let t = 0; t < 50; t++) {
        const [want, wantTempered] = scalarTwistAndTemper(key);
        twistSimd!(key, tempered);
        expect(key).toEqual(want);
        expect(tempered).toEqual(wantTempered);
        key = want;
      }
    }
  });

  it('property: twists and tempers any 624 words as the scalar loops do', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: N, maxLength: N }), (words) => {
        const key = Int32Array.from(words, (w) => w | 0);
        const [want, wantTempered] = scalarTwistAndTemper(key);
        const tempered = new Int32Array(N);
        twistSimd!(key, tempered);
        expect(key).toEqual(want);
        expect(tempered).toEqual(wantTempered);
      }),
      { numRuns: 200 },
    );
  });

  it('returns undefined where there is no WebAssembly, or compiling it fails (no SIMD, or a CSP without wasm-unsafe-eval)', () => {
    expect(createSimdTwist(N, 397, 0x9908b0df, null)).toBeUndefined();
    const forbidden: WasmApi = {
      Memory: class {
        buffer = new ArrayBuffer(65536);
      },
      Module: refuseToCompile as unknown as WasmApi['Module'],
      Instance: class {
        exports = {};
      },
    };
    expect(createSimdTwist(N, 397, 0x9908b0df, forbidden)).toBeUndefined();
  });
});

describe('RandomState without WebAssembly', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('gives the same streams with the scalar twist as with the SIMD one', async () => {
    vi.resetModules();
    vi.stubGlobal('WebAssembly', undefined);
    const scalar = await import('../../src/random/random-state.ts');
    const simdFree = await import('../../src/random/mt19937-simd.ts');
    expect(simdFree.createSimdTwist(N, 397, 0x9908b0df)).toBeUndefined();
    for (const seed of [3, 2024]) {
      const a = scalar.createRandomState(seed);
      const b = createRandomState(seed);
      // Several twists' worth of each kind of consumer: doubles, polar pairs, word-by-word loops.
      expect(a.uniform(-1, 1, 5000)).toEqual(b.uniform(-1, 1, 5000));
      expect(a.standardNormal(3001)).toEqual(b.standardNormal(3001));
      expect(a.negativeBinomial(3, 0.4, 2000)).toEqual(b.negativeBinomial(3, 0.4, 2000));
      expect(a.gamma(2.5, 1, 2000)).toEqual(b.gamma(2.5, 1, 2000));
      expect(a.poisson(30, 2000)).toEqual(b.poisson(30, 2000));
      expect(a.getState()).toEqual(b.getState());
    }
  });
});
