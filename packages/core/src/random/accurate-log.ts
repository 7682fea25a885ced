// A natural logarithm accurate to about 0.502 ulp — nearly always the correctly rounded value — for
// the polar method of ./random-state.ts. The C library's `log` that numpy calls (glibc: ≤ 0.52 ulp)
// is nearly always correctly rounded too, so the two agree far more often than V8's `Math.log`
// (fdlibm, < 1 ulp), which rounds differently for ~1.6 % of arguments.
//
// Method (Tang's table-driven logarithm, P. T. P. Tang, ACM TOMS 16(4), 1990): x = 2^k·m with
// m in [0.75, 1.5); c = j/128 nearest to m; then ln x = k·ln 2 + ln c + ln(1 + u), u = (m − c)/c.
// m − c is exact, u is kept as a double-double (its residual m − u·c is computed exactly because c
// has 8 significant bits), |u| ≤ 2^-7.5, and ln(1 + u) is a degree-8 Taylor polynomial; the large
// terms are added with TwoSum so only the final addition rounds.
//
// The table holds ln(j/128), j = 96 … 192, as double-double pairs, generated with Python's decimal
// module at 60 digits:  h = float(Decimal(j/128).ln()), lo = float(Decimal(j/128).ln() − Decimal(h)).

/** ln 2 split so that k·LN2_HI is exact for |k| < 4096 (low 12 bits zero). */
const LN2_HI = 0.693147180559663;
const LN2_LO = 2.8235290563031577e-13;
/** First table index: c = 96/128 = 0.75. */
const J0 = 96;

const LOG_C_HI = new Float64Array([
  -0.2876820724517809, -0.27731928541623435, -0.26706278524904525, -0.2569104137850272,
  -0.24686007793152578, -0.2369097470783577, -0.22705745063534608, -0.2173012756899814,
  -0.2076393647782445, -0.1980699137620938, -0.18859116980755003, -0.179201429457711,
  -0.16989903679539747, -0.16068238169047347, -0.15154989812720093, -0.14250006260728304,
  -0.13353139262452263, -0.1246424452072766, -0.1158318155251217, -0.1070981355563671,
  -0.09844007281325252, -0.08985632912186105, -0.0813456394539524, -0.07290677080808779,
  -0.06453852113757118, -0.05623971832287608, -0.048009219186360606, -0.039845908547199674,
  -0.0317486983145803, -0.023716526617316044, -0.015748356968139168, -0.007843177461025893, 0.0,
  0.007782140442054949, 0.015504186535965254, 0.02316705928153438, 0.030771658666753687,
  0.0383188643021366, 0.0458095360312942, 0.053244514518812285, 0.06062462181643484,
  0.06795066190850775, 0.07522342123758753, 0.08244366921107459, 0.08961215868968714,
  0.09672962645855111, 0.10379679368164356, 0.11081436634029011, 0.11778303565638346,
  0.12470347850095724, 0.13157635778871926, 0.13840232285911913, 0.1451820098444979,
  0.15191604202584197, 0.15860503017663857, 0.16524957289530717, 0.17185025692665923,
  0.1784076574728183, 0.184922338494012, 0.19139485299962947, 0.19782574332991987,
  0.2042155414286909, 0.21056476910734964, 0.21687393830061436, 0.22314355131420976,
  0.22937410106484582, 0.2355660713127669, 0.24171993688714516, 0.24783616390458127,
  0.25391520998096345, 0.25995752443692605, 0.26596354849713794, 0.27193371548364176,
  0.2778684510034563, 0.2837681731306446, 0.28963329258304266, 0.2954642128938359,
  0.3012613305781618, 0.3070250352949119, 0.3127557100038969, 0.3184537311185346,
  0.324119468654212, 0.329753286372468, 0.3353555419211378, 0.3409265869705932,
  0.34646676734620857, 0.3519764231571782, 0.3574558889218038, 0.3629054936893685,
  0.3683255611587076, 0.37371640979358406, 0.37907835293496944, 0.38441169891033206,
  0.3897167511400252, 0.394993808240869, 0.4002431641270127, 0.4054651081081644,
]);

const LOG_C_LO = new Float64Array([
  -2.607160616442564e-17, 7.44528405583513e-18, 7.32891532732017e-18, -2.502843296152504e-17,
  -1.361743371748368e-17, -1.9682402978398164e-18, -9.551415762738488e-18, -1.6168452453763015e-18,
  -1.2053243216686129e-17, -3.742843482461439e-18, 7.432164219196925e-18, 1.0785017454858423e-17,
  4.868008764439071e-19, 3.650183553047837e-18, -5.1669593684615594e-18, 9.926388234225749e-18,
  3.664457663660085e-18, 5.808912678940971e-18, -4.338484369808096e-18, 1.73705104015906e-18,
  4.439009633675136e-18, 6.273760163689594e-19, -5.07707635593117e-18, 6.306860257532778e-18,
  6.470486661692933e-18, 3.2835149805605613e-18, -1.4390903347292205e-18, 3.129547680315208e-18,
  -3.0382263084680858e-18, 1.5774243488668215e-18, -1.0021578630528974e-18, -2.764708154124904e-19,
  0.0, -1.2819179123343845e-20, -3.278321022892429e-19, -1.1769544932063305e-18,
  1.0431732029005968e-18, -2.357996157351286e-18, 1.902959866474257e-18, -1.665575816973663e-18,
  2.6424025938726934e-18, -1.2802141240611733e-18, -5.930604196293241e-18, 5.700437773813987e-18,
  -5.4268129336647135e-18, -5.597397486289965e-19, 5.47772415726659e-18, 1.183748342825649e-18,
  -1.1971685747593677e-18, -4.6522609636496624e-18, 1.1123000879729588e-17, 4.447777301357527e-18,
  8.242418783022475e-18, 6.4838631244022194e-18, 1.1257003872182592e-17, -1.0094935622322628e-17,
  -6.0224538210113705e-18, -1.2432553788701131e-17, 3.0236614153574064e-18,
  -1.2129496905792884e-17, 1.2821194372980142e-17, 2.7338281018722773e-18, -4.249405314729895e-18,
  4.551026193234283e-18, -9.091270597324799e-18, 9.927671823978025e-18, -2.3943371495187355e-18,
  8.900990022166643e-18, -1.2432209578702523e-17, -8.048097394424201e-18, 2.069806938978935e-17,
  5.3393802761314314e-18, 7.83319637697442e-19, -9.16018294909263e-19, -2.032665581126656e-17,
  2.0535953219858174e-17, -2.16461086040599e-17, -9.048511144048564e-18, -1.2319916200101964e-17,
  -1.451808353098951e-17, 2.7114779367326236e-17, -7.958214381893813e-18, 2.122020616196946e-18,
  1.834564437059473e-17, 1.7467136443544747e-17, 1.028583585496265e-17, -1.2953893030191963e-17,
  -2.5136910072413547e-17, -2.1492361455310972e-17, 2.690672380132659e-17, 2.1836211281198184e-17,
  1.587939415338447e-17, -1.612149700764673e-17, 2.734172667856699e-17, -1.5113724418336168e-17,
  -1.1349239205188711e-17, -2.8811380259626426e-18,
]);

/** 128/j, the reciprocal of each table point, correctly rounded. */
const INV_C = Float64Array.from({ length: LOG_C_HI.length }, (_, i) => 128 / (i + J0));

/** Veltkamp's splitter for doubles: 2^27 + 1. */
const SPLIT = 134217729;
const TWO_POW_31 = 2 ** 31;
const TWO_POW_MINUS_31 = 2 ** -31;
/** 2^i for i = 0 … 32. */
const POW2 = Float64Array.from({ length: 33 }, (_, i) => 2 ** i);
const HALVE = Float64Array.of(1, 0.5);
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
  // x = 2^k·m with m in [0.75, 1.5), without branches for x ≥ 2^-31: the leading bit of
  // ⌊x·2^31⌋ gives ⌊log₂x⌋ exactly, and scaling by a power of two is exact.
  let m = x;
  let k = 0;
  if (m < TWO_POW_MINUS_31) {
    // Below 2^-31 (r² there has probability 2^-31): scale up first.
    while (m < TWO_POW_MINUS_31) {
      m *= TWO_POW_31;
      k -= 31;
    }
  }
  const lead = Math.clz32((m * TWO_POW_31) >>> 0);
  m *= POW2[lead] as number;
  k -= lead;
  // m in [1, 2) → [0.75, 1.5): halve the upper part (a select, not a branch).
  const upper = m >= 1.5 ? 1 : 0;
  m *= HALVE[upper] as number;
  k += upper;
  const j = (m * 128 + 0.5) | 0; // m·128 is exact, so this rounds it to the nearest integer
  const f = m - j / 128; // exact: m and c are within 2^-8 of each other
  const i = j - J0;
  const invc = INV_C[i] as number;
  const c = j / 128;
  const uHi = f * invc;
  // Residual f − uHi·c, exact: uHi splits into 26 + 27 bits, each product with c (8 bits) is exact,
  // and each subtraction cancels (Sterbenz).
  const t = SPLIT * uHi;
  const a1 = t - (t - uHi);
  const a2 = uHi - a1;
  const r = f - a1 * c - a2 * c;
  const uLo = r * invc;
  // ln(1 + u) − u = −u²/2 + u³/3 − … − u⁸/8 (the next term is below 2^-68 of 1), plus the −uHi·uLo
  // cross term of −u²/2.
  // Estrin's scheme keeps the dependency chain short: (c2 + c3u) + u²(c4 + c5u) + u⁴((c6 + c7u) + u²c8).
  const u2 = uHi * uHi;
  const u4 = u2 * u2;
  const p =
    u2 * (-0.5 + THIRD * uHi + u2 * (-0.25 + 0.2 * uHi) + u4 * (-SIXTH + SEVENTH * uHi - 0.125 * u2)) - uHi * uLo;
  // k·ln2 + ln c + uHi with TwoSum; everything small goes into lo.
  const a = k * LN2_HI;
  const b = LOG_C_HI[i] as number;
  const s1 = a + b;
  const bb = s1 - a;
  const e1 = a - (s1 - bb) + (b - bb);
  const s2 = s1 + uHi;
  const cc = s2 - s1;
  const e2 = s1 - (s2 - cc) + (uHi - cc);
  return s2 + (e1 + e2 + (k * LN2_LO + (LOG_C_LO[i] as number)) + (uLo + p));
}
