// A tiny WebAssembly assembler for core's few SIMD kernels (the Mersenne Twister's twist, the Weibull
// family's power): the instructions they use, named as in the WebAssembly text format, and a module
// builder. Kernels are written as listings in their own files and assembled at first use, so the
// source holds no binary blobs. Where WebAssembly or its 128-bit SIMD is missing, or a page's Content
// Security Policy forbids compiling it (no 'wasm-unsafe-eval'), `instantiate` returns undefined and
// the caller keeps a script version that gives the same results.

/** The slice of the WebAssembly API core uses (core's build has no DOM or Node types). */
export interface WasmApi {
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

/** The global WebAssembly API, or null where there is none. */
export function globalWasmApi(): WasmApi | null {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly ?? null;
}

/** Unsigned LEB128. */
export function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v === 0 ? byte : byte | 0x80);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 of an int32. */
export function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const simd = (opcode: number): number[] => [0xfd, ...uleb(opcode)];
/** A memory access's immediate: alignment hint 2^align, then the byte offset. */
const memarg = (align: number, offset: number): number[] => [align, ...uleb(offset)];
const F64_BYTES = new Float64Array(1);

/** Value types. */
export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;

/** The instructions. */
export const op = {
  localGet: (i: number): number[] => [0x20, i],
  localSet: (i: number): number[] => [0x21, i],
  localTee: (i: number): number[] => [0x22, i],
  i32Const: (v: number): number[] => [0x41, ...sleb(v)],
  f64Const: (v: number): number[] => {
    F64_BYTES[0] = v;
    return [0x44, ...new Uint8Array(F64_BYTES.buffer)];
  },
  i32Load: (offset: number): number[] => [0x28, ...memarg(2, offset)],
  i32Store: (offset: number): number[] => [0x36, ...memarg(2, offset)],
  i32LtU: [0x49],
  i32Add: [0x6a],
  i32And: [0x71],
  i32Or: [0x72],
  i32Xor: [0x73],
  i32Shl: [0x74],
  i32ShrS: [0x75],
  i32ShrU: [0x76],
  v128Load: (offset: number): number[] => [...simd(0x00), ...memarg(0, offset)],
  v128Store: (offset: number): number[] => [...simd(0x0b), ...memarg(0, offset)],
  i32x4Splat: simd(0x11),
  i64x2Splat: simd(0x12),
  f64x2Splat: simd(0x14),
  f64x2Lt: simd(0x49),
  f64x2Gt: simd(0x4a),
  f64x2Le: simd(0x4b),
  f64x2Ge: simd(0x4c),
  v128And: simd(0x4e),
  v128Or: simd(0x50),
  v128Xor: simd(0x51),
  v128Bitselect: simd(0x52),
  i32x4Shl: simd(0xab),
  i32x4ShrS: simd(0xac),
  i32x4ShrU: simd(0xad),
  i64x2Shl: simd(0xcb),
  i64x2ShrU: simd(0xcd),
  i64x2Add: simd(0xce),
  i64x2Sub: simd(0xd1),
  f64x2Neg: simd(0xed),
  f64x2Add: simd(0xf0),
  f64x2Sub: simd(0xf1),
  f64x2Mul: simd(0xf2),
  f64x2Div: simd(0xf3),
};

const v128Const = (bytes: Uint8Array): number[] => [...simd(0x0c), ...bytes];

/** A v128 constant with both 64-bit lanes `value` (two's complement). */
export function i64x2Const(value: bigint): number[] {
  const lanes = new BigInt64Array([BigInt.asIntN(64, value), BigInt.asIntN(64, value)]);
  return v128Const(new Uint8Array(lanes.buffer));
}

/** A v128 constant with both lanes the double `value`. */
export function f64x2Const(value: number): number[] {
  return v128Const(new Uint8Array(new Float64Array([value, value]).buffer));
}

/**
 * `body` for local `address` = start, start + step, … while address < local `end` (both byte
 * addresses the caller has set); the loop runs at least once.
 */
export function loopWhileBelow(address: number, end: number, step: number, body: number[]): number[] {
  return [
    0x02, 0x40, // block
    0x03, 0x40, // loop
    ...body,
    ...op.localGet(address), ...op.i32Const(step), ...op.i32Add, ...op.localTee(address),
    ...op.localGet(end), ...op.i32LtU,
    0x0d, 0, // br_if to the loop
    0x0b, 0x0b, // end loop, end block
  ];
}

/** One exported function of a module: its parameter types, its other locals' types, its body. */
export interface WasmFunction {
  name: string;
  params: number[];
  locals: number[];
  body: number[];
}

const name = (text: string): number[] => [...uleb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];
const section = (id: number, content: number[]): number[] => [id, ...uleb(content.length), ...content];
const vector = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];

/**
 * A module that imports one memory (env.memory, at least one page) and exports `functions`, each
 * returning nothing.
 *
 * @param functions - The functions.
 * @returns The module's bytes.
 * @example
 * wasmModule([{ name: 'nop', params: [], locals: [], body: [] }]).length; // => 50
 */
export function wasmModule(functions: WasmFunction[]): Uint8Array {
  const types = functions.map((f) => [0x60, ...vector(f.params.map((t) => [t])), 0]);
  const codes = functions.map((f) => {
    // Locals as runs of one type.
    const runs: number[][] = [];
    for (const t of f.locals) {
      const last = runs.at(-1);
      if (last !== undefined && last[1] === t) last[0] = (last[0] as number) + 1;
      else runs.push([1, t]);
    }
    const code = [...vector(runs.map(([count, t]) => [...uleb(count as number), t as number])), ...f.body, 0x0b];
    return [...uleb(code.length), ...code];
  });
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
    ...section(1, vector(types)),
    ...section(2, vector([[...name('env'), ...name('memory'), 0x02, 0x00, 0x01]])),
    ...section(3, vector(functions.map((_, i) => uleb(i)))),
    ...section(7, vector(functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]))),
    ...section(10, vector(codes)),
  ]);
}

/**
 * Compiles and instantiates `bytes` with a fresh memory of one page (64 KiB).
 *
 * @param bytes - The module (from wasmModule).
 * @param api - The WebAssembly API, or null where there is none.
 * @returns The exports and the memory's buffer, or undefined where the module cannot run.
 * @example
 * instantiate(wasmModule([…]), globalWasmApi())?.exports['twist'];
 */
export function instantiate(bytes: Uint8Array, api: WasmApi | null): { exports: Record<string, unknown>; buffer: ArrayBuffer } | undefined {
  if (api === null) return undefined;
  try {
    const memory = new api.Memory({ initial: 1 });
    const instance = new api.Instance(new api.Module(bytes), { env: { memory } });
    return { exports: instance.exports, buffer: memory.buffer };
  } catch {
    // No SIMD (a CompileError), or compiling is forbidden by the page: the caller's script version runs.
    return undefined;
  }
}
