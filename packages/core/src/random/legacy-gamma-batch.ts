// numpy's legacy Marsaglia–Tsang gamma (shape > 1) and the samplers built on it, beta (two gammas)
// and Student's t (a Gaussian over a gamma), run in batches: one small per-chunk function draws the
// Gaussians (the polar method of `legacy_gauss`, cached second variate included) and the uniforms
// straight from the key, with the stream position and the Gaussian cache in locals, and writes them
// back once per chunk. Called per draw, the same work went through four function calls and as many
// state writes per variate (2–4× numpy's time); the order of the words consumed is numpy's exactly.

import { accurateLog, accurateLogAll } from './accurate-log.ts';
import { type GaussCache, nextDouble, temper } from './legacy-stream.ts';
import { MT19937_STATE_LENGTH, type Mt19937 } from './mt19937.ts';

const N = MT19937_STATE_LENGTH;
const TWO_POW_26 = 67108864;
const TWO_POW_MINUS_52 = 2.220446049250313e-16;
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;
/** Variates per chunk call: small enough that V8 optimises the chunk function during the first request. */
const CHUNK = 256;

/** The 53 random bits (a >> 5)·2**26 + (b >> 6) of the two words at key[pos], key[pos + 1] (`legacy_double` before its scaling). */
function bits53(key: Int32Array, pos: number): number {
  return (temper(key[pos] as number) >>> 5) * TWO_POW_26 + (temper(key[pos + 1] as number) >>> 6);
}

/** What each output is: scale·G (`legacy_gamma`), Ga/(Ga + Gb) (`legacy_beta`), root·Z/√G (`legacy_standard_t`). */
export type MarsagliaTsangOutput = 'gamma' | 'beta' | 'studentT';

/**
 * The constants of `legacy_standard_gamma` for a shape > 1: b = shape − 1/3, c = 1/√(9b), as C
 * computes them.
 *
 * @param shape - The shape, > 1.
 * @returns [b, c].
 * @example
 * marsagliaTsangConstants(2); // => [1.6666666666666667, 0.2581988897471611]
 */
export function marsagliaTsangConstants(shape: number): [number, number] {
  const b = shape - 1 / 3;
  return [b, 1 / Math.sqrt(9 * b)];
}

/**
 * Fills `out` with numpy's legacy draws built on Marsaglia–Tsang gammas of shapes > 1:
 * 'gamma': factor·G(b1); 'beta': Ga/(Ga + Gb) with Ga = G(b1), Gb = G(b2), drawn in that order;
 * 'studentT': factor·Z/√G(b1) with the Gaussian Z drawn first. G(b) is `legacy_standard_gamma`'s
 * shape > 1 branch: X Gaussian until V = 1 + cX > 0, V ← V³, U uniform, accepted when
 * U < 1 − 0.0331X⁴ or ln U < X²/2 + b(1 − V + ln V), giving bV.
 *
 * @param gen - The generator.
 * @param cache - The stream's Gaussian cache, read and updated as numpy's `legacy_gauss` does.
 * @param out - Filled in full.
 * @param output - Which sampler.
 * @param b1 - shape − 1/3 of the (first) gamma; see marsagliaTsangConstants.
 * @param c1 - 1/√(9·b1).
 * @param b2 - shape − 1/3 of the second gamma ('beta'; ignored otherwise).
 * @param c2 - 1/√(9·b2).
 * @param factor - The scale ('gamma'), √(df/2) ('studentT'); ignored for 'beta'.
 * @example
 * const [b, c] = marsagliaTsangConstants(2);
 * fillMarsagliaTsang(mt19937Create(42), cache, out, 'gamma', b, c, 0, 0, 1); // out[0] = 2.3936793898692366
 */
export function fillMarsagliaTsang(
  gen: Mt19937,
  cache: GaussCache,
  out: Float64Array,
  output: MarsagliaTsangOutput,
  b1: number,
  c1: number,
  b2: number,
  c2: number,
  factor: number,
): void {
  const job: Job = { kind: output === 'gamma' ? GAMMA : output === 'beta' ? BETA : STUDENT_T, b1, c1, b2, c2, factor };
  for (let i = 0; i < out.length; i += CHUNK) marsagliaTsangChunk(gen, cache, out, i, Math.min(i + CHUNK, out.length), job);
}

const GAMMA = 0;
const BETA = 1;
const STUDENT_T = 2;

/** fillMarsagliaTsang's request, its output kind as a small integer. */
interface Job {
  kind: number;
  b1: number;
  c1: number;
  b2: number;
  c2: number;
  factor: number;
}

function marsagliaTsangChunk(gen: Mt19937, cache: GaussCache, out: Float64Array, i0: number, i1: number, job: Job): void {
  const { kind, b1, c1, b2, c2, factor } = job;
  const key = gen.words;
  let pos = gen.pos;
  let hasGauss = cache.hasGauss;
  let gauss = cache.gauss;
  const parts = kind === BETA ? 2 : 1;
  for (let i = i0; i < i1; i++) {
    let z = 0;
    let first = 0;
    let value = 0;
    // Part −1 is Student's t's Gaussian numerator; parts 0 and 1 are gammas.
    for (let part = kind === STUDENT_T ? -1 : 0; part < parts; part++) {
      const b = part === 1 ? b2 : b1;
      const c = part === 1 ? c2 : c1;
      for (;;) {
        let X = 0;
        let V = 0;
        do {
          // legacy_gauss: the cached variate, else a polar pair (f·x2 now, f·x1 cached).
          if (hasGauss) {
            X = gauss;
            hasGauss = false;
            gauss = 0;
          } else {
            let x1 = 0;
            let x2 = 0;
            let r2 = 0;
            do {
              if (pos <= N - 4) {
                // 2·(k/2**53) − 1, exactly.
                x1 = bits53(key, pos) * TWO_POW_MINUS_52 - 1;
                x2 = bits53(key, pos + 2) * TWO_POW_MINUS_52 - 1;
                pos += 4;
              } else {
                // Across a twist: word by word, as nextDouble does.
                gen.pos = pos;
                x1 = 2 * nextDouble(gen) - 1;
                x2 = 2 * nextDouble(gen) - 1;
                pos = gen.pos;
              }
              r2 = x1 * x1 + x2 * x2;
            } while (r2 >= 1 || r2 === 0);
            const f = Math.sqrt((-2 * accurateLog(r2)) / r2);
            gauss = f * x1;
            hasGauss = true;
            X = f * x2;
          }
          if (part < 0) break;
          V = 1 + c * X;
        } while (V <= 0);
        if (part < 0) {
          z = X;
          break;
        }
        V = V * V * V;
        let U: number;
        if (pos <= N - 2) {
          U = bits53(key, pos) * TWO_POW_MINUS_53;
          pos += 2;
        } else {
          gen.pos = pos;
          U = nextDouble(gen);
          pos = gen.pos;
        }
        // C's log(0) is −Infinity.
        if (U < 1 - 0.0331 * (X * X) * (X * X) || (U > 0 ? accurateLogAll(U) : -Infinity) < 0.5 * X * X + b * (1 - V + accurateLogAll(V))) {
          value = b * V;
          break;
        }
      }
      if (part === 0) first = value;
    }
    out[i] = kind === GAMMA ? factor * first : kind === BETA ? first / (first + value) : (factor * z) / Math.sqrt(first);
  }
  gen.pos = pos;
  cache.hasGauss = hasGauss;
  cache.gauss = gauss;
}

/**
 * Fills `out` with scale·G for numpy's `legacy_standard_gamma` with 0 < shape < 1 (Ahrens–Dieter GS,
 * as gammaSmallShape in ./legacy-distributions.ts: U, then V exponential; U ≤ 1 − a gives X = U^(1/a),
 * accepted when X ≤ V; else Y = −ln((1 − U)/a), X = (1 − a + aY)^(1/a), accepted when X ≤ V + Y), the
 * doubles read straight from the key a chunk at a time.
 *
 * @param gen - The generator.
 * @param out - Filled in full.
 * @param shape - The shape, in (0, 1).
 * @param scale - The scale ≥ 0.
 * @example
 * fillGammaSmallShape(mt19937Create(0), out, 0.3, 1); // out[0] = 0.13533681858277738
 */
export function fillGammaSmallShape(gen: Mt19937, out: Float64Array, shape: number, scale: number): void {
  const inv = 1 / shape;
  for (let i = 0; i < out.length; i += CHUNK) smallShapeChunk(gen, out, i, Math.min(i + CHUNK, out.length), shape, inv, scale);
}

function smallShapeChunk(gen: Mt19937, out: Float64Array, i0: number, i1: number, shape: number, inv: number, scale: number): void {
  const key = gen.words;
  let pos = gen.pos;
  for (let i = i0; i < i1; i++) {
    for (;;) {
      let U: number;
      let W: number;
      if (pos <= N - 4) {
        U = bits53(key, pos) * TWO_POW_MINUS_53;
        W = bits53(key, pos + 2) * TWO_POW_MINUS_53;
        pos += 4;
      } else {
        gen.pos = pos;
        U = nextDouble(gen);
        W = nextDouble(gen);
        pos = gen.pos;
      }
      // legacy_standard_exponential: −ln(1 − W), 1 − W exact and in (0, 1].
      const V = -accurateLog(1 - W);
      if (U <= 1 - shape) {
        const X = Math.pow(U, inv);
        if (X <= V) {
          out[i] = scale * X;
          break;
        }
      } else {
        const Y = -accurateLogAll((1 - U) / shape);
        const X = Math.pow(1 - shape + shape * Y, inv);
        if (X <= V + Y) {
          out[i] = scale * X;
          break;
        }
      }
    }
  }
  gen.pos = pos;
}
