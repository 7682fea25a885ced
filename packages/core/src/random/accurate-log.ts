// A natural logarithm accurate to about 0.502 ulp — nearly always the correctly rounded value — for
// the polar method of ./random-state.ts. The C library's `log` that numpy calls (glibc: ≤ 0.52 ulp)
// is nearly always correctly rounded too, so the two agree far more often than V8's `Math.log`
// (fdlibm, < 1 ulp), which rounds differently for ~1.6 % of arguments.
//
// Method (Tang's table-driven logarithm, P. T. P. Tang, ACM TOMS 16(4), 1990): x = 2^k·m with
// m in [1, 2); c = j/128 nearest to m; then ln x = k·ln 2 + ln c + ln(1 + u), u = (m − c)/c.
// m − c is exact, u is kept as a double-double (its residual m − u·c is computed exactly because c
// has at most 9 significant bits), |u| ≤ 2^-8, and ln(1 + u) is a degree-8 Taylor polynomial; the
// large terms are added so that only the final addition rounds. Every step is branch-free for
// x ≥ 2^-30 (V8 compiles a data-dependent `?:` on doubles to a branch, which the uniform r² would
// mispredict half the time).
//
// The table holds ln(j/128), j = 128 … 256, as pairs generated with Python's decimal module at 60
// digits: h, ln(j/128) rounded to a multiple of 2^-41 (float(round(Decimal(j/128).ln() · 2^41) / 2^41)),
// and lo = float(Decimal(j/128).ln() − Decimal(h)). Like k·LN2_HI, every h is a multiple of 2^-41
// below 2^11, so k·LN2_HI + h is exact and needs no error term. For j = 256 (c = 2) the pair is
// LN2_HI, LN2_LO itself, so that for x just below 1 (k = −1, c = 2) the two ln 2 terms cancel exactly
// and the result keeps its relative accuracy.

/** ln 2 split so that k·LN2_HI is exact for |k| < 4096 (low 12 bits zero). */
const LN2_HI = 0.693147180559663;
const LN2_LO = 2.8235290563031577e-13;
/** First table index: c = 128/128 = 1. */
const J0 = 128;

const LOG_C_HI = new Float64Array([
  0.0, 0.0077821404420319595, 0.015504186535963527, 0.023167059281604452, 0.03077165866670839,
  0.03831886430225495, 0.0458095360313564, 0.05324451451861023, 0.060624621816259605,
  0.06795066190852594, 0.07522342123775161, 0.08244366921098845, 0.08961215868976069,
  0.09672962645845473, 0.10379679368179495, 0.11081436634049169, 0.11778303565643,
  0.1247034785010328, 0.13157635778861732, 0.13840232285929233, 0.14518200984457508,
  0.15191604202573217, 0.15860503017665906, 0.16524957289539088, 0.17185025692651834,
  0.1784076574726896, 0.1849223384938341, 0.19139485299956505, 0.19782574332975855,
  0.2042155414287663, 0.21056476910735, 0.21687393830052315, 0.22314355131402408,
  0.22937410106487732, 0.23556607131286, 0.24171993688696602, 0.2478361639045943,
  0.2539152099811872, 0.2599575244371408, 0.265963548496984, 0.2719337154835557,
  0.27786845100354185, 0.28376817313073843, 0.28963329258294834, 0.2954642128938758,
  0.3012613305781997, 0.30702503529482783, 0.31275571000378477, 0.31845373111855224,
  0.32411946865431673, 0.32975328637257917, 0.3353555419212171, 0.3409265869704541,
  0.3464667673461008, 0.351976423157339, 0.35745588892177693, 0.36290549368959546,
  0.36832556115859916, 0.37371640979336007, 0.37907835293481185, 0.3844116989102986,
  0.3897167511399857, 0.39499380824099717, 0.400243164127005, 0.40546510810827385,
  0.4106599249853389, 0.4158278951435932, 0.4209692946442374, 0.42608439531068143,
  0.43117346481858476, 0.43623676677498224, 0.4412745608046862, 0.4462871026285029,
  0.45127464413963025, 0.45623743348141943, 0.46117571512195354, 0.46608972992453346,
  0.47097971521861837, 0.4758459048698569, 0.4806885293455707, 0.4855078157816024,
  0.4903039880450706, 0.49507726679803454, 0.4998278695566114, 0.504556010752367,
  0.5092619017896141, 0.5139457511022556, 0.5186077642078999, 0.5232481437647039,
  0.5278670896209405, 0.5324647988695688, 0.5370414658968912, 0.5415972824325763,
  0.5461324375983168, 0.5506471179528489, 0.5551415075406112, 0.5596157879353996,
  0.5640701382849329, 0.5685047353526897, 0.572919753561564, 0.5773153650347922, 0.5816917396346071,
  0.5860490450036195, 0.590387446602108, 0.5947071077466717, 0.5990081896461561, 0.6032908514380324,
  0.6075552502243227, 0.6118015411061606, 0.6160298772156239, 0.6202404097516592,
  0.6244332880119146, 0.6286086594222979, 0.6327666695710832, 0.6369074622371045,
  0.6410311794211339, 0.6451379613736208, 0.6492279466251603, 0.6533012720128681,
  0.6573580727085755, 0.6613984822452039, 0.6654226325449599, 0.669430653942527, 0.6734226752123504,
  0.6773988235918296, 0.681359224807693, 0.6853040030987358, 0.6892332812390123, 0.693147180559663,
]);

const LOG_C_LO = new Float64Array([
  0.0, 2.298941004620351e-14, 1.7274567499706107e-15, -7.007359704310036e-14, 4.529814257790929e-14,
  -1.1835213242119903e-13, -6.219834199475792e-14, 2.020519860120576e-13, 1.7523746905186702e-13,
  -1.8195060030168815e-14, -1.6408301585598662e-13, 8.614512936087814e-14, -7.355770219435029e-14,
  9.638067658552277e-14, -1.5138730947129065e-13, -2.0157368416016215e-13, -4.654729747598445e-14,
  -7.556920687451337e-14, 1.0195735223708473e-13, -1.7319034406422305e-13, -7.718001336828099e-14,
  1.0980754099855238e-13, -2.0472357800461955e-14, -8.372091099235912e-14, 1.4088127937111135e-13,
  1.2869017157588258e-13, 1.7788850778198106e-13, 6.440856150696892e-14, 1.6132822667240823e-13,
  -7.540916511956189e-14, -3.6507188831790577e-16, 9.120937249914984e-14, 1.856757095979601e-13,
  -3.149265065191484e-14, -9.30945949519689e-14, 1.7914338601329117e-13, -1.3029797173308663e-14,
  -2.2377349871059472e-13, -2.1475194604434674e-13, 1.5393776174455408e-13, 8.604306772808733e-14,
  -8.554360006566322e-14, -9.3834172236637e-14, 9.43339818951269e-14, -3.993416384387844e-14,
  -3.7923164802093147e-14, 8.403156304792425e-14, 1.1211800740360982e-13, -1.7625431312172662e-14,
  -1.0475750058776541e-13, -1.1118671389559323e-13, -7.925157831386559e-14, 1.3912841212197566e-13,
  1.077574303757264e-13, -1.608287590099841e-13, 2.6842260285856373e-14, -2.2700658974606856e-13,
  1.0849569622967912e-13, 2.2400933142940652e-13, 1.5761203773969435e-13, 3.3457102695440824e-14,
  3.949577025210288e-14, -1.2819036191739266e-13, 7.704700781939649e-15, -1.094708713660664e-13,
  -7.048962392109747e-14, 1.1776978751369214e-13, -1.0774341461609579e-13, 2.186334329321591e-13,
  -2.134209559731328e-13, -6.417272878815711e-14, 1.890405588508566e-13, -8.33959316905439e-14,
  -1.7166921336082432e-13, 1.6816449930732059e-13, 2.1662192825199602e-13, 6.576659768580061e-14,
  1.7264591242465145e-13, 1.0701931762114255e-13, 1.8119346366441111e-13, 9.840465278232627e-14,
  1.232558480589387e-13, -1.8302857356041668e-13, -1.620740015674495e-13, 2.8285798609067894e-14,
  1.938891700491071e-13, -2.1282306587209684e-14, 1.4574154575408167e-13, -1.5601816884205086e-13,
  -9.814765425298581e-14, -9.692338497370028e-14, -7.513519128981669e-15, 1.6805027828578743e-13,
  -1.8110522905227082e-13, -1.866508847343474e-13, -1.0960825046059278e-13, 2.3119493838005378e-14,
  -1.2994322916652835e-13, -2.1037482511444942e-14, 2.2151552143059004e-13, 3.141040800504496e-14,
  1.5407971189085674e-14, -4.1330880148108457e-14, 6.841763641591467e-14, 2.1107989157842298e-14,
  -7.269791502535129e-14, 5.185735530634183e-14, 2.1913281229340092e-13, -1.6768107447784738e-13,
  -1.098359432543843e-13, 1.983569628898724e-13, -2.1054639330643573e-14, 7.620483823189371e-14,
  -4.535501869967747e-14, -3.5250862624345324e-14, -2.025654663180353e-13, -3.6081313604225574e-14,
  -5.043820835634491e-14, -1.2250066853937506e-13, -2.154614187330265e-13, 1.6108575753932459e-13,
  1.3052453347605097e-13, 1.022797779074162e-13, -1.8372084495629058e-13, -2.342780363797907e-14,
  2.1011532982822289e-13, 1.8356880082000108e-13, -2.033050436027034e-13, 2.8235290563031577e-13,
]);

/** 128/j, the reciprocal of each table point, correctly rounded. */
const INV_C = Float64Array.from({ length: LOG_C_HI.length }, (_, i) => 128 / (i + J0));

/** 1.5 has ulp 2^-52: (u + 1.5) − 1.5 rounds a |u| ≤ 2^-8 to a multiple of 2^-52. */
const ROUND_TO_2_POW_MINUS_52 = 1.5;
const TWO_POW_30 = 2 ** 30;
const TWO_POW_MINUS_30 = 2 ** -30;
/** 2^i for i = 0 … 32. */
const POW2 = Float64Array.from({ length: 33 }, (_, i) => 2 ** i);
const THIRD = 1 / 3;
const SIXTH = 1 / 6;
const SEVENTH = 1 / 7;

/**
 * ln x for x in (0, 2), normal (≥ 2^-1022), to within about 0.502 ulp (see the file comment).
 * Outside that domain the result is meaningless: callers guarantee it.
 *
 * @param x - A normal double in (0, 2) (the polar method's r², in [2^-104, 1)).
 * @returns ln x, nearly always correctly rounded.
 * @example
 * accurateLog(0.5); // => -0.6931471805599453
 */
export function accurateLog(x: number): number {
  // x = 2^k·m with m in [1, 2): the leading bit of ⌊x·2^30⌋ (an int32 for x < 2) gives ⌊log₂x⌋
  // exactly, and scaling by a power of two is exact.
  let m = x;
  let k = 0;
  if (m < TWO_POW_MINUS_30) {
    // Below 2^-30 (for the polar method's r², probability 2^-30): scale up first.
    while (m < TWO_POW_MINUS_30) {
      m *= TWO_POW_30;
      k -= 30;
    }
  }
  const lead = Math.clz32((m * TWO_POW_30) | 0);
  m *= POW2[lead - 1] as number;
  k += 1 - lead;
  const j = (m * 128 + 0.5) | 0; // m·128 is exact, so this rounds it to the nearest integer
  const c = j * 0.0078125; // j/128, exact
  const f = m - c; // exact: m and c are within 2^-8 of each other (Sterbenz)
  const i = j - J0;
  const invc = INV_C[i] as number;
  const uHi = f * invc;
  // Residual f − uHi·c, exact: uHi = hi + lo with hi a multiple of 2^-52 below 2^-8 (at most 44
  // significant bits) and |lo| ≤ 2^-53 on the grid of ulp(uHi). So hi·c is exact (c has at most 9
  // bits), f − hi·c cancels exactly (both are multiples of 2^-59 within 2^-51 of each other), and
  // lo·c is exact while |uHi| ≥ 2^-44; below that c is 1 or 2 (exact products) or |ln c| ≥ 2^-8
  // dwarfs its rounding. One operation fewer than Veltkamp's split of uHi.
  const hi = uHi + ROUND_TO_2_POW_MINUS_52 - ROUND_TO_2_POW_MINUS_52;
  const lo = uHi - hi;
  const r = f - hi * c - lo * c;
  const uLo = r * invc;
  // ln(1 + u) − u = −u²/2 + u³/3 − … − u⁸/8 (the next term is below 2^-75), plus the −uHi·uLo
  // cross term of −u²/2.
  // Estrin's scheme keeps the dependency chain short: (c2 + c3u) + u²(c4 + c5u) + u⁴((c6 + c7u) + u²c8).
  const u2 = uHi * uHi;
  const u4 = u2 * u2;
  const p =
    u2 * (-0.5 + THIRD * uHi + u2 * (-0.25 + 0.2 * uHi) + u4 * (-SIXTH + SEVENTH * uHi - 0.125 * u2)) - uHi * uLo;
  // k·ln2 + ln c + uHi: the first addition is exact (both terms are multiples of 2^-41 below 2^11);
  // the second keeps its exact error (Fast2Sum, which needs the first term to be the larger or zero:
  // |k·ln2 + ln c| ≥ 0.0039 > |uHi| unless it is 0, as it is exactly for k = −1, c = 2); everything
  // small goes into the last addition.
  const s1 = k * LN2_HI + (LOG_C_HI[i] as number);
  const s2 = s1 + uHi;
  const e2 = uHi - (s2 - s1);
  return s2 + (e2 + (k * LN2_LO + (LOG_C_LO[i] as number)) + (uLo + p));
}

const F64 = new Float64Array(1);
/** The same 8 bytes as F64, as two int32 words (little-endian: [1] holds sign, exponent, top of the mantissa). */
const I32 = new Int32Array(F64.buffer);
const TWO_POW_54 = 2 ** 54;
/** 2^−e for e = −1022 … 1023 (2^−1023 is subnormal but exact). */
const INV_POW2 = Float64Array.from({ length: 2046 }, (_, i) => 2 ** -(i - 1022));
const SMALLEST_NORMAL = 2 ** -1022;

/** ln x for a positive finite x (see accurateLogAll): `accurateLog`'s method on the whole range. */
function logPositive(x: number): number {
  let k = 0;
  let v = x;
  if (v < SMALLEST_NORMAL) {
    v *= TWO_POW_54;
    k = -54;
  }
  // Only read the bits back (a load inside the stored 8 bytes forwards from the store; writing half
  // of them and reading all 8 would stall), then scale by an exact power of two.
  F64[0] = v;
  const e = (((I32[1] as number) >>> 20) & 0x7ff) - 1023;
  k += e;
  const m = v * (INV_POW2[e + 1022] as number);
  const j = (m * 128 + 0.5) | 0;
  const c = j * 0.0078125;
  const f = m - c;
  const i = j - J0;
  const invc = INV_C[i] as number;
  const uHi = f * invc;
  const hi = uHi + ROUND_TO_2_POW_MINUS_52 - ROUND_TO_2_POW_MINUS_52;
  const lo = uHi - hi;
  const r = f - hi * c - lo * c;
  const uLo = r * invc;
  const u2 = uHi * uHi;
  const u4 = u2 * u2;
  const p =
    u2 * (-0.5 + THIRD * uHi + u2 * (-0.25 + 0.2 * uHi) + u4 * (-SIXTH + SEVENTH * uHi - 0.125 * u2)) - uHi * uLo;
  const s1 = k * LN2_HI + (LOG_C_HI[i] as number);
  const s2 = s1 + uHi;
  const e2 = uHi - (s2 - s1);
  const tail = e2 + (k * LN2_LO + (LOG_C_LO[i] as number)) + (uLo + p);
  return s2 + tail;
}

/**
 * ln x for every positive finite x, subnormals included, nearly always correctly rounded (what
 * glibc's `log` nearly always returns too): `accurateLog`'s method (Tang's table), with the exponent
 * read from the bits instead of by scaling, so it covers the whole range.
 *
 * @param x - A positive finite double (0 gives −Infinity, as `log` does; NaN, negative or +Infinity
 * go to `Math.log`).
 * @returns ln x.
 * @example
 * accurateLogAll(1e300); // => 690.7755278982137
 */
export function accurateLogAll(x: number): number {
  if (x > 0 && x < Infinity) return logPositive(x);
  return Math.log(x);
}
