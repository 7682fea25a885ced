// The Stirling (de Moivre) asymptotic series of ln Γ, Abramowitz & Stegun 6.1.40: the correction
// δ(x) = ln Γ(x + 1) − (x + ½) ln x + x − ln √(2π) = Σ_k B_2k / (2k(2k − 1) x^(2k−1)).

// B_2k / (2k(2k − 1)) for k = 1…9.
const S1 = 1 / 12;
const S2 = -1 / 360;
const S3 = 1 / 1260;
const S4 = -1 / 1680;
const S5 = 1 / 1188;
const S6 = -691 / 360360;
const S7 = 1 / 156;
const S8 = -3617 / 122400;
const S9 = 43867 / 244188;

/**
 * The asymptotic series of Stirling's correction δ(x), accurate to 1e-17 relative for x ≥ 10
 * (the first omitted term is below 2e-20 there). Internal: callers choose where it applies.
 */
export function stirlingSeries(x: number): number {
  const w = 1 / (x * x);
  return (S1 + w * (S2 + w * (S3 + w * (S4 + w * (S5 + w * (S6 + w * (S7 + w * (S8 + w * S9)))))))) / x;
}
