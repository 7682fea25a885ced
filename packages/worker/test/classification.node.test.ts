// The section-4 and section-7 jobs through the Node client: softmaxLoss and trainClassifier
// (torch / scipy / scikit-learn numbers) and nllSurface (the notebook's NLL on the grid).
import { createNodeClient } from '@mle-lab/worker/node';
import { afterAll, describe, expect, it } from 'vitest';

const client = createNodeClient();
afterAll(async () => {
  await client.terminate();
});

function expectClose(actual: number, expected: number, { rel = 0, abs = 0 }: { rel?: number; abs?: number }): void {
  const tolerance = Math.max(abs, rel * Math.abs(expected));
  expect(Math.abs(actual - expected), `expected ${expected}, got ${actual}`).toBeLessThanOrEqual(tolerance);
}

describe('softmaxLoss', () => {
  it("reproduces the note's numbers for logits [3, 1, 0.2] and class 0", async () => {
    const r = await client.softmaxLoss({ logits: [3, 1, 0.2], target: 0 });
    // torch 2.13 (float64): F.softmax(torch.tensor([[3.0, 1.0, 0.2]]), dim=1)
    expectClose(r.probs[0] as number, 0.8360188027814407, { rel: 1e-14 });
    expectClose(r.probs[1] as number, 0.11314284146556013, { rel: 1e-14 });
    expectClose(r.probs[2] as number, 0.050838355752999165, { rel: 1e-14 });
    // F.cross_entropy(z, torch.tensor([0])) == F.nll_loss(F.log_softmax(z, dim=1), torch.tensor([0]))
    expectClose(r.crossEntropy, 0.17910417478500276, { rel: 1e-14 });
    expectClose(r.nll as number, 0.17910417478500276, { rel: 1e-14 });
    expect(Array.from(r.target)).toEqual([1, 0, 0]);
    // One-hot target: H(q) = 0 and KL(q‖p) = cross-entropy.
    expect(r.entropy).toBe(0);
    expectClose(r.kl, 0.17910417478500276, { rel: 1e-14 });
  });

  it('handles label smoothing and a soft target, with CE = H + KL', async () => {
    const smooth = await client.softmaxLoss({ logits: [3, 1, 0.2], target: 0, smoothing: 0.1 });
    // torch: F.cross_entropy(z, torch.tensor([0]), label_smoothing=0.1) → 0.33910417478500277
    // scipy: q = [0.9, 0, 0] + 0.1/3; entropy(q) → 0.29113983883196504, entropy(q, p) → 0.04796433595303769
    expectClose(smooth.crossEntropy, 0.33910417478500277, { rel: 1e-13 });
    expectClose(smooth.entropy, 0.29113983883196504, { rel: 1e-13 });
    expectClose(smooth.kl, 0.04796433595303769, { rel: 1e-12 });
    expectClose(smooth.nll as number, 0.17910417478500276, { rel: 1e-14 });
    const soft = await client.softmaxLoss({ logits: [3, 1, 0.2], target: [0.7, 0.2, 0.1] });
    // torch: F.cross_entropy(z, torch.tensor([[0.7, 0.2, 0.1]])) → 0.8591041747850028
    // scipy: entropy([0.7, 0.2, 0.1]) → 0.8018185525433373, entropy([0.7, 0.2, 0.1], p) → 0.05728562224166553
    expectClose(soft.crossEntropy, 0.8591041747850028, { rel: 1e-13 });
    expectClose(soft.entropy, 0.8018185525433373, { rel: 1e-13 });
    expectClose(soft.kl, 0.05728562224166553, { rel: 1e-12 });
    expect(soft.nll).toBeNull();
  });

  it('rejects targets that do not fit the logits', async () => {
    await expect(client.softmaxLoss({ logits: [3, 1, 0.2], target: [0.5, 0.2, 0.1] })).rejects.toThrow(/softmaxLoss: target probabilities must sum to 1, they sum to 0\.8/);
    await expect(client.softmaxLoss({ logits: [3, 1, 0.2], target: [0.5, 0.5] })).rejects.toThrow(/crossEntropy: logits and target must have the same length, got 3 and 2/);
    await expect(client.softmaxLoss({ logits: [3, 1, 0.2], target: 3 })).rejects.toThrow(/target/);
    await expect(client.softmaxLoss({ logits: [3], target: 0 })).rejects.toThrow(/at least 2/);
  });
});

describe('trainClassifier', () => {
  it("trains on scikit-learn's blobs as torch's SGD does", async () => {
    const r = await client.trainClassifier({ seed: 42, classes: 3, learningRate: 0.5, steps: 300 });
    // sklearn 1.9: make_blobs(n_samples=300, centers=[[-2, -1.5], [2, -1.5], [0, 2]], cluster_std=1.0,
    //   shuffle=False, random_state=42); X[0] → [-1.50328585, -1.6382643]
    expectClose(r.points[0] as number, -1.50328585, { abs: 1e-8 });
    expectClose(r.points[1] as number, -1.6382643, { abs: 1e-7 });
    expect(r.n).toBe(300);
    // torch: nn.Linear(2, 3) with zero init, SGD(lr=0.5), 300 steps of F.cross_entropy on (X, y):
    // loss at step 0 = log 3, at step 1 → 0.47141319100990503, after 300 → 0.09910539958269708,
    // -F.cross_entropy(..., reduction='sum') → -29.731619874809123, accuracy → 0.95
    expectClose(r.history.meanCrossEntropy[0] as number, Math.log(3), { rel: 1e-14 });
    expectClose(r.history.meanCrossEntropy[1] as number, 0.47141319100990503, { rel: 1e-10 });
    expectClose(r.final.meanCrossEntropy, 0.09910539958269708, { rel: 1e-9 });
    expectClose(r.final.logLikelihood, -29.731619874809123, { rel: 1e-9 });
    expect(r.final.accuracy).toBe(0.95);
    expect(r.final.step).toBe(300);
    expect(r.iterations).toBe(300);
    expect(r.diverged).toBe(false);
    // The history holds every step once (chunks joined without repeats); ℓ = −n·CE at each of them.
    expect(r.history.step).toHaveLength(301);
    for (let t = 0; t < 301; t++) expectClose(r.history.logLikelihood[t] as number, -300 * (r.history.meanCrossEntropy[t] as number), { rel: 1e-12 });
    expect(r.grid.labels).toHaveLength(120 * 120);
  });

  it('reports weights that overflow as divergence, with the partial history and the last finite model', async () => {
    // The gradient of the mean cross-entropy is bounded by the points' size, so only a step size near
    // the float64 limit overflows the weights (the loss then becomes NaN).
    const r = await client.trainClassifier({ seed: 1, classes: 5, learningRate: 1e308, steps: 100 });
    expect(r.diverged).toBe(true);
    expect(r.iterations).toBeLessThan(100);
    expect(r.history.meanCrossEntropy.length).toBeGreaterThanOrEqual(1);
    expect(Number.isFinite(r.history.meanCrossEntropy[0])).toBe(true);
    expect(r.grid.confidence.every((v) => Number.isFinite(v))).toBe(true);
  });

  it('reports progress and stops when cancelled', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const pending = client.trainClassifier(
      { seed: 3, classes: 5, learningRate: 0.1, steps: 100_000, n: 5000 },
      {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p.done);
          if (seen.length === 2) controller.abort();
        },
      },
    );
    const error = await pending.catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(await client.softmaxLoss({ logits: [0, 0], target: 1 })).toBeTruthy();
  });

  it('rejects bad requests with the allowed range', async () => {
    await expect(client.trainClassifier({ seed: 1, classes: 6, learningRate: 0.1, steps: 10 })).rejects.toThrow(/classes must be an integer from 2 to 5/);
    await expect(client.trainClassifier({ seed: 1, classes: 3, learningRate: 0.1, steps: -1 })).rejects.toThrow(/steps must be an integer from 0/);
    await expect(client.trainClassifier({ seed: 1, classes: 3, learningRate: 0, steps: 10 })).rejects.toThrow(/learningRate/);
  });
});

describe('nllSurface', () => {
  it("gives the notebook's NLL L (constant dropped) on the grid around the MLE, as the fits report it", async () => {
    const handle = await client.generate({ seed: 42, mu: 5, sigma: 2, n: 1000 });
    const s = await client.nllSurface(handle);
    expect(s.mu).toHaveLength(121);
    expect(s.logSigma).toHaveLength(101);
    expect(s.loss).toHaveLength(121 * 101);
    // numpy (core's likelihood.py): np.random.seed(42); x = np.random.normal(5.0, 2.0, 1000); m, sd = x.mean(), x.std()
    // mu = np.linspace(m - 0.25*sd, m + 0.25*sd, 121); ls = np.linspace(np.log(sd) - 0.125, np.log(sd) + 0.125, 101)
    // the notebook's nll_and_grads loss: n*ls[j] + fsum((x - mu[i])**2)*exp(-2*ls[j])/2
    // (= -scipy.stats.norm.logpdf(x, mu[i], np.exp(ls[j])).sum() - n*log(sqrt(2π)), e.g. 2090.582372977066 - 918.9385332046727 at the optimum)
    const at = (i: number, j: number) => s.loss[j * 121 + i] as number;
    expectClose(s.mu[0] as number, 4.549301007770975, { rel: 1e-12 });
    expectClose(s.logSigma[100] as number, 0.7966438397723934, { rel: 1e-12 });
    expectClose(at(0, 0), 1228.7823423877558, { rel: 1e-12 });
    expectClose(at(120, 100), 1210.3817557790774, { rel: 1e-12 });
    expectClose(at(30, 70), 1181.131591118779, { rel: 1e-12 });
    expectClose(at(60, 50), 1171.6438397723934, { rel: 1e-12 });
    expectClose(s.closedForm.loss, 1171.6438397723934, { rel: 1e-12 });
    expectClose(s.closedForm.mu, 5.0386641116446516, { rel: 1e-14 });
    expectClose(s.closedForm.sigma, 1.9574524154947086, { rel: 1e-13 });
    // One convention across the widgets: the surface's minimum is the fit's closed-form loss.
    const closed = await client.fit(handle, { method: 'closed-form' });
    expectClose(s.closedForm.loss, closed.closedForm.loss, { rel: 1e-14 });
    // The notebook's start: mean + 0.1·std, log std.
    expectClose(s.start.mu, 5.0386641116446516 + 0.1 * 1.9574524154947086, { rel: 1e-14 });
    expectClose(s.start.logSigma, Math.log(1.9574524154947086), { rel: 1e-13 });
    // The minimum of the grid is the closed form's cell.
    let best = 0;
    for (let k = 1; k < s.loss.length; k++) if ((s.loss[k] as number) < (s.loss[best] as number)) best = k;
    expect(best).toBe(50 * 121 + 60);
    await client.release(handle);
  });

  it('rejects bad windows', async () => {
    const handle = await client.generate({ seed: 1, mu: 0, sigma: 1, n: 10 });
    await expect(client.nllSurface(handle, { size: { mu: 1 } })).rejects.toThrow(/size\.mu must be an integer from 2 to 1,000/);
    await expect(client.nllSurface(handle, { halfWidth: { logSigma: 0 } })).rejects.toThrow(/halfWidth\.logSigma must be a finite number greater than 0/);
  });
});
