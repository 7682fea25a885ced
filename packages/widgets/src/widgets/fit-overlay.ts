import type { EstimateWithError, NormalFisherSummary, Summary } from '@mle-lab/worker';
import { MleWidget, type RenderContext } from '../shared/base-widget.ts';
import { sharedClient } from '../shared/client.ts';
import { muParam, numericChoice, pythonNumber, sampleSizeParam, seedParam, sigmaParam } from '../shared/common-params.ts';
import { createDataTable, headerCell } from '../shared/data-table.ts';
import { createDatasetCache } from '../shared/dataset.ts';
import { createDensityChart, type DensityChart } from '../shared/density-chart.ts';
import { formatNumber } from '../shared/format.ts';
import type { Text } from '../shared/i18n.ts';
import type { ChoiceParam } from '../shared/params.ts';
import { runLongJob } from '../shared/long-job.ts';
import { createProgress, type ProgressView } from '../shared/progress.ts';
import { chartBox, codeBlock, note, outputRow, tableScroll } from '../shared/readouts.ts';
import { groupedNumber } from '../shared/grouped-number.ts';

const TEXT = {
  chart: { zh: '直方图（密度）、真实 pdf 与 MLE pdf', en: 'Histogram (density) with the true pdf and the MLE pdf' },
  table: { zh: '直方图与两条概率密度曲线', en: 'The histogram and both pdf curves' },
  estimates: { zh: '估计值、标准误与 Wald 置信区间', en: 'Estimates, standard errors and Wald intervals' },
  parameter: { zh: '参数', en: 'parameter' },
  truth: { zh: '真实值', en: 'true value' },
  estimate: { zh: 'MLE', en: 'MLE' },
  se: { zh: '标准误', en: 'standard error' },
  interval: { zh: '置信区间', en: 'interval' },
  truePdf: { zh: '真实 pdf', en: 'true pdf' },
  mlePdf: { zh: 'MLE pdf', en: 'MLE pdf' },
  value: { zh: '值', en: 'value' },
  density: { zh: '密度', en: 'density' },
  seNote: {
    zh: '标准误来自 Fisher 信息：SE(μ̂) = σ̂/√n，SE(σ̂²) = σ̂²·√(2/n)，SE(σ̂) = σ̂/√(2n)；区间为 估计值 ± z·SE。',
    en: 'Standard errors from the Fisher information: SE(μ̂) = σ̂/√n, SE(σ̂²) = σ̂²·√(2/n), SE(σ̂) = σ̂/√(2n); the interval is estimate ± z·SE.',
  },
  code: { zh: '用 numpy 和 scipy 得到同样的数：', en: 'The same numbers in numpy and scipy:' },
} satisfies Record<string, Text>;

const levelParam: ChoiceParam = {
  kind: 'choice',
  name: 'level',
  label: { zh: '置信水平', en: 'Confidence level' },
  choices: [
    { value: '0.9', label: { zh: '90%', en: '90%' } },
    { value: '0.95', label: { zh: '95%', en: '95%' } },
    { value: '0.99', label: { zh: '99%', en: '99%' } },
  ],
  default: '0.95',
  numberRange: { min: 0.5, max: 0.999 },
};

type Row = 'mu' | 'sigma2' | 'sigma';

let instances = 0;

/** A line of Python with its result as an aligned comment. */
const line = (code: string, comment = '') => (comment ? `${code.padEnd(46)}# ${comment}` : code);

/** Three decimals, for spoken summaries. */
const v = (x: number) => formatNumber(x, 3);
type Column = 'Truth' | '' | 'Se' | 'Low' | 'High';

/**
 * `<mle-fit-overlay>`: the sample's density histogram with the true pdf and the MLE pdf, and the
 * estimates μ̂, σ̂², σ̂ with their standard errors (Fisher information) and Wald intervals.
 */
export class FitOverlay extends MleWidget {
  static override widgetName = 'fit-overlay';
  static override params = [seedParam, muParam, sigmaParam, sampleSizeParam, levelParam];

  private readonly data = createDatasetCache(sharedClient, (client, spec: { seed: number; mu: number; sigma: number; n: number }) => client.generate(spec));
  private chart: DensityChart | undefined;
  private chartBox!: HTMLElement;
  private table!: ReturnType<typeof createDataTable>;
  private cells!: Record<`${Row}${Column}`, HTMLOutputElement>;
  private intervalHeader!: HTMLTableCellElement;
  private code!: HTMLElement;
  private progress!: ProgressView;
  private status!: HTMLElement;
  private readonly jobKey = `fit-overlay-${++instances}`;
  private summary: Summary | undefined;
  private fisher: NormalFisherSummary | undefined;

  protected build(body: HTMLElement): void {
    const t = (text: Text) => text[this.uiLang];
    const style = document.createElement('style');
    style.textContent = `
.estimates { border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; width: 100%; }
.estimates caption { text-align: left; font-weight: 600; margin-bottom: 4px; }
.estimates th, .estimates td { padding: 3px 8px; border-bottom: 1px solid var(--mle-border); text-align: right; }
.estimates th:first-child { text-align: left; }
`;
    this.progress = createProgress(this.uiLang);
    this.status = note('', 'legend-note status');
    body.append(style, this.controlsFor(['seed', 'mu', 'sigma', 'n', 'level']), this.progress.element, this.status);
    body.append(this.estimatesTable());
    this.chartBox = chartBox();
    this.table = createDataTable(t(TEXT.table));
    this.code = codeBlock(this.uiLang);
    const actions = this.actionBar(async () => {
      const s = this.summary;
      const f = this.fisher;
      const handle = this.data.current();
      if (!s || !f || !handle) return [];
      const values = await sharedClient().values(handle);
      const rows: Row[] = ['mu', 'sigma2', 'sigma'];
      return [
        { name: 'x', values },
        { name: 'parameter', values: rows },
        { name: 'estimate', values: rows.map((r) => f[r].estimate) },
        { name: 'standard_error', values: rows.map((r) => f[r].standardError) },
        { name: `lower_${f.level}`, values: rows.map((r) => f[r].lower) },
        { name: `upper_${f.level}`, values: rows.map((r) => f[r].upper) },
        { name: 'grid', values: s.curves.x },
        { name: 'true_pdf', values: s.curves.truth ?? [] },
        { name: 'mle_pdf', values: s.curves.mle },
      ];
    });
    body.append(this.chartBox, note(t(TEXT.seNote)), this.table.element, actions, note(t(TEXT.code)), this.code);
  }

  /** The visible table of estimates: every cell an `<output data-readout>` filled with text only. */
  private estimatesTable(): HTMLElement {
    const t = (text: Text) => text[this.uiLang];
    const table = document.createElement('table');
    table.className = 'estimates';
    table.createCaption().textContent = t(TEXT.estimates);
    const head = table.createTHead().insertRow();
    this.intervalHeader = document.createElement('th');
    for (const label of [t(TEXT.parameter), t(TEXT.truth), t(TEXT.estimate), t(TEXT.se)]) head.append(headerCell(label, 'col'));
    this.intervalHeader.scope = 'col';
    this.intervalHeader.colSpan = 2;
    head.append(this.intervalHeader);
    const tbody = table.createTBody();
    const cells = {} as Record<`${Row}${Column}`, HTMLOutputElement>;
    for (const [row, symbol] of [
      ['mu', 'μ'],
      ['sigma2', 'σ²'],
      ['sigma', 'σ'],
    ] as const) {
      const columns = ['Truth', '', 'Se', 'Low', 'High'] as const;
      const out = outputRow(tbody, symbol, columns, (column) => `${row}${column}`);
      for (const column of columns) cells[`${row}${column}`] = out[column];
    }
    this.cells = cells;
    return tableScroll(table, this.uiLang);
  }

  protected async render({ isStale }: RenderContext): Promise<void> {
    const { seed, mu, sigma, n } = this.state as { seed: number; mu: number; sigma: number; n: number };
    const level = numericChoice(this.state['level'] as string | number) as number;
    const client = sharedClient();
    const outcome = await runLongJob(this.progress, this.jobKey, isStale, (control) =>
      this.data.use({ seed, mu, sigma, n }, (handle) =>
        Promise.all([client.summarize(handle, { bins: 'auto', kde: false, box: false }, control), client.normalFisher(handle, { level })]),
      ),
    );
    if (outcome.status === 'stale') return;
    if (outcome.status === 'cancelled') {
      this.reportCancelled(this.status);
      return;
    }
    const [summary, fisher] = outcome.value;
    this.status.textContent = '';
    this.summary = summary;
    this.fisher = fisher;
    this.draw(summary, fisher);
    const percent = `${groupedNumber(level * 100, 1)}%`;
    this.intervalHeader.textContent = `${percent} ${TEXT.interval[this.uiLang]}`;
    const fill = (row: Row, truth: number | null, e: EstimateWithError) => {
      this.cells[`${row}Truth`].value = truth === null ? '—' : formatNumber(truth);
      this.cells[row].value = formatNumber(e.estimate);
      this.cells[`${row}Se`].value = formatNumber(e.standardError);
      this.cells[`${row}Low`].value = formatNumber(e.lower);
      this.cells[`${row}High`].value = formatNumber(e.upper);
    };
    fill('mu', fisher.truth?.mu ?? null, fisher.mu);
    fill('sigma2', fisher.truth?.sigma2 ?? null, fisher.sigma2);
    fill('sigma', fisher.truth?.sigma ?? null, fisher.sigma);
    this.code.textContent = [
      'import numpy as np',
      'from scipy import stats',
      `np.random.seed(${seed})`,
      `data = np.random.normal(${pythonNumber(mu)}, ${pythonNumber(sigma)}, ${n})`,
      'n = data.size',
      line('mu_hat, sigma2_hat = data.mean(), data.var()', `${formatNumber(fisher.mu.estimate)}, ${formatNumber(fisher.sigma2.estimate)}`),
      line('se_mu = np.sqrt(sigma2_hat / n)', `${formatNumber(fisher.mu.standardError)}  (1/√I(μ))`),
      line('se_sigma2 = sigma2_hat * np.sqrt(2 / n)', formatNumber(fisher.sigma2.standardError)),
      line(`z = stats.norm.ppf(1 - (1 - ${level}) / 2)`, formatNumber(fisher.z)),
      line('print(mu_hat - z * se_mu, mu_hat + z * se_mu)', `${formatNumber(fisher.mu.lower)} ${formatNumber(fisher.mu.upper)}`),
    ].join('\n');
  }

  protected override onThemeChange(): void {
    this.chart?.restyle();
  }

  protected override announcement(): string {
    const f = this.fisher;
    if (!f) return '';
    return this.uiLang === 'zh'
      ? `μ̂ = ${v(f.mu.estimate)} ± ${v(f.mu.standardError)}，σ̂ = ${v(f.sigma.estimate)} ± ${v(f.sigma.standardError)}`
      : `μ̂ = ${v(f.mu.estimate)} ± ${v(f.mu.standardError)}, σ̂ = ${v(f.sigma.estimate)} ± ${v(f.sigma.standardError)}`;
  }

  private draw(summary: Summary, fisher: NormalFisherSummary): void {
    const t = (text: Text) => text[this.uiLang];
    this.chart ??= createDensityChart({
      container: this.chartBox,
      height: 300,
      label: t(TEXT.chart),
      xLabel: t(TEXT.value),
      yLabel: t(TEXT.density),
      curves: [
        { label: t(TEXT.truePdf), colour: '--mle-truth' },
        { label: t(TEXT.mlePdf), colour: '--mle-fit', dash: [6, 4] },
      ],
    });
    const { x, truth, mle } = summary.curves;
    this.chart.update({
      x,
      curves: [truth, mle],
      bars: [{ edges: summary.histogram.edges, heights: summary.histogram.density, colour: '--mle-bar' }],
      markers: [
        ...(fisher.truth ? [{ x: fisher.truth.mu, colour: '--mle-truth', label: 'μ' }] : []),
        { x: fisher.mu.estimate, colour: '--mle-fit', dash: [6, 4], label: 'μ̂' },
      ],
    });
    this.table.update([
      { name: t(TEXT.value), values: x },
      ...(truth ? [{ name: t(TEXT.truePdf), values: truth }] : []),
      { name: t(TEXT.mlePdf), values: mle },
    ]);
  }
}
