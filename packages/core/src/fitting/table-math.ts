// Table-driven logarithm and exponential for the fitting passes over 1e5 values, where V8's Math.log
// and Math.exp (a call per value) are most of the time. Both work on the double's own parts, with
// every scaling by a power of two exact.
//
// Logarithm (for a positive normal double x = 2^e · m, m ∈ [1, 2), its high word `hi` read through a
// Uint32Array view of the data): the exponent field gives e and 2^−e, the top 10 mantissa bits pick
// c = 1 + (j + ½)/1024, and ln m = ln c + ln(1 + r) with r = (m − c)/c, |r| ≤ 1/2048 (m − c is
// exact), ln(1 + r) by its series to r⁴ (the rest is below r⁵/5 ≈ 6e-18). ln x = e ln 2 + ln m is
// within ~3e-16·max(1, |ln x|) of Math.log's. A zero, subnormal, negative or non-finite x gives NaN.
//
// Exponential (Tang's method, as in fdlibm's successors): y = (2048q + j)·ln2/2048 + r with
// |r| ≤ ln2/4096 (ln2/2048 split in two, so n·hi is exact), e^y = 2^q · 2^(j/2048) · e^r, e^r by its
// series to r³ (the rest below r⁴/24 ≈ 3.5e-17). Within ~1e-15 relatively of Math.exp for
// −708 ≤ y ≤ 0; below, where e^y is subnormal, digits are lost, and from about −745 it is 0.
//
// Larger tables buy shorter series (each term dropped saves ~5 % of a pass over 1e5 values): the
// logarithm's three tables of 1024 doubles take 24 KB, the exponential's 16 KB (plus 2^q, 9 KB).
// logMantissaCubic (the lognormal's sums) goes further: tables of 4096 (96 KB) and the series to r³.

const LOG_BITS = 10;
const LOG_TABLE = 1 << LOG_BITS;
const CENTRE = new Float64Array(LOG_TABLE);
const INV_CENTRE = new Float64Array(LOG_TABLE);
const LOG_CENTRE = new Float64Array(LOG_TABLE);
for (let j = 0; j < LOG_TABLE; j++) {
  const c = 1 + (j + 0.5) / LOG_TABLE;
  CENTRE[j] = c;
  INV_CENTRE[j] = 1 / c;
  LOG_CENTRE[j] = Math.log(c);
}
/**
 * 2^(1023 − b) by the 12 top bits b (sign and exponent field) of a double: NaN for zero and
 * subnormals (b = 0), ±Infinity and NaN (b = 2047) and every negative number (b ≥ 2048).
 */
const UNSCALE = new Float64Array(4096).fill(Number.NaN);
for (let b = 1; b < 2047; b++) UNSCALE[b] = 2 ** (1023 - b);

/** ln m for x = 2^e · m, m ∈ [1, 2), given x and its high word; NaN outside the positive normal doubles. */
export function logMantissa(x: number, hi: number): number {
  const j = (hi >>> (20 - LOG_BITS)) & (LOG_TABLE - 1);
  const m = x * (UNSCALE[hi >>> 20] as number);
  const r = (m - (CENTRE[j] as number)) * (INV_CENTRE[j] as number);
  const r2 = r * r;
  return (LOG_CENTRE[j] as number) + (r - r2 * (0.5 - r * (1 / 3 - r * 0.25)));
}

/** The finer table of logMantissaCubic: 4096 centres c = 1 + (j + ½)/4096, their reciprocals and logarithms. */
const FINE_BITS = 12;
const FINE = 1 << FINE_BITS;
const FINE_CENTRE = Float64Array.from({ length: FINE }, (_, j) => 1 + (j + 0.5) / FINE);
const FINE_INV_CENTRE = FINE_CENTRE.map((c) => 1 / c);
const FINE_LOG_CENTRE = FINE_CENTRE.map((c) => Math.log(c));

/**
 * logMantissa on a table four times as fine (|r| ≤ 1/8192), so the series stops at r³ (the rest is
 * below r⁴/4 ≈ 6e-17): two operations fewer per value for the same accuracy, at 96 KB of tables.
 *
 * @param x - A positive normal double.
 * @param hi - Its high word (highWord(x)).
 * @returns ln m for x = 2^e · m, m ∈ [1, 2); NaN outside the positive normal doubles.
 * @example
 * logMantissaCubic(3, highWord(3)); // => 0.4054651081081644 (ln 1.5)
 */
export function logMantissaCubic(x: number, hi: number): number {
  const j = (hi >>> (20 - FINE_BITS)) & (FINE - 1);
  const m = x * (UNSCALE[hi >>> 20] as number);
  const r = (m - (FINE_CENTRE[j] as number)) * (FINE_INV_CENTRE[j] as number);
  return (FINE_LOG_CENTRE[j] as number) + (r - r * r * (0.5 - r * (1 / 3)));
}

const TABLE_BITS = 11;
const TABLE = 1 << TABLE_BITS;
/** 2^(j/2048), j = 0…2047. */
const EXP2_FRACTION = Float64Array.from({ length: TABLE }, (_, j) => Math.exp((j * Math.LN2) / TABLE));
/** 2^q for q = −1150…0 at index q + 1150 (0 below 2^−1074). */
const POW2_OFFSET = 1150;
const POW2 = Float64Array.from({ length: POW2_OFFSET + 1 }, (_, i) => 2 ** (i - POW2_OFFSET));
const INV_STEP = TABLE / Math.LN2;
/** ln2/2048 = STEP_HI + STEP_LO, STEP_HI a multiple of 2^-40 (29 bits, so n·STEP_HI is exact for |n| < 2^24). */
const STEP_HI = Math.round((Math.LN2 / TABLE) * 2 ** 40) / 2 ** 40;
/** ln 2 − Math.LN2 (mpmath: log(2) − 0.6931471805599453), without which n·STEP_LO would be off by n·1.8e-19. */
const LN2_LOW = 2.3190468138462996e-17;
const STEP_LO = (Math.LN2 - TABLE * STEP_HI + LN2_LOW) / TABLE;
/** 1.5·2^52: adding and subtracting it rounds a double of size < 2^51 to an integer. */
const SHIFTER = 6755399441055744;
/** y is clamped here (branch-free: a branch doubled the loop's time in V8); e^−746 rounds to 0. */
const EXP_MIN = -746;

/** e^y for y ≤ 0 (see the file's note); NaN for NaN. */
export function expNonPositive(y0: number): number {
  const y = Math.max(y0, EXP_MIN);
  const n = y * INV_STEP + SHIFTER - SHIFTER;
  const k = n | 0;
  const r = y - n * STEP_HI - n * STEP_LO;
  // 1 + r + r²/2 + r³/6 (|r| ≤ ln2/4096: the rest is below r⁴/24 ≈ 3.5e-17).
  const p = 1 + r + r * r * (0.5 + r * (1 / 6));
  return (POW2[(k >> TABLE_BITS) + POW2_OFFSET] as number) * (EXP2_FRACTION[k & (TABLE - 1)] as number) * p;
}

/** The high word of a double (its sign, exponent field and top 20 mantissa bits). */
export function highWord(x: number): number {
  SCRATCH[0] = x;
  return SCRATCH_WORDS[1] as number;
}
const SCRATCH = new Float64Array(1);
const SCRATCH_WORDS = new Uint32Array(SCRATCH.buffer);
