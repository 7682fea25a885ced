import type uPlot from 'uplot';
import type { ConvolutionResult, FourierResult, HeatProfile, HeatResult, SmoothingResult } from '@mle-lab/worker';
import { MleWidget, type RenderContext } from '../shared/base-widget.ts';
import { createChart, themedAxes, type Chart } from '../shared/chart.ts';
import { sharedClient } from '../shared/client.ts';
import { pythonNumber, seedParam } from '../shared/common-params.ts';
import type { CsvColumn } from '../shared/csv.ts';
import { createDataTable } from '../shared/data-table.ts';
import { createDensityChart, type DensityChart } from '../shared/density-chart.ts';
import { formatNumber } from '../shared/format.ts';
import type { Text } from '../shared/i18n.ts';
import type { ChoiceParam, NumberParam } from '../shared/params.ts';
import { chartBox, codeBlock, createReadouts, note } from '../shared/readouts.ts';
import { formatScientific } from '../shared/series.ts';

type Panel = 'smoothing' | 'edges' | 'convolution' | 'fourier' | 'heat';

const TEXT = {
  smoothChart: { zh: '带噪声的阶梯信号与高斯平滑后的信号', en: 'A noisy step signal and its Gaussian smoothing' },
  smoothTable: { zh: '信号的采样值', en: 'Samples of the signals' },
  sample: { zh: '采样序号', en: 'sample' },
  value: { zh: '值', en: 'value' },
  clean: { zh: '原始信号', en: 'clean signal' },
  noisy: { zh: '加噪声', en: 'noisy' },
  smoothed: { zh: '高斯平滑', en: 'smoothed' },
  taps: { zh: '核的长度（点数）', en: 'kernel taps' },
  noiseSd: { zh: '噪声标准差（平滑前）', en: 'noise sd before' },
  residualSd: { zh: '误差标准差（平滑后）', en: 'error sd after' },
  smoothCaption: {
    zh: '核越宽（σ 越大），噪声越小，但阶梯的边缘也越模糊：这就是 scipy.ndimage.gaussian_filter1d。',
    en: 'A wider kernel (larger σ) removes more noise but blurs the steps more: this is scipy.ndimage.gaussian_filter1d.',
  },
  edgeSignalChart: { zh: '带噪声的阶梯信号', en: 'The noisy step signal' },
  edgeChart: {
    zh: '高斯导数滤波的响应强度 |d|、阈值与找到的边缘',
    en: 'Strength |d| of the derivative-of-Gaussian response, the threshold and the edges found',
  },
  edgeTable: { zh: '响应的采样值', en: 'Samples of the response' },
  magnitude1: { zh: '|d|', en: '|d|' },
  thresholdLine: { zh: '阈值', en: 'threshold' },
  edgesFound: { zh: '找到的边缘（采样序号）', en: 'edges found (samples)' },
  trueEdges: { zh: '真正的跳变（采样序号）', en: 'true jumps (samples)' },
  edgeCount: { zh: '边缘个数', en: 'number of edges' },
  edgeCaption: {
    zh: '用高斯的导数做卷积，一步完成平滑与求导：每个跳变变成 |d| 的一个峰。σ 小，边缘定位准，但噪声也冒出假边缘；σ 大，假边缘消失，相邻的边缘却会被抹平。这是 Canny 边缘检测的一维核心。',
    en: 'Convolving with the derivative of a Gaussian smooths and differentiates in one step: every jump becomes a peak of |d|. A small σ places edges sharply but lets noise through as false edges; a large σ removes them but blurs neighbouring edges together. This is the one-dimensional core of Canny edge detection.',
  },
  convChart: { zh: '两个高斯密度及其卷积', en: 'Two Gaussian densities and their convolution' },
  convTable: { zh: '卷积曲线上的点', en: 'Points on the convolution curves' },
  x: { zh: 'x', en: 'x' },
  density: { zh: '密度', en: 'density' },
  f: { zh: 'N(0, σ₁²)', en: 'N(0, σ₁²)' },
  g: { zh: 'N(0, σ₂²)', en: 'N(0, σ₂²)' },
  conv: { zh: '数值卷积 f ⊛ g', en: 'numerical f ⊛ g' },
  exactConv: { zh: 'N(0, σ₁² + σ₂²)', en: 'N(0, σ₁² + σ₂²)' },
  var1: { zh: 'σ₁²', en: 'σ₁²' },
  var2: { zh: 'σ₂²', en: 'σ₂²' },
  sumVar: { zh: 'σ₁² + σ₂²', en: 'σ₁² + σ₂²' },
  convVar: { zh: '卷积的方差（数值）', en: 'variance of f ⊛ g (numerical)' },
  maxError: { zh: '与理论的最大差', en: 'max difference from theory' },
  convCaption: {
    zh: '两个独立正态变量之和的密度是它们密度的卷积：仍是正态，方差相加 σ² = σ₁² + σ₂²。',
    en: 'The density of a sum of two independent normals is the convolution of their densities: again normal, with the variances added, σ² = σ₁² + σ₂².',
  },
  timeChart: { zh: '时域中的高斯 N(0, σ²)', en: 'The Gaussian N(0, σ²) in time' },
  freqChart: { zh: '它的傅里叶变换：FFT 与理论 e^(−2π²σ²f²)', en: 'Its Fourier transform: the FFT and the exact e^(−2π²σ²f²)' },
  fourierTable: { zh: '频谱上的点', en: 'Points on the spectrum' },
  t: { zh: '时间 t', en: 'time t' },
  frequency: { zh: '频率 f', en: 'frequency f' },
  magnitude: { zh: '|G(f)|', en: '|G(f)|' },
  signal: { zh: 'g(t)', en: 'g(t)' },
  fftSeries: { zh: 'FFT', en: 'FFT' },
  exactSeries: { zh: '理论 e^(−2π²σ²f²)', en: 'exact e^(−2π²σ²f²)' },
  sigmaT: { zh: '时域宽度 σ', en: 'width in time σ' },
  sigmaF: { zh: '频域宽度 σ_f = 1/(2πσ)', en: 'width in frequency σ_f = 1/(2πσ)' },
  product: { zh: 'σ·σ_f', en: 'σ·σ_f' },
  fourierCaption: {
    zh: '高斯函数的傅里叶变换仍是高斯函数；时域越宽，频域越窄，σ·σ_f 始终等于 1/(2π) ≈ 0.1592。',
    en: 'The Fourier transform of a Gaussian is a Gaussian; the wider it is in time, the narrower in frequency — σ·σ_f is always 1/(2π) ≈ 0.1592.',
  },
  heatChart: {
    zh: '初始温度、有限差分（FTCS）解与高斯平滑后的初始温度',
    en: 'The initial temperature, the finite-difference (FTCS) solution and the Gaussian-smoothed start',
  },
  heatTable: { zh: '温度分布上的点', en: 'Points on the temperature profiles' },
  position: { zh: '位置 x', en: 'position x' },
  temperature: { zh: '温度 u', en: 'temperature u' },
  initial: { zh: '初始 u₀', en: 'initial u₀' },
  ftcs: { zh: '有限差分 u(x, t)', en: 'finite differences u(x, t)' },
  heatGaussian: { zh: 'u₀ 经 N(0, 2Dt) 平滑', en: 'u₀ smoothed by N(0, 2Dt)' },
  heatSigma: { zh: '高斯宽度 σ = √(2Dt)', en: 'Gaussian width σ = √(2Dt)' },
  heatSteps: { zh: '时间步数', en: 'time steps' },
  heatDifference: { zh: '两条曲线的最大差', en: 'max difference of the two curves' },
  heatTotal: { zh: '总热量 Σu·dx（开始 → 现在）', en: 'total heat Σu·dx (start → now)' },
  heatVariance: { zh: '温度分布的方差', en: 'variance of the profile' },
  heatExpected: { zh: 'σ₀² + 2Dt', en: 'σ₀² + 2Dt' },
  heatCaption: {
    zh: '扩散时间 t 就是用方差 2Dt 的高斯模糊初始温度：有限差分解与 scipy 的 gaussian_filter1d 重合，绝热的两端不漏热，总热量不变。',
    en: 'Diffusing for a time t is blurring the start with a Gaussian of variance 2Dt: the finite-difference solution and scipy’s gaussian_filter1d overlap, and the insulated ends keep the total heat.',
  },
} satisfies Record<string, Text>;

const panelParam: ChoiceParam = {
  kind: 'choice',
  name: 'panel',
  label: { zh: '用途', en: 'Use' },
  choices: [
    { value: 'smoothing', label: { zh: '平滑带噪声的信号', en: 'smoothing a noisy signal' } },
    { value: 'edges', label: { zh: '用高斯导数找边缘', en: 'finding edges with a Gaussian derivative' } },
    { value: 'convolution', label: { zh: '两个高斯的卷积', en: 'two Gaussians convolved' } },
    { value: 'fourier', label: { zh: '高斯与它的傅里叶变换', en: 'a Gaussian and its Fourier transform' } },
    { value: 'heat', label: { zh: '热方程：扩散就是高斯模糊', en: 'the heat equation: diffusion is Gaussian blur' } },
  ],
  default: 'smoothing',
};
const kernelParam: NumberParam = {
  kind: 'number',
  name: 'kernel',
  label: { zh: '核的标准差 σ（采样点）', en: 'Kernel σ (samples)' },
  min: 0.5,
  max: 30,
  step: 0.1,
  default: 4,
  log: true,
};
const thresholdParam: NumberParam = {
  kind: 'number',
  name: 'threshold',
  label: { zh: '阈值（最强响应的比例）', en: 'Threshold (share of the strongest response)' },
  min: 0.05,
  max: 1,
  step: 0.05,
  default: 0.4,
};
const sigma1Param: NumberParam = { kind: 'number', name: 'sigma1', label: { zh: '标准差 σ₁', en: 'Std σ₁' }, min: 0.2, max: 3, step: 0.05, default: 1 };
const sigma2Param: NumberParam = { kind: 'number', name: 'sigma2', label: { zh: '标准差 σ₂', en: 'Std σ₂' }, min: 0.2, max: 3, step: 0.05, default: 1.5 };
const widthParam: NumberParam = { kind: 'number', name: 'width', label: { zh: '时域宽度 σ', en: 'Width in time σ' }, min: 0.25, max: 3, step: 0.05, default: 1 };
const profileParam: ChoiceParam = {
  kind: 'choice',
  name: 'profile',
  label: { zh: '初始温度', en: 'Initial temperature' },
  choices: [
    { value: 'point', label: { zh: '点热源（一个热格子）', en: 'a point source (one hot cell)' } },
    { value: 'step', label: { zh: '阶跃（左半边热）', en: 'a step (the left half hot)' } },
    { value: 'spots', label: { zh: '两个热点（x = ±2）', en: 'two hot spots (x = ±2)' } },
  ],
  default: 'point',
};
// The worker's ranges: 2Dt ≤ 8 keeps the heat of the point and the spots away from the rod's ends (±15).
const timeParam: NumberParam = { kind: 'number', name: 'time', label: { zh: '时间 t', en: 'Time t' }, min: 0, max: 4, step: 0.01, default: 1 };
const diffusivityParam: NumberParam = {
  kind: 'number',
  name: 'diffusivity',
  label: { zh: '扩散系数 D', en: 'Diffusivity D' },
  min: 0.01,
  max: 1,
  step: 0.01,
  default: 0.5,
};

const PANEL_CONTROLS: Record<Panel, readonly string[]> = {
  smoothing: ['kernel', 'seed'],
  edges: ['kernel', 'threshold', 'seed'],
  convolution: ['sigma1', 'sigma2'],
  fourier: ['width'],
  heat: ['profile', 'time', 'diffusivity'],
};

/** Up to a dozen sample indices, then an ellipsis. */
const indexList = (values: Float64Array) =>
  values.length === 0 ? '—' : Array.from(values.subarray(0, 12), String).join(', ') + (values.length > 12 ? ', …' : '');

/** A largest difference in scientific notation, or 0 when the two curves are identical (t = 0). */
const differenceText = (value: number) => (value === 0 ? '0' : formatScientific(value, 1));

/** The initial profile of the heat panel in numpy, as the worker builds it. */
const HEAT_PROFILE_CODE: Record<HeatProfile, string> = {
  point: 'u0 = np.zeros(301); u0[150] = 1 / dx                 # unit heat in the middle cell',
  step: 'u0 = np.where(x < 0, 1.0, 0.0); u0[150] = 0.5         # the left half hot',
  spots: 'u0 = np.zeros(301); u0[[130, 170]] = 0.5 / dx        # half the heat at x = -2 and x = 2',
};

/** The numpy/scipy lines that reproduce the heat panel: the FTCS loop beside gaussian_filter1d. */
function heatCode(profile: HeatProfile, time: number, diffusivity: number, r: HeatResult): string {
  const spread =
    r.variance === null
      ? ''
      : `m = (x * u).sum() / u.sum()\nprint(((x - m)**2 * u).sum() / u.sum())   # ${formatNumber(r.variance)} = σ₀² + 2Dt = ${formatNumber(r.expectedVariance ?? Number.NaN)}\n`;
  return (
    `import math\nimport numpy as np\nfrom scipy.ndimage import gaussian_filter1d\n` +
    `D, t, dx = ${pythonNumber(diffusivity)}, ${pythonNumber(time)}, 0.1\n` +
    `x = np.linspace(-15, 15, 301)\n` +
    `${HEAT_PROFILE_CODE[profile]}\n` +
    `steps = math.ceil(6 * (D / (dx * dx)) * t)                # ${r.steps}: D·dt/dx² ≤ 1/6\n` +
    `r = D * (t / steps) / (dx * dx) if steps else 0.0\n` +
    `u = u0.copy()\n` +
    `for _ in range(steps):\n` +
    `    p = np.pad(u, 1, mode='edge')                         # insulated ends\n` +
    `    u = u + r * (p[:-2] - 2 * p[1:-1] + p[2:])\n` +
    `g = gaussian_filter1d(u0, math.sqrt(2 * D * t) / dx, mode='reflect') if t else u0\n` +
    `print(np.abs(u - g).max(), u.sum() * dx)   # ${r.maxDifference === 0 ? '0' : r.maxDifference.toExponential(1)} ${formatNumber(r.heat)}\n` +
    spread
  ).trimEnd();
}

/** A uPlot legend value with three decimals. */
const digits = (_u: unknown, v: number | null) => (v == null ? '—' : formatNumber(v, 3));

type Outputs<K extends string> = Record<K, HTMLOutputElement>;

interface PanelView {
  element: HTMLElement;
  controls: HTMLElement;
}

/**
 * `<mle-gaussian-uses>`: five other jobs of the Gaussian, one panel at a time — smoothing a noisy
 * signal with a Gaussian kernel, finding its edges with the Gaussian's derivative, two Gaussians
 * convolved (variances add), a Gaussian with its Fourier transform (again a Gaussian, of
 * reciprocal width), and the Gaussian as the heat kernel (diffusing for a time t is smoothing with
 * variance 2Dt).
 */
export class GaussianUses extends MleWidget {
  static override widgetName = 'gaussian-uses';
  static override params = [panelParam, kernelParam, thresholdParam, seedParam, sigma1Param, sigma2Param, widthParam, profileParam, timeParam, diffusivityParam];

  private panels!: Record<Panel, PanelView>;
  private smoothBox!: HTMLElement;
  private edgeSignalBox!: HTMLElement;
  private edgeBox!: HTMLElement;
  private convBox!: HTMLElement;
  private timeBox!: HTMLElement;
  private freqBox!: HTMLElement;
  private heatBox!: HTMLElement;
  private smoothChart: Chart | undefined;
  private edgeSignalChart: Chart | undefined;
  private edgeChart: DensityChart | undefined;
  private convChart: DensityChart | undefined;
  private timeChart: DensityChart | undefined;
  private freqChart: DensityChart | undefined;
  private heatChart: DensityChart | undefined;
  private smoothTable!: ReturnType<typeof createDataTable>;
  private edgeTable!: ReturnType<typeof createDataTable>;
  private convTable!: ReturnType<typeof createDataTable>;
  private fourierTable!: ReturnType<typeof createDataTable>;
  private heatTable!: ReturnType<typeof createDataTable>;
  private smoothOut!: Outputs<'taps' | 'noiseSd' | 'residualSd'>;
  private edgeOut!: Outputs<'edgeCount' | 'edgesFound' | 'trueEdges'>;
  private convOut!: Outputs<'var1' | 'var2' | 'sumVar' | 'convVar' | 'convError'>;
  private fourierOut!: Outputs<'sigmaT' | 'sigmaF' | 'product' | 'fourierError'>;
  private heatOut!: Outputs<'heatSigma' | 'heatSteps' | 'heatDifference' | 'heatTotal' | 'heatVariance' | 'heatExpected'>;
  private code!: HTMLElement;
  private smoothing: SmoothingResult | undefined;
  private convolution: ConvolutionResult | undefined;
  private fourier: FourierResult | undefined;
  private heat: HeatResult | undefined;

  protected build(body: HTMLElement): void {
    const t = (text: Text) => text[this.uiLang];
    const style = document.createElement('style');
    style.textContent = '.panel[hidden] { display: none; }';
    body.append(style, this.controlsFor(['panel']));

    const smooth = createReadouts([
      { key: 'taps', label: t(TEXT.taps) },
      { key: 'noiseSd', label: t(TEXT.noiseSd) },
      { key: 'residualSd', label: t(TEXT.residualSd) },
    ]);
    this.smoothOut = smooth.outputs;
    this.smoothBox = chartBox();
    this.smoothTable = createDataTable(t(TEXT.smoothTable));

    const edge = createReadouts([
      { key: 'edgeCount', label: t(TEXT.edgeCount) },
      { key: 'edgesFound', label: t(TEXT.edgesFound) },
      { key: 'trueEdges', label: t(TEXT.trueEdges) },
    ]);
    this.edgeOut = edge.outputs;
    this.edgeSignalBox = chartBox();
    this.edgeBox = chartBox();
    this.edgeTable = createDataTable(t(TEXT.edgeTable));

    const conv = createReadouts([
      { key: 'var1', label: t(TEXT.var1) },
      { key: 'var2', label: t(TEXT.var2) },
      { key: 'sumVar', label: t(TEXT.sumVar) },
      { key: 'convVar', label: t(TEXT.convVar) },
      { key: 'convError', label: t(TEXT.maxError) },
    ]);
    this.convOut = conv.outputs;
    this.convBox = chartBox();
    this.convTable = createDataTable(t(TEXT.convTable));

    const fourier = createReadouts([
      { key: 'sigmaT', label: t(TEXT.sigmaT) },
      { key: 'sigmaF', label: t(TEXT.sigmaF) },
      { key: 'product', label: t(TEXT.product) },
      { key: 'fourierError', label: t(TEXT.maxError) },
    ]);
    this.fourierOut = fourier.outputs;
    this.timeBox = chartBox();
    this.freqBox = chartBox();
    this.fourierTable = createDataTable(t(TEXT.fourierTable));

    const heat = createReadouts([
      { key: 'heatSigma', label: t(TEXT.heatSigma) },
      { key: 'heatSteps', label: t(TEXT.heatSteps) },
      { key: 'heatDifference', label: t(TEXT.heatDifference) },
      { key: 'heatTotal', label: t(TEXT.heatTotal) },
      { key: 'heatVariance', label: t(TEXT.heatVariance) },
      { key: 'heatExpected', label: t(TEXT.heatExpected) },
    ]);
    this.heatOut = heat.outputs;
    this.heatBox = chartBox();
    this.heatTable = createDataTable(t(TEXT.heatTable));

    const panel = (name: Panel, ...children: HTMLElement[]): PanelView => {
      const element = document.createElement('section');
      element.className = 'panel';
      element.dataset['panel'] = name;
      const controls = this.controlsFor(PANEL_CONTROLS[name]);
      element.append(controls, ...children);
      return { element, controls };
    };
    this.panels = {
      smoothing: panel('smoothing', smooth.element, this.smoothBox, note(t(TEXT.smoothCaption)), this.smoothTable.element),
      edges: panel('edges', edge.element, this.edgeSignalBox, this.edgeBox, note(t(TEXT.edgeCaption)), this.edgeTable.element),
      convolution: panel('convolution', conv.element, this.convBox, note(t(TEXT.convCaption)), this.convTable.element),
      fourier: panel('fourier', fourier.element, this.timeBox, this.freqBox, note(t(TEXT.fourierCaption)), this.fourierTable.element),
      heat: panel('heat', heat.element, this.heatBox, note(t(TEXT.heatCaption)), this.heatTable.element),
    };
    this.code = codeBlock(this.uiLang);
    const actions = this.actionBar(async () => this.csvColumns());
    body.append(...Object.values(this.panels).map((p) => p.element), actions, this.code);
    this.showPanel(this.state['panel'] as Panel);
  }

  private showPanel(active: Panel): void {
    for (const [name, view] of Object.entries(this.panels) as [Panel, PanelView][]) view.element.hidden = name !== active;
  }

  protected async render({ isStale }: RenderContext): Promise<void> {
    const panel = this.state['panel'] as Panel;
    this.showPanel(panel);
    const client = sharedClient();
    if (panel === 'edges') {
      const { seed, kernel, threshold } = this.state as { seed: number; kernel: number; threshold: number };
      const r = await client.smoothSignal({ seed, kernel, threshold });
      if (isStale()) return;
      this.smoothing = r;
      this.drawEdges(r);
      this.code.textContent =
        `import numpy as np\nfrom scipy.ndimage import gaussian_filter1d\nfrom scipy.signal import find_peaks\n` +
        `clean = np.repeat([0.0, 1.0, 0.3, 1.4, 0.2], 80)\n` +
        `noisy = clean + np.random.RandomState(${seed}).normal(0.0, 0.3, 400)\n` +
        `d = gaussian_filter1d(noisy, sigma=${pythonNumber(kernel)}, order=1)   # the derivative of the Gaussian\n` +
        `edges, _ = find_peaks(np.abs(d), height=${pythonNumber(threshold)} * np.abs(d).max())\n` +
        `print(edges)   # [${Array.from(r.edges, String).join(' ')}]`;
    } else if (panel === 'smoothing') {
      const { seed, kernel } = this.state as { seed: number; kernel: number };
      const r = await client.smoothSignal({ seed, kernel });
      if (isStale()) return;
      this.smoothing = r;
      this.drawSmoothing(r);
      this.code.textContent =
        `import numpy as np\nfrom scipy.ndimage import gaussian_filter1d\n` +
        `clean = np.repeat([0.0, 1.0, 0.3, 1.4, 0.2], 80)\n` +
        `noisy = clean + np.random.RandomState(${seed}).normal(0.0, 0.3, 400)\n` +
        `smoothed = gaussian_filter1d(noisy, sigma=${pythonNumber(kernel)})   # mode='reflect', truncate=4.0\n` +
        `print((smoothed - clean).std())   # ${formatNumber(r.residualSd)}`;
    } else if (panel === 'convolution') {
      const { sigma1, sigma2 } = this.state as { sigma1: number; sigma2: number };
      const r = await client.convolveGaussians({ sigma1, sigma2 });
      if (isStale()) return;
      this.convolution = r;
      this.drawConvolution(r);
      this.code.textContent =
        `import numpy as np\nfrom scipy.stats import norm\n` +
        `s1, s2 = ${pythonNumber(sigma1)}, ${pythonNumber(sigma2)}\n` +
        `dx = min(s1, s2) / 8\n` +
        `k = int(np.ceil(10 * np.hypot(s1, s2) / dx))\n` +
        `x = np.arange(-k, k + 1) * dx\n` +
        `conv = np.convolve(norm.pdf(x, 0, s1), norm.pdf(x, 0, s2), mode='same') * dx\n` +
        `print((x**2 * conv).sum() * dx, s1**2 + s2**2)   # ${formatNumber(r.variance, 6)} ${formatNumber(r.exactVariance, 6)}`;
    } else if (panel === 'heat') {
      const { profile, time, diffusivity } = this.state as { profile: HeatProfile; time: number; diffusivity: number };
      const r = await client.heatEquation({ profile, time, diffusivity });
      if (isStale()) return;
      this.heat = r;
      this.drawHeat(r, profile);
      this.code.textContent = heatCode(profile, time, diffusivity, r);
    } else {
      const { width } = this.state as { width: number };
      const r = await client.gaussianFourier({ width });
      if (isStale()) return;
      this.fourier = r;
      this.drawFourier(r);
      this.code.textContent =
        `import numpy as np\nfrom scipy.stats import norm\n` +
        `n, dt, s = ${r.size}, ${r.dt}, ${pythonNumber(width)}\n` +
        `t = (np.arange(n) - n // 2) * dt\n` +
        `G = dt * np.abs(np.fft.fftshift(np.fft.fft(norm.pdf(t, 0, s))))\n` +
        `f = (np.arange(n) - n // 2) / (n * dt)\n` +
        `print(np.abs(G - np.exp(-2 * np.pi**2 * s**2 * f**2)).max())   # ~1e-16: equal up to rounding`;
    }
  }

  protected override onThemeChange(): void {
    this.smoothChart?.restyle();
    this.edgeSignalChart?.restyle();
    this.edgeChart?.restyle();
    this.convChart?.restyle();
    this.timeChart?.restyle();
    this.freqChart?.restyle();
    this.heatChart?.restyle();
  }

  protected override announcement(): string {
    const zh = this.uiLang === 'zh';
    const panel = this.state['panel'] as Panel;
    if (panel === 'smoothing' && this.smoothing) {
      const r = this.smoothing;
      return zh
        ? `平滑后误差标准差 ${formatNumber(r.residualSd, 3)}，平滑前 ${formatNumber(r.noiseSd, 3)}`
        : `Error sd ${formatNumber(r.residualSd, 3)} after smoothing, ${formatNumber(r.noiseSd, 3)} before`;
    }
    if (panel === 'edges' && this.smoothing) {
      const r = this.smoothing;
      return zh
        ? `找到 ${r.edges.length} 个边缘：${indexList(r.edges)}；真正的跳变在 ${indexList(r.trueEdges)}`
        : `${r.edges.length} edges found: ${indexList(r.edges)}; the true jumps are at ${indexList(r.trueEdges)}`;
    }
    if (panel === 'convolution' && this.convolution) {
      const r = this.convolution;
      return zh
        ? `卷积的方差 ${formatNumber(r.variance)}，σ₁² + σ₂² = ${formatNumber(r.exactVariance)}`
        : `Variance of the convolution ${formatNumber(r.variance)}; σ₁² + σ₂² = ${formatNumber(r.exactVariance)}`;
    }
    if (panel === 'fourier' && this.fourier) {
      const r = this.fourier;
      return zh
        ? `σ = ${formatNumber(r.sigmaT, 2)}，σ_f = ${formatNumber(r.sigmaF)}，乘积 ${formatNumber(r.product)}`
        : `σ = ${formatNumber(r.sigmaT, 2)}, σ_f = ${formatNumber(r.sigmaF)}, product ${formatNumber(r.product)}`;
    }
    if (panel === 'heat' && this.heat) {
      const r = this.heat;
      return zh
        ? `σ = √(2Dt) = ${formatNumber(r.sigma)}；有限差分与高斯平滑最多相差 ${differenceText(r.maxDifference)}；总热量 ${formatNumber(r.heat)}`
        : `σ = √(2Dt) = ${formatNumber(r.sigma)}; finite differences and the Gaussian differ by at most ${differenceText(r.maxDifference)}; total heat ${formatNumber(r.heat)}`;
    }
    return '';
  }

  private csvColumns(): readonly CsvColumn[] {
    const panel = this.state['panel'] as Panel;
    if (panel === 'smoothing' && this.smoothing) {
      const r = this.smoothing;
      return [
        { name: 'sample', values: r.t },
        { name: 'clean', values: r.clean },
        { name: 'noisy', values: r.noisy },
        { name: 'smoothed', values: r.smoothed },
      ];
    }
    if (panel === 'edges' && this.smoothing) {
      const r = this.smoothing;
      const isEdge = new Float64Array(r.t.length);
      for (const j of r.edges) isEdge[j] = 1;
      return [
        { name: 'sample', values: r.t },
        { name: 'noisy', values: r.noisy },
        { name: 'derivative_response', values: r.response },
        { name: 'abs_response', values: r.edgeMagnitude },
        { name: 'is_edge', values: isEdge },
      ];
    }
    if (panel === 'convolution' && this.convolution) {
      const r = this.convolution;
      return [
        { name: 'x', values: r.x },
        { name: 'f_sigma1', values: r.f },
        { name: 'g_sigma2', values: r.g },
        { name: 'convolution', values: r.convolution },
        { name: 'normal_sum_of_variances', values: r.exact },
      ];
    }
    if (panel === 'fourier' && this.fourier) {
      const r = this.fourier;
      return [
        { name: 't', values: r.t },
        { name: 'g_t', values: r.signal },
        { name: 'f', values: r.f },
        { name: 'abs_fft_times_dt', values: r.spectrum },
        { name: 'exact_transform', values: r.exact },
      ];
    }
    if (panel === 'heat' && this.heat) {
      const r = this.heat;
      return [
        { name: 'x', values: r.x },
        { name: 'initial', values: r.initial },
        { name: 'ftcs_solution', values: r.solution },
        { name: 'gaussian_smoothed', values: r.smoothed },
      ];
    }
    return [];
  }

  /** The noisy steps over the clean ones, with the smoothed signal when there is one. */
  private signalChart(container: HTMLElement, label: string, height: number, data: uPlot.AlignedData): Chart {
    const t = (text: Text) => text[this.uiLang];
    return createChart({
      container,
      height,
      label,
      data,
      options: (colour) => ({
        scales: { x: { time: false } },
        axes: themedAxes(colour, { x: t(TEXT.sample), y: t(TEXT.value) }),
        series: [
          { label: t(TEXT.sample), value: (_u, v) => (v == null ? '—' : String(v)) },
          { label: t(TEXT.noisy), stroke: colour('--mle-bar'), width: 1, points: { show: false }, value: digits },
          { label: t(TEXT.clean), stroke: colour('--mle-truth'), width: 1.5, dash: [5, 4], points: { show: false }, value: digits },
          ...(data.length > 3 ? [{ label: t(TEXT.smoothed), stroke: colour('--mle-accent'), width: 2.5, points: { show: false }, value: digits }] : []),
        ],
      }),
    });
  }

  private drawSmoothing(r: SmoothingResult): void {
    const t = (text: Text) => text[this.uiLang];
    const data: uPlot.AlignedData = [Array.from(r.t), Array.from(r.noisy), Array.from(r.clean), Array.from(r.smoothed)];
    this.smoothChart ??= this.signalChart(this.smoothBox, t(TEXT.smoothChart), 280, data);
    this.smoothChart.setData(data);
    const o = this.smoothOut;
    o.taps.value = String(r.taps);
    o.noiseSd.value = formatNumber(r.noiseSd);
    o.residualSd.value = formatNumber(r.residualSd);
    this.smoothTable.update([
      { name: t(TEXT.sample), values: r.t },
      { name: t(TEXT.clean), values: r.clean },
      { name: t(TEXT.noisy), values: r.noisy },
      { name: t(TEXT.smoothed), values: r.smoothed },
    ]);
  }

  private drawEdges(r: SmoothingResult): void {
    const t = (text: Text) => text[this.uiLang];
    const data: uPlot.AlignedData = [Array.from(r.t), Array.from(r.noisy), Array.from(r.clean)];
    this.edgeSignalChart ??= this.signalChart(this.edgeSignalBox, t(TEXT.edgeSignalChart), 180, data);
    this.edgeSignalChart.setData(data);
    this.edgeChart ??= createDensityChart({
      container: this.edgeBox,
      height: 200,
      label: t(TEXT.edgeChart),
      xLabel: t(TEXT.sample),
      yLabel: t(TEXT.magnitude1),
      curves: [
        { label: t(TEXT.magnitude1), colour: '--mle-accent', width: 2, fill: '--mle-bar' },
        { label: t(TEXT.thresholdLine), colour: '--mle-muted', width: 1.5, dash: [6, 4] },
      ],
    });
    this.edgeChart.update({
      x: r.t,
      curves: [r.edgeMagnitude, new Float64Array(r.t.length).fill(r.edgeHeight)],
      markers: [
        ...Array.from(r.trueEdges, (x) => ({ x, colour: '--mle-truth', dash: [2, 3] })),
        ...Array.from(r.edges, (x) => ({ x, colour: '--mle-fit' })),
      ],
    });
    const o = this.edgeOut;
    o.edgeCount.value = String(r.edges.length);
    o.edgesFound.value = indexList(r.edges);
    o.trueEdges.value = indexList(r.trueEdges);
    this.edgeTable.update([
      { name: t(TEXT.sample), values: r.t },
      { name: t(TEXT.noisy), values: r.noisy },
      { name: t(TEXT.magnitude1), values: r.edgeMagnitude },
    ]);
  }

  private drawConvolution(r: ConvolutionResult): void {
    const t = (text: Text) => text[this.uiLang];
    this.convChart ??= createDensityChart({
      container: this.convBox,
      height: 280,
      label: t(TEXT.convChart),
      xLabel: t(TEXT.x),
      yLabel: t(TEXT.density),
      curves: [
        { label: t(TEXT.f), colour: '--mle-muted', width: 1.5 },
        { label: t(TEXT.g), colour: '--mle-fit', width: 1.5 },
        { label: t(TEXT.conv), colour: '--mle-accent', width: 3 },
        { label: t(TEXT.exactConv), colour: '--mle-truth', width: 1.5, dash: [6, 4] },
      ],
    });
    this.convChart.update({ x: r.x, curves: [r.f, r.g, r.convolution, r.exact] });
    const o = this.convOut;
    o.var1.value = formatNumber(r.variance1);
    o.var2.value = formatNumber(r.variance2);
    o.sumVar.value = formatNumber(r.exactVariance);
    o.convVar.value = formatNumber(r.variance);
    o.convError.value = formatScientific(r.maxError, 1);
    this.convTable.update([
      { name: t(TEXT.x), values: r.x },
      { name: t(TEXT.conv), values: r.convolution },
      { name: t(TEXT.exactConv), values: r.exact },
    ]);
  }

  private drawFourier(r: FourierResult): void {
    const t = (text: Text) => text[this.uiLang];
    this.timeChart ??= createDensityChart({
      container: this.timeBox,
      height: 200,
      label: t(TEXT.timeChart),
      xLabel: t(TEXT.t),
      yLabel: t(TEXT.signal),
      curves: [{ label: t(TEXT.signal), colour: '--mle-accent', width: 2, fill: '--mle-bar' }],
    });
    this.freqChart ??= createDensityChart({
      container: this.freqBox,
      height: 200,
      label: t(TEXT.freqChart),
      xLabel: t(TEXT.frequency),
      yLabel: t(TEXT.magnitude),
      curves: [
        { label: t(TEXT.fftSeries), colour: '--mle-accent', width: 3 },
        { label: t(TEXT.exactSeries), colour: '--mle-truth', width: 1.5, dash: [6, 4] },
      ],
    });
    this.timeChart.update({
      x: r.t,
      curves: [r.signal],
      markers: [
        { x: -r.sigmaT, colour: '--mle-muted', dash: [2, 3], label: '−σ' },
        { x: r.sigmaT, colour: '--mle-muted', dash: [2, 3], label: 'σ' },
      ],
    });
    this.freqChart.update({
      x: r.f,
      curves: [r.spectrum, r.exact],
      markers: [
        { x: -r.sigmaF, colour: '--mle-muted', dash: [2, 3], label: '−σ_f' },
        { x: r.sigmaF, colour: '--mle-muted', dash: [2, 3], label: 'σ_f' },
      ],
    });
    const o = this.fourierOut;
    o.sigmaT.value = formatNumber(r.sigmaT);
    o.sigmaF.value = formatNumber(r.sigmaF);
    o.product.value = formatNumber(r.product);
    o.fourierError.value = formatScientific(r.maxError, 1);
    this.fourierTable.update([
      { name: t(TEXT.frequency), values: r.f },
      { name: t(TEXT.fftSeries), values: r.spectrum },
      { name: t(TEXT.exactSeries), values: r.exact },
    ]);
  }

  private drawHeat(r: HeatResult, profile: HeatProfile): void {
    const t = (text: Text) => text[this.uiLang];
    this.heatChart ??= createDensityChart({
      container: this.heatBox,
      height: 260,
      label: t(TEXT.heatChart),
      xLabel: t(TEXT.position),
      yLabel: t(TEXT.temperature),
      curves: [
        { label: t(TEXT.initial), colour: '--mle-muted', width: 1.5, dash: [2, 3] },
        { label: t(TEXT.ftcs), colour: '--mle-accent', width: 3 },
        { label: t(TEXT.heatGaussian), colour: '--mle-truth', width: 1.5, dash: [6, 4] },
      ],
    });
    // A hot cell is a spike 1/dx tall that would flatten the curves once t > 0: the point and the
    // spots are marked by vertical lines at their cells instead, in the legend's style for u₀ (the
    // step is drawn as it is).
    const spikes = profile !== 'step' && r.steps > 0;
    this.heatChart.update({
      x: r.x,
      curves: [spikes ? null : r.initial, r.solution, r.smoothed],
      markers: spikes ? Array.from(r.x.filter((_x, i) => (r.initial[i] as number) > 0), (x) => ({ x, colour: '--mle-muted', dash: [2, 3] })) : [],
    });
    const o = this.heatOut;
    o.heatSigma.value = formatNumber(r.sigma);
    o.heatSteps.value = String(r.steps);
    o.heatDifference.value = differenceText(r.maxDifference);
    o.heatTotal.value = `${formatNumber(r.initialHeat)} → ${formatNumber(r.heat)}`;
    o.heatVariance.value = r.variance === null ? '—' : formatNumber(r.variance);
    o.heatExpected.value = r.expectedVariance === null ? '—' : formatNumber(r.expectedVariance);
    this.heatTable.update([
      { name: t(TEXT.position), values: r.x },
      { name: t(TEXT.initial), values: r.initial },
      { name: t(TEXT.ftcs), values: r.solution },
      { name: t(TEXT.heatGaussian), values: r.smoothed },
    ]);
  }
}
