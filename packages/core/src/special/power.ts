import { type WasmApi, F64, I32, V128, f64x2Const, globalWasmApi, i64x2Const, instantiate, loopWhileBelow, op, wasmModule } from '../internal/wasm.ts';

// x^k and −ln(1 − p) for the Weibull family's cdf, sf and ppf over arrays, two points per
// instruction: WebAssembly SIMD kernels where they can run, and `power` and `minusLog1m`, the same
// arithmetic in script, for single values and where WebAssembly cannot run. The two agree bit for bit
// (the tests compare them): the operations are the same IEEE double operations in the same order,
// with no fused multiply–add in either. On the 2-core host where this was written, over 1e5 points:
// x^k 8–10 ns a point against Math.pow's 14–17, −ln(1 − p) 5.5–8 against Math.log1p's 9–14 (the
// machine's speed moves by half from one minute to the next; each pair was timed side by side).
//
// Method: x^k = e^(k·ln x), with ln x and k·ln x carried as double-doubles. Against mpmath at 2,193
// pairs (test/fixtures/special.py): within 1 ulp where |k·ln x| < 400, and 3 ulp up to 709, where ln x's
// own relative error (about 2^−58: fdlibm's polynomial, and the rounding of its small terms) is
// multiplied by k·ln x. Math.pow is within half an ulp; scipy's tests ask 1e−10 of a cdf.
// - ln x: x = 2^n·m with m in [√½, √2) from the exponent bits (musl's reduction), f = m − 1, and
//   fdlibm's ln(1 + f) = f − f²/2 + s·(f²/2 + R(s²)), s = f/(2 + f), R of degree 14 in s. Here f²/2 is
//   exact (Dekker's product), f − f²/2 and n·ln2_hi + (f − f²/2) keep their rounding errors
//   (Fast2Sum), and the small terms are added to those errors: ln x = lnH + lnL.
// - k·ln x: the exact product k·lnH by Dekker's method, plus k·lnL.
// - e^(yH + yL): fdlibm's exponential, whose reduction y − n·ln2 = hi − lo already takes a second
//   part: n = round(yH/ln 2), hi = yH − n·ln2_hi (exact), lo = n·ln2_lo − yL, then
//   e^r = 1 − ((lo − r·c/(2 − c)) − hi) with c = r − r²·P(r²), and the result e^r·2^n.
// Outside what this covers — x not a positive normal double, |k| ≥ 2^50, or yH outside [−707, 709],
// where the result would be subnormal or overflow — it is Math.pow(x, k).

/** ln(1 + f) coefficients (fdlibm's e_log.c, Lg1–Lg7). */
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;
/** ln 2 = LN2_HI + LN2_LO, LN2_HI with its low 32 bits zero (so n·LN2_HI is exact for |n| < 2^20). */
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
/** 1/ln 2 (fdlibm's invln2, the same double). */
const INV_LN2 = Math.LOG2E;
/** e^r polynomial (fdlibm's e_exp.c, P1–P5). */
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
/** Veltkamp's splitter for doubles: 2^27 + 1. */
const SPLIT = 134217729;
/** 1.5·2^52: adding it rounds to an integer, kept in the low bits. */
const ROUND = 6755399441055744;
const SMALLEST_NORMAL = 2 ** -1022;
const LARGEST_K = 2 ** 50;
/** 2^i for i = −1022 … 1023. */
const POW2 = Float64Array.from({ length: 2046 }, (_, i) => 2 ** (i - 1022));
/** The high word of x's bits (little-endian: [1]). */
const BITS = new Float64Array(1);
const WORDS = new Int32Array(BITS.buffer);

/**
 * musl's reduction on the high word: x = 2^n·m with m in [√½, √2); returns n and leaves m in BITS[0]
 * (x a positive normal double).
 */
function reduce(x: number): number {
  BITS[0] = x;
  const hx = (WORDS[1] as number) + 0x95f62;
  WORDS[1] = (hx & 0xfffff) + 0x3fe6a09e;
  return (hx >>> 20) - 1023;
}

/** R(s²) of fdlibm's logarithm from z = s² and w = z² (logPolynomial below is the kernel's). */
function logPolynomialOf(z: number, w: number): number {
  return z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
}

/**
 * x^k, within 1 ulp where |k·ln x| < 400 and 3 ulp beyond (see the file comment); the scalar form
 * of powerInPlace, bit for bit.
 *
 * @param x - The base.
 * @param k - The exponent.
 * @returns x^k.
 * @example
 * power(2, 0.5); // => 1.4142135623730951
 */
export function power(x: number, k: number): number {
  if (!(x >= SMALLEST_NORMAL && x < Number.POSITIVE_INFINITY && Math.abs(k) < LARGEST_K)) return Math.pow(x, k);
  const ck = SPLIT * k;
  const kH = ck - (ck - k);
  const kL = k - kH;
  const n = reduce(x);
  const f = (BITS[0] as number) - 1;
  // f²/2 exactly: hh + hl.
  const cf = SPLIT * f;
  const fH = cf - (cf - f);
  const fL = f - fH;
  const ph = f * f;
  const pl = fH * fH - ph + 2 * fH * fL + fL * fL;
  const hh = 0.5 * ph;
  const hl = 0.5 * pl;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const r = logPolynomialOf(z, w);
  const tail = s * (hh + r);
  const a = f - hh;
  const ea = f - a - hh;
  const nh = n * LN2_HI;
  const b = nh + a;
  const eb = nh - b + a;
  const small = ea - hl + tail + n * LN2_LO + eb;
  const lnH = b + small;
  const lnL = small - (lnH - b);
  // k·ln x = yH + yL.
  const yH = k * lnH;
  const cl = SPLIT * lnH;
  const lH = cl - (cl - lnH);
  const lL = lnH - lH;
  const yL = kH * lH - yH + kH * lL + kL * lH + kL * lL + k * lnL;
  if (!(yH >= -707 && yH <= 709)) return Math.pow(x, k);
  // e^(yH + yL) = 2^j·e^(hi − lo).
  const j = yH * INV_LN2 + ROUND - ROUND;
  const hi = yH - j * LN2_HI;
  const lo = j * LN2_LO - yL;
  const t = hi - lo;
  const tt = t * t;
  const c = t - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
  const e = 1 - (lo - (t * c) / (2 - c) - hi);
  return e * (POW2[j + 1022] as number);
}

/**
 * −ln(1 − p), the Weibull quantile's base, within an ulp or so: 1 − p = h + l exactly (h rounded, l
 * its error), then fdlibm's ln h (the file comment's reduction and polynomial, in one double) and
 * ln(1 − p) = ln h + l/h (the next term is below 2^−106 relatively), so that a small p loses nothing.
 * For p outside (0, 1) and NaN, −Math.log1p(−p). The scalar form of minusLog1mInPlace, bit for bit.
 *
 * @param p - A probability.
 * @returns −ln(1 − p).
 * @example
 * minusLog1m(0.5); // => 0.6931471805599453
 * minusLog1m(1e-20); // => 1e-20
 */
export function minusLog1m(p: number): number {
  if (!(p > 0 && p < 1)) return -Math.log1p(-p);
  const h = 1 - p;
  const l = 1 - h - p;
  const n = reduce(h);
  const f = (BITS[0] as number) - 1;
  const hh = 0.5 * f * f;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const r = logPolynomialOf(z, w);
  const lnh = s * (hh + r) + n * LN2_LO - hh + f + n * LN2_HI;
  return -(lnh + l / h);
}

/** Points per call of the kernel: 8 KiB of the module's 64 KiB page. */
const CHUNK = 1024;
/** The points of a chunk that `power` takes again. */
const AGAIN = new Int32Array(CHUNK);

type Run = (start: number, end: number, k: number, kH: number, kL: number) => void;
/** The kernel's functions and the heap they work on. */
interface Kernel {
  power: Run;
  minusLog1m: Run;
  heap: Float64Array;
}

/** The SIMD kernel once tried, or null where it cannot run (undefined until first use). */
let kernel: Kernel | null | undefined;

/**
 * v[i] ← power(v[i], k) for i0 ≤ i < i1, bit for bit, two points per instruction where WebAssembly
 * SIMD can run (else `power` point by point). The kernel leaves NaN where `power` would call
 * Math.pow (a base that is not a positive normal double, or k·ln x outside [−707, 709]); those points
 * are taken again by `power`.
 *
 * @param v - The bases, replaced by their powers.
 * @param i0 - First index.
 * @param i1 - One past the last index.
 * @param k - The exponent.
 * @example
 * const v = Float64Array.of(2, 9);
 * powerInPlace(v, 0, 2, 0.5); // v = [1.4142135623730951, 3]
 */
export function powerInPlace(v: Float64Array, i0: number, i1: number, k: number): void {
  inPlace(v, i0, i1, 'power', power, k);
}

/**
 * v[i] ← minusLog1m(v[i]) for i0 ≤ i < i1, bit for bit, as powerInPlace does for `power` (the
 * kernel leaves NaN for p outside (0, 1), which minusLog1m takes again).
 *
 * @param v - Probabilities, replaced by −ln(1 − p).
 * @param i0 - First index.
 * @param i1 - One past the last index.
 * @example
 * const v = Float64Array.of(0.5);
 * minusLog1mInPlace(v, 0, 1); // v = [0.6931471805599453]
 */
export function minusLog1mInPlace(v: Float64Array, i0: number, i1: number): void {
  inPlace(v, i0, i1, 'minusLog1m', minusLog1m, 0);
}

function inPlace(v: Float64Array, i0: number, i1: number, which: 'power' | 'minusLog1m', scalar: (x: number, k: number) => number, k: number): void {
  if (kernel === undefined) kernel = createKernel(globalWasmApi()) ?? null;
  if (kernel === null || !(Math.abs(k) < LARGEST_K)) {
    for (let i = i0; i < i1; i++) v[i] = scalar(v[i] as number, k);
    return;
  }
  const ck = SPLIT * k;
  const kH = ck - (ck - k);
  const kL = k - kH;
  const run = kernel[which];
  const heap = kernel.heap;
  for (let a = i0; a < i1; a += CHUNK) {
    const b = Math.min(i1, a + CHUNK);
    heap.set(v.subarray(a, b));
    run(0, 8 * (b - a), k, kH, kL);
    takeResults(v, heap, a, b, scalar, k);
  }
}

/**
 * Takes again by the scalar function the points of the chunk v[a … b) that the kernel left NaN (those
 * where that function does not use its method), then copies the chunk's results into v.
 */
function takeResults(v: Float64Array, heap: Float64Array, a: number, b: number, scalar: (x: number, k: number) => number, k: number): void {
  let again = 0;
  for (let j = 0; j < b - a; j++) {
    const y = heap[j] as number;
    if (y !== y) AGAIN[again++] = j;
  }
  // A loop of its own: a call merged into the loop above would box every point's double.
  for (let q = 0; q < again; q++) {
    const j = AGAIN[q] as number;
    heap[j] = scalar(v[a + j] as number, k);
  }
  v.set(heap.subarray(0, b - a), a);
}

/**
 * The kernel, or undefined where WebAssembly SIMD cannot run.
 *
 * @param api - The WebAssembly API, or null where there is none (a test passes its own).
 * @returns Its functions and the heap they work on.
 */
export function createKernel(api: WasmApi | null): Kernel | undefined {
  const module = instantiate(powerModule(), api);
  if (module === undefined) return undefined;
  return {
    power: module.exports['power'] as Run,
    minusLog1m: module.exports['minusLog1m'] as Run,
    heap: new Float64Array(module.buffer, 0, CHUNK),
  };
}

// The kernel's listing: `power` and `minusLog1m` above, step by step, on two lanes. Parameters (the
// same for both functions, so that their locals are numbered alike): the start and end byte
// addresses, k, kH, kL; then one v128 local per intermediate value, named after the scalar functions'
// variables.
const NAMES = ['h', 'l', 'x', 'hx', 'n', 'f', 'cf', 'fH', 'fL', 'ph', 'pl', 'hh', 'hl', 's', 'z', 'w', 'tail', 'a', 'ea', 'nh', 'b', 'eb', 'small', 'lnH', 'lnL', 'yH', 'cl', 'lH', 'lL', 'yL', 'jr', 'j', 'hi', 'lo', 't', 'tt', 'c', 'e'] as const;
type Name = (typeof NAMES)[number] | 'vk' | 'vkH' | 'vkL';
const START = 0;
const END = 1;
const K = 2;
const KH = 3;
const KL = 4;
/** The start address again, for the second pass. */
const P0 = 5;
/** k, kH, kL in both lanes. */
const SHARED = ['vk', 'vkH', 'vkL'];
/**
 * Each loop iteration takes two pairs of points, groups 0 and 1 (16 bytes apart), their statements
 * interleaved: two independent chains of dependent operations in one body, which the processor
 * overlaps (V8's code for one pair per iteration was bound by the chain's latency). `group` is the
 * group whose statements are being listed.
 */
let group = 0;
const slot = (name: Name): number => (SHARED.includes(name) ? 6 + SHARED.indexOf(name) : 9 + group * NAMES.length + NAMES.indexOf(name as (typeof NAMES)[number]));
const get = (name: Name): number[] => op.localGet(slot(name));
const set = (name: Name, value: number[]): number[] => [...value, ...op.localSet(slot(name))];
const load = (offset: number): number[] => [...op.localGet(START), ...op.v128Load(offset + 16 * group)];
const store = (offset: number, value: number[]): number[] => [...op.localGet(START), ...value, ...op.v128Store(offset + 16 * group)];
const add = (x: number[], y: number[]): number[] => [...x, ...y, ...op.f64x2Add];
const sub = (x: number[], y: number[]): number[] => [...x, ...y, ...op.f64x2Sub];
const mul = (x: number[], y: number[]): number[] => [...x, ...y, ...op.f64x2Mul];
const div = (x: number[], y: number[]): number[] => [...x, ...y, ...op.f64x2Div];
/** The kernel's constants as v128 bytes, each in a local set before the loops (V8 rebuilds a v128.const at every use). */
const CONSTANTS: number[][] = [];
const CONSTANT_BASE = 9 + 2 * NAMES.length;
function constant(bytes: number[]): number[] {
  let i = CONSTANTS.findIndex((c) => c.length === bytes.length && c.every((x, q) => x === bytes[q]));
  if (i < 0) i = CONSTANTS.push(bytes) - 1;
  return op.localGet(CONSTANT_BASE + i);
}
const num = (value: number): number[] => constant(f64x2Const(value));
const int64 = (value: bigint): number[] => constant(i64x2Const(value));

/** `value` in the lanes where `mask` is all ones, NaN in the others. */
const orNaN = (value: number[], mask: number[]): number[] => [...value, ...num(Number.NaN), ...mask, ...op.v128Bitselect];

/** R(s²) of fdlibm's logarithm from z = s² and w = z²: z·(Lg1 + w·(Lg3 + w·(Lg5 + w·Lg7))) + w·(Lg2 + w·(Lg4 + w·Lg6)). */
function logPolynomial(): number[] {
  return add(
    mul(get('z'), add(num(LG1), mul(get('w'), add(num(LG3), mul(get('w'), add(num(LG5), mul(get('w'), num(LG7)))))))),
    mul(get('w'), add(num(LG2), mul(get('w'), add(num(LG4), mul(get('w'), num(LG6)))))),
  );
}

/**
 * `reduce` on two lanes, for the base in local `base`: hx = bits + 0x95f62·2^32; n = (hx >>> 52) − 1023
 * (as 2^52 + (hx >>> 52), less 2^52 + 1023: exact); f = m − 1 with m's bits (hx & (2^52 − 1)) + 0x3fe6a09e·2^32.
 */
function reductionStatements(base: Name): number[][] {
  return [
    set('hx', [...get(base), ...int64(0x95f62n << 32n), ...op.i64x2Add]),
    set('n', sub([...get('hx'), ...op.i32Const(52), ...op.i64x2ShrU, ...num(2 ** 52), ...op.v128Or], num(2 ** 52 + 1023))),
    set('f', sub([...get('hx'), ...int64((1n << 52n) - 1n), ...op.v128And, ...int64(0x3fe6a09en << 32n), ...op.i64x2Add], num(1))),
  ];
}

/** The logarithm's pass for the current group: lnH in place, lnL a chunk further on. */
function logStatements(): number[][] {
  return [
    set('x', load(0)),
    ...reductionStatements('x'),
    set('cf', mul(num(SPLIT), get('f'))),
    set('fH', sub(get('cf'), sub(get('cf'), get('f')))),
    set('fL', sub(get('f'), get('fH'))),
    set('ph', mul(get('f'), get('f'))),
    set('pl', add(add(sub(mul(get('fH'), get('fH')), get('ph')), mul(mul(num(2), get('fH')), get('fL'))), mul(get('fL'), get('fL')))),
    set('hh', mul(num(0.5), get('ph'))),
    set('hl', mul(num(0.5), get('pl'))),
    set('s', div(get('f'), add(num(2), get('f')))),
    set('z', mul(get('s'), get('s'))),
    set('w', mul(get('z'), get('z'))),
    set('tail', mul(get('s'), add(get('hh'), logPolynomial()))),
    set('a', sub(get('f'), get('hh'))),
    set('ea', sub(sub(get('f'), get('a')), get('hh'))),
    set('nh', mul(get('n'), num(LN2_HI))),
    set('b', add(get('nh'), get('a'))),
    set('eb', add(sub(get('nh'), get('b')), get('a'))),
    set('small', add(add(add(sub(get('ea'), get('hl')), get('tail')), mul(get('n'), num(LN2_LO))), get('eb'))),
    set('lnH', add(get('b'), get('small'))),
    set('lnL', sub(get('small'), sub(get('lnH'), get('b')))),
    // NaN for a base that is not a positive normal double: the exponential's pass passes it on.
    store(0, orNaN(get('lnH'), [...get('x'), ...num(SMALLEST_NORMAL), ...op.f64x2Ge, ...get('x'), ...num(Number.POSITIVE_INFINITY), ...op.f64x2Lt, ...op.v128And])),
    store(8 * CHUNK, get('lnL')),
  ];
}

/**
 * The exponential's pass for the current group: e^(k·ln x) in place, or NaN where yH is outside
 * [−707, 709] (powerInPlace then asks `power`, which gives Math.pow's value there).
 */
function expStatements(): number[][] {
  return [
    set('lnH', load(0)),
    set('lnL', load(8 * CHUNK)),
    set('yH', mul(get('vk'), get('lnH'))),
    set('cl', mul(num(SPLIT), get('lnH'))),
    set('lH', sub(get('cl'), sub(get('cl'), get('lnH')))),
    set('lL', sub(get('lnH'), get('lH'))),
    set('yL', add(add(add(add(sub(mul(get('vkH'), get('lH')), get('yH')), mul(get('vkH'), get('lL'))), mul(get('vkL'), get('lH'))), mul(get('vkL'), get('lL'))), mul(get('vk'), get('lnL')))),
    set('jr', add(mul(get('yH'), num(INV_LN2)), num(ROUND))),
    set('j', sub(get('jr'), num(ROUND))),
    set('hi', sub(get('yH'), mul(get('j'), num(LN2_HI)))),
    set('lo', sub(mul(get('j'), num(LN2_LO)), get('yL'))),
    set('t', sub(get('hi'), get('lo'))),
    set('tt', mul(get('t'), get('t'))),
    set('c', sub(get('t'), mul(get('tt'), add(num(P1), mul(get('tt'), add(num(P2), mul(get('tt'), add(num(P3), mul(get('tt'), add(num(P4), mul(get('tt'), num(P5)))))))))))),
    set('e', sub(num(1), sub(sub(get('lo'), div(mul(get('t'), get('c')), sub(num(2), get('c')))), get('hi')))),
    // e·2^j: j's bits are jr's less ROUND's; add j to e's exponent. Then NaN outside the range.
    set('e', [...get('e'), ...get('jr'), ...int64(0x4338000000000000n), ...op.i64x2Sub, ...op.i32Const(52), ...op.i64x2Shl, ...op.i64x2Add]),
    store(0, orNaN(get('e'), [...get('yH'), ...num(-707), ...op.f64x2Ge, ...get('yH'), ...num(709), ...op.f64x2Le, ...op.v128And])),
  ];
}

/** minusLog1m for the current group, in place; NaN where p is not in (0, 1). */
function minusLog1mStatements(): number[][] {
  return [
    set('x', load(0)),
    set('h', sub(num(1), get('x'))),
    set('l', sub(sub(num(1), get('h')), get('x'))),
    ...reductionStatements('h'),
    set('hh', mul(mul(num(0.5), get('f')), get('f'))),
    set('s', div(get('f'), add(num(2), get('f')))),
    set('z', mul(get('s'), get('s'))),
    set('w', mul(get('z'), get('z'))),
    set('lnH', add(add(sub(add(mul(get('s'), add(get('hh'), logPolynomial())), mul(get('n'), num(LN2_LO))), get('hh')), get('f')), mul(get('n'), num(LN2_HI)))),
    store(0, orNaN([...add(get('lnH'), div(get('l'), get('h'))), ...op.f64x2Neg], [...get('x'), ...num(0), ...op.f64x2Gt, ...get('x'), ...num(1), ...op.f64x2Lt, ...op.v128And])),
  ];
}

/** The statements of groups 0 and 1, alternating. */
function bothGroups(statements: () => number[][]): number[] {
  group = 0;
  const first = statements();
  group = 1;
  const second = statements();
  group = 0;
  return first.flatMap((statement, i) => [...statement, ...(second[i] as number[])]);
}

function powerModule(): Uint8Array {
  const logStep = bothGroups(logStatements);
  const expStep = bothGroups(expStatements);
  const minusLog1mStep = bothGroups(minusLog1mStatements);
  // After the listings, which register the constants.
  const constants = CONSTANTS.flatMap((c, i) => [...c, ...op.localSet(CONSTANT_BASE + i)]);
  const powerBody = [
    ...constants,
    ...set('vk', [...op.localGet(K), ...op.f64x2Splat]),
    ...set('vkH', [...op.localGet(KH), ...op.f64x2Splat]),
    ...set('vkL', [...op.localGet(KL), ...op.f64x2Splat]),
    ...op.localGet(START),
    ...op.localSet(P0),
    ...loopWhileBelow(START, END, 32, logStep),
    ...op.localGet(P0),
    ...op.localSet(START),
    ...loopWhileBelow(START, END, 32, expStep),
  ];
  const params = [I32, I32, F64, F64, F64];
  const locals = [I32, ...SHARED.map(() => V128), ...NAMES.map(() => V128), ...NAMES.map(() => V128), ...CONSTANTS.map(() => V128)];
  return wasmModule([
    { name: 'power', params, locals, body: powerBody },
    { name: 'minusLog1m', params, locals, body: [...constants, ...loopWhileBelow(START, END, 32, minusLog1mStep)] },
  ]);
}
