import type { ConvolutionResult, FourierResult, SmoothingResult } from '@mle-lab/worker';
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

type Panel = 'smoothing' | 'convolution' | 'fourier';

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
} satisfies Record<string, Text>;

const panelParam: ChoiceParam = {
  kind: 'choice',
  name: 'panel',
  label: { zh: '用途', en: 'Use' },
  choices: [
    { value: 'smoothing', label: { zh: '平滑带噪声的信号', en: 'smoothing a noisy signal' } },
    { value: 'convolution', label: { zh: '两个高斯的卷积', en: 'two Gaussians convolved' } },
    { value: 'fourier', label: { zh: '高斯与它的傅里叶变换', en: 'a Gaussian and its Fourier transform' } },
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
const sigma1Param: NumberParam = { kind: 'number', name: 'sigma1', label: { zh: '标准差 σ₁', en: 'Std σ₁' }, min: 0.2, max: 3, step: 0.05, default: 1 };
const sigma2Param: NumberParam = { kind: 'number', name: 'sigma2', label: { zh: '标准差 σ₂', en: 'Std σ₂' }, min: 0.2, max: 3, step: 0.05, default: 1.5 };
const widthParam: NumberParam = { kind: 'number', name: 'width', label: { zh: '时域宽度 σ', en: 'Width in time σ' }, min: 0.25, max: 3, step: 0.05, default: 1 };

const PANEL_CONTROLS: Record<Panel, readonly string[]> = {
  smoothing: ['kernel', 'seed'],
  convolution: ['sigma1', 'sigma2'],
  fourier: ['width'],
};

/** A uPlot legend value with three decimals. */
const digits = (_u: unknown, v: number | null) => (v == null ? '—' : formatNumber(v, 3));

type Outputs<K extends string> = Record<K, HTMLOutputElement>;

interface PanelView {
  element: HTMLElement;
  controls: HTMLElement;
}

/**
 * `<mle-gaussian-uses>`: three other jobs of the Gaussian, one panel at a time — smoothing a noisy
 * signal with a Gaussian kernel, two Gaussians convolved (variances add), and a Gaussian with its
 * Fourier transform (again a Gaussian, of reciprocal width).
 */
export class GaussianUses extends MleWidget {
  static override widgetName = 'gaussian-uses';
  static override params = [panelParam, kernelParam, seedParam, sigma1Param, sigma2Param, widthParam];

  private panels!: Record<Panel, PanelView>;
  private smoothBox!: HTMLElement;
  private convBox!: HTMLElement;
  private timeBox!: HTMLElement;
  private freqBox!: HTMLElement;
  private smoothChart: Chart | undefined;
  private convChart: DensityChart | undefined;
  private timeChart: DensityChart | undefined;
  private freqChart: DensityChart | undefined;
  private smoothTable!: ReturnType<typeof createDataTable>;
  private convTable!: ReturnType<typeof createDataTable>;
  private fourierTable!: ReturnType<typeof createDataTable>;
  private smoothOut!: Outputs<'taps' | 'noiseSd' | 'residualSd'>;
  private convOut!: Outputs<'var1' | 'var2' | 'sumVar' | 'convVar' | 'convError'>;
  private fourierOut!: Outputs<'sigmaT' | 'sigmaF' | 'product' | 'fourierError'>;
  private code!: HTMLElement;
  private smoothing: SmoothingResult | undefined;
  private convolution: ConvolutionResult | undefined;
  private fourier: FourierResult | undefined;

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
      convolution: panel('convolution', conv.element, this.convBox, note(t(TEXT.convCaption)), this.convTable.element),
      fourier: panel('fourier', fourier.element, this.timeBox, this.freqBox, note(t(TEXT.fourierCaption)), this.fourierTable.element),
    };
    this.code = codeBlock();
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
    if (panel === 'smoothing') {
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
    this.convChart?.restyle();
    this.timeChart?.restyle();
    this.freqChart?.restyle();
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
    return [];
  }

  private drawSmoothing(r: SmoothingResult): void {
    const t = (text: Text) => text[this.uiLang];
    const data: [number[], number[], number[], number[]] = [Array.from(r.t), Array.from(r.noisy), Array.from(r.clean), Array.from(r.smoothed)];
    if (!this.smoothChart) {
      this.smoothChart = createChart({
        container: this.smoothBox,
        height: 280,
        label: t(TEXT.smoothChart),
        data,
        options: (colour) => ({
          scales: { x: { time: false } },
          axes: themedAxes(colour, { x: t(TEXT.sample), y: t(TEXT.value) }),
          series: [
            { label: t(TEXT.sample), value: (_u, v) => (v == null ? '—' : String(v)) },
            { label: t(TEXT.noisy), stroke: colour('--mle-bar'), width: 1, points: { show: false }, value: digits },
            { label: t(TEXT.clean), stroke: colour('--mle-truth'), width: 1.5, dash: [5, 4], points: { show: false }, value: digits },
            { label: t(TEXT.smoothed), stroke: colour('--mle-accent'), width: 2.5, points: { show: false }, value: digits },
          ],
        }),
      });
    }
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
}
