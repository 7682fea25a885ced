// The MT19937 twist, and the tempering of the new key's words, as a WebAssembly function with 128-bit
// SIMD: four words per instruction where V8's compiled loop does one. The twist alone, with the copies
// in and out, took 0.6 against the scalar loop's 2.7 ns a word on the 2-core host where this was
// written (numpy's C twist is vectorised by the compiler in the same way). The words are the scalar
// code's, bit for bit: the operations are the same 32-bit ones, four lanes at a time.
//
// Tempering every word when the key is twisted, rather than each word when it is used, takes that work
// off the samplers' loops too, which read the tempered words (Mt19937.tempered) directly.
//
// The module is assembled at first use from the listing in this file (about 440 bytes; there is no
// binary blob in the source). Where WebAssembly or its SIMD is missing, or a page's Content Security
// Policy forbids compiling it (no 'wasm-unsafe-eval'), createSimdTwist returns undefined and the
// caller keeps its scalar loop.
//
// Dependencies of the twist, for the four-word blocks: word i needs key[i], key[i + 1] (not yet
// twisted) and key[i + M] (not yet twisted for i < N − M, already twisted for i ≥ N − M, 227 words
// back). A block of words i … i + 3 reads key[i + 1 … i + 4] before it writes key[i … i + 3], so
// blocks in order see exactly what the scalar loop sees. N − M = 227 is not a multiple of four:
// words 224–226 go one at a time between the two block loops, and word 623 (whose `next` is the new
// key[0]) last.

import { globalWasmApi, I32, instantiate, loopWhileBelow, op, V128, type WasmApi, wasmModule } from '../internal/wasm.ts';

/**
 * A twist of a 624-word key in place through the SIMD module, with the new words tempered into a
 * second array, or undefined where it cannot run.
 *
 * @param n - Words in the key (624).
 * @param m - The twist's offset M (397).
 * @param matrixA - The twist matrix's last row (0x9908b0df).
 * @param api - The WebAssembly API, or null where there is none (a test passes its own).
 * @returns A function that twists `key` and writes its tempered words to `tempered`, as
 *   mt19937TwistScalar and mt19937Temper do, or undefined.
 * @example
 * const twist = createSimdTwist(624, 397, 0x9908b0df);
 * const g = mt19937Create(42);
 * twist?.(g.words, g.tempered); // g.tempered[0] = 1608637542 (the first of numpy's next32 words)
 */
export function createSimdTwist(n: number, m: number, matrixA: number, api: WasmApi | null = globalWasmApi()): ((key: Int32Array, tempered: Int32Array) => void) | undefined {
  const module = instantiate(twistModule(n, m, matrixA), api);
  if (module === undefined) return undefined;
  const twist = module.exports['twist'] as (address: number) => void;
  const heapKey = new Int32Array(module.buffer, 0, n);
  const heapTempered = new Int32Array(module.buffer, 4 * n, n);
  return (key: Int32Array, tempered: Int32Array) => {
    heapKey.set(key);
    twist(0);
    key.set(heapKey);
    tempered.set(heapTempered);
  };
}

// The function's locals: its parameter (the key's byte address), the loop's address and end, the
// scalar y, the vector y.
const BASE = 0;
const P = 1;
const END = 2;
const Y = 3;
const VY = 4;
const UPPER = 0x80000000 | 0;
const LOWER = 0x7fffffff;
/** The tempering's masks. */
const TEMPER_B = 0x9d2c5680 | 0;
const TEMPER_C = 0xefc60000 | 0;

/**
 * Words p … p + 3 (p a byte address): far ⊕ (y >>> 1) ⊕ (−(y & 1) & A) with y = (cur & UPPER) |
 * (next & LOWER), cur at p, next at p + 4, far at p + farOffset (a byte offset, negative for the
 * second loop, which reads words already twisted).
 */
function blockOfFour(matrixA: number, farOffset: number): number[] {
  const farAddress = farOffset >= 0 ? [...op.localGet(P), ...op.v128Load(farOffset)] : [...op.localGet(P), ...op.i32Const(farOffset), ...op.i32Add, ...op.v128Load(0)];
  return [
    ...op.localGet(P), // the store's address
    ...op.localGet(P), ...op.v128Load(0), ...op.i32Const(UPPER), ...op.i32x4Splat, ...op.v128And,
    ...op.localGet(P), ...op.v128Load(4), ...op.i32Const(LOWER), ...op.i32x4Splat, ...op.v128And,
    ...op.v128Or, ...op.localTee(VY),
    ...op.i32Const(1), ...op.i32x4ShrU,
    ...op.localGet(VY), ...op.i32Const(31), ...op.i32x4Shl, ...op.i32Const(31), ...op.i32x4ShrS,
    ...op.i32Const(matrixA | 0), ...op.i32x4Splat, ...op.v128And,
    ...op.v128Xor,
    ...farAddress, ...op.v128Xor,
    ...op.v128Store(0),
  ];
}

/** Tempers words p … p + 3 into p + temperedOffset (bytes): y ^= y >>> 11, (y << 7) & B, (y << 15) & C, y >>> 18. */
function temperFour(temperedOffset: number): number[] {
  return [
    ...op.localGet(P), // the store's address
    ...op.localGet(P), ...op.v128Load(0), ...op.localTee(VY),
    ...op.localGet(VY), ...op.i32Const(11), ...op.i32x4ShrU, ...op.v128Xor, ...op.localTee(VY),
    ...op.localGet(VY), ...op.i32Const(7), ...op.i32x4Shl, ...op.i32Const(TEMPER_B), ...op.i32x4Splat, ...op.v128And, ...op.v128Xor, ...op.localTee(VY),
    ...op.localGet(VY), ...op.i32Const(15), ...op.i32x4Shl, ...op.i32Const(TEMPER_C), ...op.i32x4Splat, ...op.v128And, ...op.v128Xor, ...op.localTee(VY),
    ...op.localGet(VY), ...op.i32Const(18), ...op.i32x4ShrU, ...op.v128Xor,
    ...op.v128Store(temperedOffset),
  ];
}

/** One word at p, its `next` and `far` at the addresses the two code fragments leave on the stack. */
function oneWord(matrixA: number, nextAddress: number[], farAddress: number[]): number[] {
  return [
    ...op.localGet(P),
    ...op.localGet(P), ...op.i32Load(0), ...op.i32Const(UPPER), ...op.i32And,
    ...nextAddress, ...op.i32Load(0), ...op.i32Const(LOWER), ...op.i32And,
    ...op.i32Or, ...op.localTee(Y),
    ...op.i32Const(1), ...op.i32ShrU,
    ...op.localGet(Y), ...op.i32Const(31), ...op.i32Shl, ...op.i32Const(31), ...op.i32ShrS,
    ...op.i32Const(matrixA | 0), ...op.i32And,
    ...op.i32Xor,
    ...farAddress, ...op.i32Load(0), ...op.i32Xor,
    ...op.i32Store(0),
  ];
}

/** `body` for p = base + from·4, base + (from + step)·4, … while p < base + to·4 (words, to > from). */
function forWords(from: number, to: number, step: number, body: number[]): number[] {
  return [
    ...op.localGet(BASE), ...op.i32Const(4 * from), ...op.i32Add, ...op.localSet(P),
    ...op.localGet(BASE), ...op.i32Const(4 * to), ...op.i32Add, ...op.localSet(END),
    ...loopWhileBelow(P, END, 4 * step, body),
  ];
}

/**
 * The module: exports twist(byteAddress), which twists the key at byteAddress and writes its
 * tempered words right after it (n is a multiple of four).
 */
function twistModule(n: number, m: number, matrixA: number): Uint8Array {
  const firstBlocks = (n - m) & ~3; // 224: words 0 … 223 in blocks
  const body = [
    ...forWords(0, firstBlocks, 4, blockOfFour(matrixA, 4 * m)),
    ...forWords(firstBlocks, n - m, 1, oneWord(matrixA, [...op.localGet(P), ...op.i32Const(4), ...op.i32Add], [...op.localGet(P), ...op.i32Const(4 * m), ...op.i32Add])),
    ...forWords(n - m, n - 1, 4, blockOfFour(matrixA, 4 * (m - n))),
    // The last word: next is the new key[0], far is key[m − 1].
    ...forWords(n - 1, n, 1, oneWord(matrixA, op.localGet(BASE), [...op.localGet(BASE), ...op.i32Const(4 * (m - 1)), ...op.i32Add])),
    ...forWords(0, n, 4, temperFour(4 * n)),
  ];
  // Locals after the parameter: P, END, Y, then VY.
  return wasmModule([{ name: 'twist', params: [I32], locals: [I32, I32, I32, V128], body }]);
}
