// A root of f on a bracket [a, b] with f(a) ≥ 0 > f(b): the Illinois variant of false position where
// both values are finite (superlinear), bisection where one is −Infinity (a support edge). Returns
// the end of the final bracket on the f ≥ 0 side when that side is the edge of the feasible region.

export function bracketedRoot(f: (t: number) => number, a: number, fa: number, b: number, fb: number, tol: number): number {
  let side = 0;
  for (let it = 0; it < 200 && Math.abs(b - a) > tol; it++) {
    const t = Number.isFinite(fa) && Number.isFinite(fb) ? (a * fb - b * fa) / (fb - fa) : (a + b) / 2;
    const m = t > Math.min(a, b) && t < Math.max(a, b) ? t : (a + b) / 2;
    const fm = f(m);
    if (fm >= 0) {
      a = m;
      fa = fm;
      if (side === 1) fb /= 2;
      side = 1;
    } else {
      b = m;
      fb = fm;
      if (side === -1) fa /= 2;
      side = -1;
    }
    if (fm === 0) return m;
  }
  if (!Number.isFinite(fb)) return a;
  return Number.isFinite(fa) && fa !== fb ? (a * fb - b * fa) / (fb - fa) : (a + b) / 2;
}
