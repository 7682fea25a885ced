"""Taylor coefficients d[k][n] of Temme's c_k(η) in the uniform asymptotic expansion of the regularised
incomplete gamma function (Temme 1979; DLMF 8.12.3–8.12.9), as used by src/special/incomplete-gamma.ts:

    Q(a, x) = ½ erfc(η √(a/2)) + e^(−aη²/2)/√(2πa) · Σ_k c_k(η) a^(−k),   ½η² = λ − 1 − ln λ, λ = x/a,
    c_0(η) = 1/(λ − 1) − 1/η,   c_k(η) = (1/η) c′_{k−1}(η) + (−1)^k g_k/(λ − 1),

with g_k the coefficients of Γ*(a) ~ Σ g_k a^(−k) (DLMF 5.11.3). Everything is exact rational power-series
arithmetic (fractions.Fraction); the doubles printed are the coefficients rounded once.

Run from packages/core:  python3 scripts/temme-coefficients.py [K] [N]
"""

import sys
from fractions import Fraction as F

K = int(sys.argv[1]) if len(sys.argv) > 1 else 10
N = int(sys.argv[2]) if len(sys.argv) > 2 else 26
M = N + 2 * K + 6  # working order: each step of the recursion costs two orders


def mul(p, q):
    r = [F(0)] * M
    for i, a in enumerate(p):
        if a:
            for j in range(M - i):
                r[i + j] += a * q[j]
    return r


def inv(p):  # 1/p, p[0] != 0
    r = [F(0)] * M
    r[0] = 1 / p[0]
    for n in range(1, M):
        r[n] = -sum(p[j] * r[n - j] for j in range(1, n + 1)) / p[0]
    return r


def sqrt1(p):  # sqrt(p), p[0] = 1
    r = [F(0)] * M
    r[0] = F(1)
    for n in range(1, M):
        r[n] = (p[n] - sum(r[j] * r[n - j] for j in range(1, n))) / 2
    return r


# μ − ln(1 + μ) = Σ_{j≥2} (−1)^j μ^j / j = (μ²/2)·f(μ), f(0) = 1; η = μ·sqrt(f(μ)) =: μ h(μ).
f = [F(0)] * M
for j in range(2, M + 2):
    f[j - 2] = F((-1) ** j, j) * 2
h = sqrt1(f)

# Revert η = μ h(μ): μ = Σ m_n η^n by Lagrange: [η^n] μ = (1/n) [μ^(n−1)] h(μ)^(−n).
hinv = inv(h)
mu = [F(0)] * M
power = [F(1)] + [F(0)] * (M - 1)
for n in range(1, M):
    power = mul(power, hinv)
    mu[n] = power[n - 1] / n

# 1/μ = (1/η)·1/(μ/η): keep as a Laurent series with one negative power: store coefficients of η·(1/μ).
mu_over_eta = mu[1:] + [F(0)]
eta_over_mu = inv(mu_over_eta)  # η/μ = Σ e_n η^n, so 1/μ = Σ e_n η^(n−1)

# g_k: ln Γ*(a) = Σ_{j≥1} B_2j / (2j(2j − 1)) a^(1−2j); exponentiate in t = 1/a.
from math import comb


def bernoulli(n):
    B = [F(1)]
    for m in range(1, n + 1):
        B.append(-sum(comb(m + 1, j) * B[j] for j in range(m)) / (m + 1))
    return B


B = bernoulli(2 * K + 4)
L = [F(0)] * (K + 2)
for j in range(1, K + 2):
    if 2 * j - 1 <= K + 1:
        L[2 * j - 1] = B[2 * j] / (2 * j * (2 * j - 1))
g = [F(1)] + [F(0)] * (K + 1)
for n in range(1, K + 2):  # g = exp(L): n g_n = Σ_{j=1}^{n} j L_j g_{n−j}
    g[n] = sum(j * L[j] * g[n - j] for j in range(1, n + 1)) / n

# Laurent series as dict power -> coefficient.
def laurent_inv_mu(scale):
    return {n - 1: scale * e for n, e in enumerate(eta_over_mu)}


c = laurent_inv_mu(F(1))
c[-1] -= 1  # c_0 = 1/μ − 1/η
cs = []
for k in range(0, K):
    if k > 0:
        d = {}
        for p, v in c.items():  # (1/η) d/dη
            if p != 0 and v:
                d[p - 2] = d.get(p - 2, F(0)) + p * v
        for p, v in laurent_inv_mu(F((-1) ** k) * g[k]).items():
            d[p] = d.get(p, F(0)) + v
        c = d
    neg = {p: v for p, v in c.items() if p < 0 and v != 0}
    assert not neg, (k, neg)
    cs.append([c.get(n, F(0)) for n in range(N)])

print("[")
for k, row in enumerate(cs):
    print("  [" + ", ".join(repr(float(v)) for v in row) + "],")
print("]")
