// Named mathematical constants shared across core. Each is the double nearest to the exact value,
// and equals the expression numpy/scipy use for it, so results agree to the last bit where the
// formulas agree.

/** √(2π) = 2.5066282746310002 (scipy.stats `_norm_pdf_C = np.sqrt(2*np.pi)`). */
export const SQRT_2PI = 2.5066282746310002;

/** 1/√(2π) = 0.3989422804014327, the standard normal density at 0. */
export const INV_SQRT_2PI = 0.3989422804014327;

/** ln √(2π) = 0.9189385332046727 (scipy.stats `_norm_pdf_logC`). */
export const LN_SQRT_2PI = 0.9189385332046727;

/** ln(2π) = 1.8378770664093453. */
export const LN_2PI = 1.8378770664093453;

/** 1/√2 = 0.7071067811865476 (cephes `SQRTH`, used by `ndtr`). */
export const SQRT1_2 = Math.SQRT1_2;
