// @mle-lab/core — the public API. Flat named exports, grouped by area (see DESIGN.md).

// ── Random numbers (numpy legacy RandomState) ───────────────────────────────

// ── Descriptive statistics ──────────────────────────────────────────────────

// ── Density estimates (histogram, box statistics, KDE) ──────────────────────

// ── Distributions ───────────────────────────────────────────────────────────

// ── Likelihood and the closed-form MLE ──────────────────────────────────────

// ── Optimisation (gradient descent, Adam) ───────────────────────────────────

// ── Mixtures and sampling experiments ───────────────────────────────────────

// ── Signal: FFT, Gaussian filtering, integration ────────────────────────────

// ── Classification losses and softmax regression ────────────────────────────
