import uPlot from 'uplot';
import type { BootstrapGof, DatasetHandle, FamilyFit, FitFamiliesResult, LoadTextResult, ProfileCurve } from '@mle-lab/worker';
import { MleWidget, type RenderContext } from '../shared/base-widget.ts';
import { createChart, themedAxes, type Chart } from '../shared/chart.ts';
import { sharedClient } from '../shared/client.ts';
import { seedParam } from '../shared/common-params.ts';
import { createDataTable, headerCell } from '../shared/data-table.ts';
import { createDensityChart, type DensityChart } from '../shared/density-chart.ts';
import { formatCount } from '../shared/format.ts';
import type { Text } from '../shared/i18n.ts';
import { runLongJob } from '../shared/long-job.ts';
import type { ChoiceParam, NumberParam, TextParam } from '../shared/params.ts';
import { createProgress, type ProgressView } from '../shared/progress.ts';
import { renderTurn } from '../shared/render-queue.ts';
import { chartBox, codeBlock, note, tableScroll } from '../shared/readouts.ts';
import { fillTemplate } from '../shared/series.ts';
import { fitCode } from '../shared/fit-code.ts';
import { REAL_DATASETS } from './fit-lab-data.ts';

/** The families the lab offers, in core's order (the binomial needs a known size and is left out). */
const FAMILIES: readonly { name: string; label: Text; discrete: boolean }[] = [
  { name: 'normal', label: { zh: '正态', en: 'normal' }, discrete: false },
  { name: 'lognormal', label: { zh: '对数正态', en: 'lognormal' }, discrete: false },
  { name: 'exponential', label: { zh: '指数', en: 'exponential' }, discrete: false },
  { name: 'gamma', label: { zh: '伽马', en: 'gamma' }, discrete: false },
  { name: 'weibull', label: { zh: '韦布尔', en: 'Weibull' }, discrete: false },
  { name: 'beta', label: { zh: '贝塔', en: 'beta' }, discrete: false },
  { name: 'logistic', label: { zh: '逻辑斯谛', en: 'logistic' }, discrete: false },
  { name: 'laplace', label: { zh: '拉普拉斯', en: 'Laplace' }, discrete: false },
  { name: 'cauchy', label: { zh: '柯西', en: 'Cauchy' }, discrete: false },
  { name: 'uniform', label: { zh: '均匀', en: 'uniform' }, discrete: false },
  { name: 'poisson', label: { zh: '泊松', en: 'Poisson' }, discrete: true },
  { name: 'geometric', label: { zh: '几何', en: 'geometric' }, discrete: true },
  { name: 'negativeBinomial', label: { zh: '负二项', en: 'negative binomial' }, discrete: true },
  { name: 'bernoulli', label: { zh: '伯努利', en: 'Bernoulli' }, discrete: true },
];
const FAMILY_NAMES = FAMILIES.map((f) => f.name);

/** Seeded samples (numpy's legacy samplers through core): the family, its parameters and n. */
const SEEDED: Record<string, { family: string; params: Record<string, number>; n: number; label: Text }> = {
  gamma: { family: 'gamma', params: { shape: 2, rate: 0.5 }, n: 500, label: { zh: '伽马(形状 2, 速率 0.5) 样本', en: 'gamma(shape 2, rate 0.5) sample' } },
  lognormal: { family: 'lognormal', params: { meanlog: 1, sdlog: 0.5 }, n: 500, label: { zh: '对数正态(1, 0.5) 样本', en: 'lognormal(1, 0.5) sample' } },
  weibull: { family: 'weibull', params: { shape: 1.5, scale: 3 }, n: 500, label: { zh: '韦布尔(1.5, 3) 样本', en: 'Weibull(1.5, 3) sample' } },
  normal: { family: 'normal', params: { mean: 10, sd: 2 }, n: 500, label: { zh: '正态(10, 2) 样本', en: 'normal(10, 2) sample' } },
  cauchy: { family: 'cauchy', params: { location: 0, scale: 1 }, n: 200, label: { zh: '柯西(0, 1) 样本', en: 'Cauchy(0, 1) sample' } },
  poisson: { family: 'poisson', params: { lambda: 3 }, n: 300, label: { zh: '泊松(3) 计数', en: 'Poisson(3) counts' } },
  negbin: { family: 'negativeBinomial', params: { size: 2, mu: 4 }, n: 300, label: { zh: '负二项(2, 4) 计数', en: 'negative binomial(2, 4) counts' } },
};

const TEXT = {
  paste: { zh: '粘贴或输入数据（逗号、空格、制表符或换行分隔；可含表头）', en: 'Paste or type data (separated by commas, spaces, tabs or new lines; a header is fine)' },
  fit: { zh: '拟合这些数据', en: 'Fit these data' },
  file: { zh: '或选择 CSV/TSV/TXT 文件（也可拖放到这里）', en: 'or pick a CSV/TSV/TXT file (or drop it here)' },
  column: { zh: '列', en: 'Column' },
  allFields: { zh: '所有字段', en: 'every field' },
  families: { zh: '要拟合的分布族', en: 'Families to fit' },
  auto: { zh: '自动（所有支撑包含数据的分布族）', en: 'automatic (every family whose support holds the data)' },
  bootstrap: { zh: '参数自助法 p 值', en: 'Bootstrap p-values' },
  profileOf: { zh: '剖面似然与 Q-Q/P-P 图的参数', en: 'Parameter for the profile, Q-Q and P-P plots' },
  large: { zh: '已粘贴 {size} 个字符（太长，不在文本框中显示）。', en: 'Pasted {size} characters (too long to show in the box).' },
  skipped: { zh: '{count} 处无法读取、已跳过：', en: '{count} tokens skipped: ' },
  read: { zh: '读取了 {n} 个数值', en: '{n} values read' },
  ownData: { zh: '（你的数据）', en: '(your data)' },
  decimalComma: { zh: '（逗号按小数点读：数值之间用分号或制表符分隔）', en: ' (commas read as decimal marks: the values are separated by semicolons or tabs)' },
  noValues: { zh: '没有读到任何数值：请粘贴数字，或选择一个预设。', en: 'No numbers could be read: paste numbers, or choose a preset.' },
  unknownFamily: { zh: 'families 中的 “{name}” 不是本实验支持的分布族；可选：{list}。', en: 'families: “{name}” is not a family this lab fits; choose from {list}.' },
  table: { zh: '按 AIC 排序的拟合结果（{level} {method}）', en: 'Fits ranked by AIC ({level} {method})' },
  profileIntervals: { zh: '剖面似然区间', en: 'profile-likelihood intervals' },
  waldIntervals: {
    zh: 'Wald 区间：数据超过 20,000 个时剖面区间太慢，此时两者非常接近；下方的剖面曲线给出所选参数的剖面',
    en: 'Wald intervals: above 20,000 values profile intervals take too long and the two agree closely; the profile curve below shows the chosen parameter’s profile',
  },
  rank: { zh: '名次', en: 'rank' },
  family: { zh: '分布族', en: 'family' },
  parameter: { zh: '参数', en: 'parameter' },
  estimate: { zh: '估计 ± 标准误', en: 'estimate ± SE' },
  interval: { zh: '区间', en: 'interval' },
  weight: { zh: 'Akaike 权重', en: 'Akaike weight' },
  failed: { zh: '未能拟合：', en: 'Not fitted: ' },
  excluded: { zh: '支撑不包含数据、未尝试：', en: 'Not tried (the data fall outside their support): ' },
  density: { zh: '数据的直方图与拟合的密度（前 {k} 名）', en: 'Histogram of the data with the fitted densities (top {k})' },
  bars: { zh: '每个整数的频率与拟合的概率质量（前 {k} 名）', en: 'Relative frequency of each integer with the fitted probabilities (top {k})' },
  qq: { zh: 'Q-Q 图：数据分位数对拟合分位数', en: 'Q-Q plot: data quantiles against fitted quantiles' },
  pp: { zh: 'P-P 图：经验概率对拟合的累积概率', en: 'P-P plot: empirical probabilities against the fitted cdf' },
  ecdf: { zh: '经验累积分布与拟合的累积分布函数', en: 'Empirical cdf with the fitted cdfs' },
  profile: { zh: '剖面对数似然与区间切线', en: 'Profile log-likelihood with the interval cut' },
  value: { zh: '值', en: 'value' },
  densityAxis: { zh: '密度', en: 'density' },
  fitted: { zh: '拟合', en: 'fitted' },
  data: { zh: '数据', en: 'data' },
  identity: { zh: 'y = x', en: 'y = x' },
  cut: { zh: '切线 ℓ̂ − χ²₁/2', en: 'cut ℓ̂ − χ²₁/2' },
  inside: { zh: '区间', en: 'interval' },
  reading: {
    zh: '按 AIC，{best} 最好（Akaike 权重 {w}）。{second}在所尝试的分布族中最好，并不证明数据真的来自 {best}：没有尝试的分布族可能更好，数据量很大时每个分布族都会被拟合优度检验拒绝。',
    en: 'By AIC, {best} fits best (Akaike weight {w}). {second}Being the best of those tried is not proof that the data come from a {best} distribution: a family not tried may fit better, and with enough data every family is rejected by a goodness-of-fit test.',
  },
  second: { zh: '第二名 {name} 的 ΔAIC = {delta}（{strength}）。', en: 'The runner-up, {name}, has ΔAIC = {delta} ({strength}). ' },
  strong: { zh: '几乎没有支持', en: 'essentially no support' },
  moderate: { zh: '支持弱得多', en: 'considerably less support' },
  close: { zh: '两者难以区分', en: 'hard to tell apart' },
  only: { zh: '只有一个分布族拟合成功。', en: 'Only one family could be fitted. ' },
  code: { zh: '用 scipy 和 R（fitdistrplus）重现此表：', en: 'The scipy and R (fitdistrplus) code that reproduces this table:' },
  fitting: { zh: '正在拟合…', en: 'Fitting…' },
} satisfies Record<string, Text>;

const presetParam: ChoiceParam = {
  kind: 'choice',
  name: 'preset',
  label: { zh: '预设数据', en: 'Preset data' },
  choices: [
    ...Object.entries(SEEDED).map(([value, s]) => ({ value, label: s.label })),
    ...REAL_DATASETS.map((d) => ({ value: d.name, label: d.label })),
  ],
  default: 'gamma',
};

const dataParam: TextParam = {
  kind: 'text',
  name: 'data',
  label: { zh: '数据', en: 'Data' },
  maxLength: 4000,
  default: '',
  describe: { zh: '至多 4000 个字符的数据文本', en: 'data as text of at most 4000 characters' },
};

const familiesParam: TextParam = {
  kind: 'text',
  name: 'families',
  label: { zh: '分布族', en: 'Families' },
  maxLength: 400,
  default: '',
  describe: { zh: `逗号分隔的分布族名（${FAMILY_NAMES.join(', ')}），空为自动`, en: `comma-separated family names (${FAMILY_NAMES.join(', ')}), empty for automatic` },
};

const replicatesParam: NumberParam = {
  kind: 'integer',
  name: 'replicates',
  label: { zh: '自助法重复次数 B', en: 'Bootstrap replicates B' },
  min: 10,
  max: 10_000,
  step: 1,
  default: 200,
  log: true,
};

const stepped = uPlot.paths.stepped?.({ align: 1 });

/** Curves drawn per chart: the best few by AIC. */
const TOP = 5;
/** Texts longer than this are not put into the text area (a million lines would stall its layout). */
const SHOWN_TEXT = 100_000;
/** Most line errors listed in the sentence; the rest are in the details list (up to the worker's cap). */
const LISTED_ERRORS = 5;

let instances = 0;

/** A pasted text too long for one message: sent to the worker in PIECE-sized pieces. */
interface LongText {
  id: number;
  text: string;
}
let longTexts = 0;
/** Characters per message to the worker (each message a structured clone on the page's thread). */
const PIECE = 1 << 18;

/** Lets the page paint and handle input between pieces of drawing: a turn on the page's render queue. */
const nextTask = renderTurn;

/** A number to 6 significant digits with a real minus sign (the table's ≥ 5 digits). */
export function sig(v: number, digits = 6): string {
  if (Number.isNaN(v)) return '—';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  return String(Number(v.toPrecision(digits))).replace('-', '−');
}

type SourceKey = { kind: 'text'; text: string | Blob | LongText; column: number | undefined } | { kind: 'preset'; preset: string; seed: number };

let blobs = 0;
const blobIds = new WeakMap<Blob, number>();
/** A short name for a Blob in a cache key (the text itself is never compared on the page). */
function blobId(blob: Blob): number {
  let id = blobIds.get(blob);
  if (id === undefined) blobIds.set(blob, (id = ++blobs));
  return id;
}

/**
 * `<mle-fit-lab>`: the reader's own data (pasted, dropped, picked from a file, from an author's
 * `data` attribute, the URL, or a preset) fitted by every family whose support holds it, ranked by AIC
 * with standard errors, profile intervals and goodness of fit; histogram or bar chart with the fitted
 * densities, Q-Q, P-P and ECDF plots, the profile log-likelihood of any parameter, a plain reading of
 * the result and the scipy/R code that reproduces it. All computing happens in the worker through core.
 */
export class FitLab extends MleWidget {
  static override widgetName = 'fit-lab';
  static override params = [dataParam, presetParam, seedParam, familiesParam, replicatesParam];

  private readonly jobKey = `fit-lab-${++instances}`;
  private textArea!: HTMLTextAreaElement;
  private fileInput!: HTMLInputElement;
  private columnSelect!: HTMLSelectElement;
  private columnLabel!: HTMLLabelElement;
  private sourceNote!: HTMLElement;
  /** The preset and seed controls (the preset menu says when the reader's own data are fitted instead). */
  private presetControls!: HTMLElement;
  private skippedNote!: HTMLElement;
  private skippedList!: HTMLUListElement;
  private skippedDetails!: HTMLDetailsElement;
  private checkboxes = new Map<string, HTMLInputElement>();
  private progress!: ProgressView;
  private status!: HTMLElement;
  private resultTable!: HTMLTableElement;
  private failedNote!: HTMLElement;
  private reading!: HTMLElement;
  private profileSelect!: HTMLSelectElement;
  private bootstrapButton!: HTMLButtonElement;
  private code!: HTMLElement;
  private boxes!: Record<'density' | 'qq' | 'pp' | 'ecdf' | 'profile', HTMLElement>;
  private srTables!: Record<'density' | 'profile', ReturnType<typeof createDataTable>>;
  private density: DensityChart | undefined;
  private charts: Partial<Record<'qq' | 'pp' | 'ecdf' | 'profile', Chart>> = {};
  /** What the reader pasted, dropped or picked that is too long for the `data` parameter (read by the worker). */
  private customText: Blob | LongText | undefined;
  private column: number | undefined;
  private lastPreset: string | undefined;
  private handle: DatasetHandle | null = null;
  private loaded: LoadTextResult | null = null;
  private sourceKey = '';
  private fitKey = '';
  private result: FitFamiliesResult | undefined;
  private pValues = new Map<string, BootstrapGof>();
  private generation = 0;

  protected build(body: HTMLElement): void {
    const t = (text: Text) => text[this.uiLang];
    const style = document.createElement('style');
    style.textContent = `
:host { --fl-1: #1a7f37; --fl-2: #cf222e; --fl-3: #8250df; --fl-4: #9a6700; --fl-5: #0969da; }
:host([data-theme="dark"]) { --fl-1: #3fb950; --fl-2: #ff7b72; --fl-3: #a371f7; --fl-4: #d29922; --fl-5: #4493f8; }
.fl-input { display: grid; gap: 6px; margin-bottom: 8px; }
.fl-input textarea { width: 100%; min-height: 90px; font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; color: var(--mle-fg); background: var(--mle-panel); border: 1px solid var(--mle-border); border-radius: 4px; padding: 6px; }
.fl-input textarea:focus-visible { outline: 2px solid var(--mle-accent); }
.fl-input.dragging textarea { border-color: var(--mle-accent); border-style: dashed; }
.fl-row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.fl-families { border: 1px solid var(--mle-border); border-radius: 4px; padding: 4px 8px; margin: 0 0 8px; display: flex; flex-wrap: wrap; gap: 2px 12px; }
.fl-families legend { font-weight: 600; font-size: 13px; }
.fl-families label { font-size: 13px; white-space: nowrap; }
.fl-table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 12.5px; }
.fl-table caption { text-align: left; font-weight: 600; margin-bottom: 4px; }
.fl-table th, .fl-table td { padding: 2px 8px; border-bottom: 1px solid var(--mle-border); text-align: right; vertical-align: top; white-space: nowrap; }
.fl-table th[scope="row"], .fl-table td.fl-name { text-align: left; }
.fl-skipped { color: var(--mle-warn); }
.fl-charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 8px; }
.fl-reading { font-weight: 500; }
`;
    const input = document.createElement('div');
    input.className = 'fl-input';
    const areaId = `${this.jobKey}-text`;
    const areaLabel = document.createElement('label');
    areaLabel.htmlFor = areaId;
    areaLabel.textContent = t(TEXT.paste);
    this.textArea = document.createElement('textarea');
    this.textArea.id = areaId;
    this.textArea.spellcheck = false;
    this.textArea.addEventListener('paste', (event) => this.onPaste(event));
    this.textArea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.useText(this.textArea.value);
      }
    });
    const row = document.createElement('div');
    row.className = 'fl-row';
    const fitButton = document.createElement('button');
    fitButton.type = 'button';
    fitButton.textContent = t(TEXT.fit);
    fitButton.addEventListener('click', () => {
      if (this.textArea.value.trim() === '' && this.customText) this.scheduleRender();
      else this.useText(this.textArea.value);
    });
    const fileLabel = document.createElement('label');
    fileLabel.textContent = `${t(TEXT.file)} `;
    this.fileInput = document.createElement('input');
    this.fileInput.type = 'file';
    this.fileInput.accept = '.csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values';
    this.fileInput.addEventListener('change', () => {
      const file = this.fileInput.files?.[0];
      if (file) void this.readFile(file);
    });
    fileLabel.append(this.fileInput);
    this.columnLabel = document.createElement('label');
    this.columnLabel.textContent = `${t(TEXT.column)} `;
    this.columnSelect = document.createElement('select');
    this.columnSelect.addEventListener('change', () => {
      this.column = this.columnSelect.value === '' ? undefined : Number(this.columnSelect.value);
      this.scheduleRender();
    });
    this.columnLabel.append(this.columnSelect);
    this.columnLabel.hidden = true;
    row.append(fitButton, fileLabel, this.columnLabel);
    input.append(areaLabel, this.textArea, row);
    input.addEventListener('dragover', (event) => {
      event.preventDefault();
      input.classList.add('dragging');
    });
    input.addEventListener('dragleave', () => input.classList.remove('dragging'));
    input.addEventListener('drop', (event) => {
      event.preventDefault();
      input.classList.remove('dragging');
      const file = event.dataTransfer?.files[0];
      if (file) void this.readFile(file);
    });

    this.sourceNote = note('', 'legend-note', 'source');
    this.skippedNote = note('', 'legend-note fl-skipped', 'skipped');
    this.skippedDetails = document.createElement('details');
    this.skippedDetails.hidden = true;
    const summary = document.createElement('summary');
    summary.textContent = this.uiLang === 'zh' ? '全部跳过的内容' : 'Every skipped token';
    this.skippedList = document.createElement('ul');
    this.skippedDetails.append(summary, this.skippedList);

    const families = document.createElement('fieldset');
    families.className = 'fl-families';
    const legend = document.createElement('legend');
    legend.textContent = t(TEXT.families);
    families.append(legend);
    for (const f of FAMILIES) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = f.name;
      box.dataset['family'] = f.name;
      box.addEventListener('change', () => this.onFamiliesChanged());
      label.append(box, ` ${t(f.label)}`);
      families.append(label);
      this.checkboxes.set(f.name, box);
    }

    this.progress = createProgress(this.uiLang);
    this.status = note('', 'legend-note status', 'status');
    this.resultTable = document.createElement('table');
    this.resultTable.className = 'fl-table';
    this.failedNote = note('', 'legend-note', 'failed');
    this.reading = note('', 'fl-reading', 'reading');
    const bootRow = document.createElement('div');
    bootRow.className = 'fl-row';
    this.bootstrapButton = document.createElement('button');
    this.bootstrapButton.type = 'button';
    this.bootstrapButton.textContent = t(TEXT.bootstrap);
    this.bootstrapButton.addEventListener('click', () => void this.runBootstrap());
    bootRow.append(this.controlsFor(['replicates']), this.bootstrapButton);

    const profileLabel = document.createElement('label');
    profileLabel.textContent = `${t(TEXT.profileOf)} `;
    this.profileSelect = document.createElement('select');
    this.profileSelect.addEventListener('change', () => void this.drawSelected());
    profileLabel.append(this.profileSelect);

    this.boxes = { density: chartBox(), qq: chartBox(), pp: chartBox(), ecdf: chartBox(), profile: chartBox() };
    this.srTables = { density: createDataTable(t(TEXT.ecdf)), profile: createDataTable(t(TEXT.profile)) };
    const charts = document.createElement('div');
    charts.className = 'fl-charts';
    charts.append(this.boxes.qq, this.boxes.pp);
    this.code = codeBlock(this.uiLang);
    this.presetControls = this.controlsFor(['preset', 'seed']);
    const actions = this.actionBar(async () => this.csvColumns());
    body.append(
      style,
      input,
      this.presetControls,
      this.sourceNote,
      this.skippedNote,
      this.skippedDetails,
      families,
      this.progress.element,
      this.status,
      this.reading,
      tableScroll(this.resultTable, this.uiLang),
      this.failedNote,
      bootRow,
      this.boxes.density,
      this.boxes.ecdf,
      profileLabel,
      charts,
      this.boxes.profile,
      this.srTables.density.element,
      this.srTables.profile.element,
      actions,
      note(t(TEXT.code)),
      this.code,
    );
  }

  // ── Data in ──────────────────────────────────────────────────────────────

  private onPaste(event: ClipboardEvent): void {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (text.length <= SHOWN_TEXT) return; // the text area takes it; "Fit" or Ctrl+Enter fits it
    event.preventDefault();
    this.textArea.value = '';
    this.textArea.placeholder = fillTemplate(TEXT.large[this.uiLang], { size: formatCount(text.length, this.uiLang) });
    this.useText(text);
  }

  private async readFile(file: File): Promise<void> {
    this.column = undefined;
    // A large file goes to the worker unread: the page never holds its text.
    if (file.size > SHOWN_TEXT) {
      this.textArea.value = '';
      this.useText(file);
      return;
    }
    const text = await file.text();
    this.textArea.value = text;
    this.useText(text);
  }

  /**
   * Fits the reader's data: short text goes into the `data` parameter (and the URL); longer text and
   * large files are kept as a Blob that the worker reads.
   */
  private useText(text: string | Blob): void {
    // An empty paste is fitted as what it is (nothing: an error), not replaced by the preset.
    if (typeof text === 'string' && text.trim() !== '' && text.length <= dataParam.maxLength) {
      if (this.state['data'] !== text) this.column = undefined;
      this.state['data'] = text;
      this.customText = undefined;
    } else {
      this.column = undefined;
      this.state['data'] = '';
      this.customText = typeof text === 'string' ? { id: ++longTexts, text } : text;
    }
    this.writeUrl();
    this.scheduleRender();
  }

  private onFamiliesChanged(): void {
    const chosen = FAMILY_NAMES.filter((name) => this.checkboxes.get(name)?.checked);
    this.state['families'] = chosen.join(',');
    this.writeUrl();
    this.scheduleRender();
  }

  private source(): SourceKey {
    const preset = this.state['preset'] as string;
    if (this.lastPreset !== undefined && preset !== this.lastPreset) {
      // The reader chose a preset: it replaces their text.
      this.customText = undefined;
      this.state['data'] = '';
      this.textArea.value = '';
    }
    this.lastPreset = preset;
    const data = this.state['data'] as string;
    if (data.trim() !== '') return { kind: 'text', text: data, column: this.column };
    if (this.customText !== undefined) return { kind: 'text', text: this.customText, column: this.column };
    const real = REAL_DATASETS.find((d) => d.name === preset);
    if (real) return { kind: 'text', text: real.text, column: undefined };
    return { kind: 'preset', preset, seed: this.state['seed'] as number };
  }

  private chosenFamilies(): string[] | undefined {
    const raw = (this.state['families'] as string).trim();
    if (raw === '') return undefined;
    const names = raw.split(/[\s,;]+/).filter((s) => s !== '');
    for (const name of names) {
      if (!FAMILY_NAMES.includes(name)) {
        throw new Error(fillTemplate(TEXT.unknownFamily[this.uiLang], { name: name.slice(0, 40), list: FAMILY_NAMES.join(', ') }));
      }
    }
    return [...new Set(names)];
  }

  /** Loads the data source into the worker when it changed; returns the handle (null: no values). */
  private async load(source: SourceKey): Promise<DatasetHandle | null> {
    const key =
      source.kind === 'preset'
        ? `p:${source.preset}:${source.seed}`
        : `${source.column ?? ''}:${typeof source.text === 'string' ? `t:${source.text}` : source.text instanceof Blob ? `b:${blobId(source.text)}` : `l:${source.text.id}`}`;
    if (key === this.sourceKey && (this.handle || this.loaded)) return this.handle;
    const client = sharedClient();
    const old = this.handle;
    let loaded: LoadTextResult | null = null;
    let handle: DatasetHandle | null;
    if (source.kind === 'text') {
      const options = source.column === undefined ? {} : { column: source.column };
      const text = source.text;
      if (typeof text === 'string' || text instanceof Blob) {
        loaded = await client.loadText(text, options);
      } else if (text.text.length <= PIECE) {
        loaded = await client.loadText(text.text, options);
      } else {
        // In pieces, a task each: one 7 MB message would hold the page for a noticeable moment.
        const buffer = text.id;
        for (let start = 0; start < text.text.length; start += PIECE) {
          await client.appendText(buffer, text.text.slice(start, start + PIECE));
        }
        loaded = await client.loadText({ buffer }, options);
      }
      handle = loaded.handle;
    } else {
      const s = SEEDED[source.preset] as (typeof SEEDED)[string];
      handle = await client.generateFamily({ family: s.family as never, params: s.params, n: s.n, seed: source.seed });
    }
    if (old) void client.release(old).catch(() => undefined);
    this.handle = handle;
    this.loaded = loaded;
    this.sourceKey = key;
    this.fitKey = '';
    this.showSource(source);
    return handle;
  }

  /**
   * While the reader's own numbers (pasted, dropped, from the URL or the data attribute) are fitted,
   * the preset menu shows "(your data)" — an option that cannot be chosen — instead of the preset
   * whose data are not on screen; choosing a preset brings that preset's data back as before.
   */
  private markPresetMenu(own: boolean): void {
    const select = this.presetControls.querySelector('select');
    if (!select) return;
    let marker = select.querySelector<HTMLOptionElement>('option[data-own-data]');
    if (own) {
      if (!marker) {
        marker = document.createElement('option');
        marker.dataset['ownData'] = '';
        marker.value = '';
        marker.disabled = true;
        marker.textContent = TEXT.ownData[this.uiLang];
        select.prepend(marker);
      }
      select.value = '';
    } else if (marker) {
      marker.remove();
      select.value = this.state['preset'] as string;
    }
  }

  private showSource(source: SourceKey): void {
    const lang = this.uiLang;
    const loaded = this.loaded;
    const n = loaded?.n ?? this.handle?.n ?? 0;
    const real = source.kind === 'text' && this.state['data'] === '' && this.customText === undefined ? REAL_DATASETS.find((d) => d.name === this.state['preset']) : undefined;
    const what = source.kind === 'preset' ? `${(SEEDED[source.preset] as (typeof SEEDED)[string]).label[lang]}, seed ${source.seed}` : real ? `${real.label[lang]}. ${real.source[lang]}` : '';
    const decimal = loaded?.decimal === ',' ? TEXT.decimalComma[lang] : '';
    this.sourceNote.textContent = `${fillTemplate(TEXT.read[lang], { n: formatCount(n, lang) })}${decimal}${what ? ` — ${what}` : ''}`;
    this.markPresetMenu(source.kind === 'text' && real === undefined);
    // Columns: offered when a line holds several fields.
    const columns = loaded?.columns ?? [];
    this.columnLabel.hidden = columns.length < 2;
    if (columns.length >= 2) {
      this.columnSelect.replaceChildren();
      const all = document.createElement('option');
      all.value = '';
      all.textContent = TEXT.allFields[lang];
      this.columnSelect.append(all);
      columns.forEach((name, i) => {
        const option = document.createElement('option');
        option.value = String(i);
        option.textContent = name;
        this.columnSelect.append(option);
      });
      this.columnSelect.value = this.column === undefined ? '' : String(this.column);
    }
    // Skipped tokens: counted, the first few in the sentence, the rest listed; all as text.
    const errors = loaded?.errors ?? [];
    const count = loaded?.errorCount ?? 0;
    if (count === 0) {
      this.skippedNote.textContent = '';
      this.skippedDetails.hidden = true;
      return;
    }
    const line = lang === 'zh' ? '第' : 'line';
    const describe = (e: { line: number; text: string }) => (lang === 'zh' ? `${line} ${e.line} 行 “${e.text}”` : `${line} ${e.line} ‘${e.text}’`);
    const shown = errors.slice(0, LISTED_ERRORS).map(describe).join(lang === 'zh' ? '；' : '; ');
    this.skippedNote.textContent = `${fillTemplate(TEXT.skipped[lang], { count: formatCount(count, lang) })}${shown}${count > LISTED_ERRORS ? ' …' : ''}`;
    this.skippedList.replaceChildren(
      ...errors.map((e) => {
        const li = document.createElement('li');
        li.textContent = `${describe(e)}: ${e.message}`;
        return li;
      }),
    );
    this.skippedDetails.hidden = count <= LISTED_ERRORS;
  }

  // ── Fitting ──────────────────────────────────────────────────────────────

  protected async render({ isStale }: RenderContext): Promise<void> {
    const generation = ++this.generation;
    const families = this.chosenFamilies();
    const source = this.source();
    const handle = await this.load(source);
    if (isStale()) return;
    if (!handle) {
      this.clearResults();
      throw new Error(TEXT.noValues[this.uiLang]);
    }
    const key = `${families?.join(',') ?? ''}|${this.sourceKey}`;
    if (key !== this.fitKey || !this.result) {
      this.status.textContent = TEXT.fitting[this.uiLang];
      const outcome = await runLongJob(this.progress, this.jobKey, isStale, (control) =>
        sharedClient().fitFamilies(handle, families ? { families: families as never } : {}, control),
      );
      if (outcome.status === 'stale' || generation !== this.generation) return;
      if (outcome.status === 'cancelled') {
        this.reportCancelled(this.status);
        return;
      }
      this.status.textContent = '';
      this.result = outcome.value;
      this.fitKey = key;
      this.pValues.clear();
      this.fillProfileSelect();
    }
    await this.drawResult();
    await this.drawSelected(isStale);
  }

  private clearResults(): void {
    this.result = undefined;
    this.fitKey = '';
    this.resultTable.replaceChildren();
    this.reading.textContent = '';
    this.failedNote.textContent = '';
    this.code.textContent = '';
  }

  private async runBootstrap(): Promise<void> {
    const result = this.result;
    const handle = this.handle;
    if (!result || !handle) return;
    const generation = this.generation;
    const replicates = this.state['replicates'] as number;
    const seed = this.state['seed'] as number;
    this.bootstrapButton.disabled = true;
    try {
      for (const fit of result.fits) {
        const outcome = await runLongJob(this.progress, `${this.jobKey}-boot`, () => generation !== this.generation, (control) =>
          sharedClient().goodnessOfFit(handle, fit.family, { replicates, seed }, control),
        );
        if (outcome.status === 'stale') return;
        if (outcome.status === 'cancelled') {
          this.reportCancelled(this.status);
          return;
        }
        this.pValues.set(fit.family, outcome.value);
        this.drawTable();
      }
      this.say(this.uiLang === 'zh' ? '自助法 p 值已算完。' : 'Bootstrap p-values done.');
    } catch (error) {
      this.status.textContent = error instanceof Error ? error.message : String(error);
    } finally {
      this.bootstrapButton.disabled = false;
    }
  }

  // ── Drawing ──────────────────────────────────────────────────────────────

  private fillProfileSelect(): void {
    const result = this.result;
    const previous = this.profileSelect.value;
    this.profileSelect.replaceChildren();
    for (const fit of result?.fits ?? []) {
      for (const p of fit.parameters) {
        const option = document.createElement('option');
        option.value = `${fit.family}:${p}`;
        option.textContent = `${this.familyLabel(fit.family)}: ${p}`;
        this.profileSelect.append(option);
      }
    }
    if ([...this.profileSelect.options].some((o) => o.value === previous)) this.profileSelect.value = previous;
  }

  private familyLabel(name: string): string {
    return FAMILIES.find((f) => f.name === name)?.label[this.uiLang] ?? name;
  }

  /** Draws the table, the reading and the two large charts, a task each (no long main-thread task). */
  private async drawResult(): Promise<void> {
    const result = this.result;
    if (!result) return;
    const lang = this.uiLang;
    const tried = new Set([...result.fits.map((f) => f.family as string), ...result.failed.map((f) => f.family)]);
    for (const [name, box] of this.checkboxes) box.checked = tried.has(name);
    this.drawTable();
    const lines: string[] = [];
    if (result.failed.length > 0) lines.push(TEXT.failed[lang] + result.failed.map((f) => `${this.familyLabel(f.family)} (${f.reason})`).join('; '));
    if (result.excluded.length > 0) lines.push(TEXT.excluded[lang] + result.excluded.map((f) => this.familyLabel(f.family)).join(', '));
    lines.push(...result.notes);
    this.failedNote.textContent = lines.join(' ');
    this.reading.textContent = this.readingText(result);
    await nextTask();
    await this.drawDensity(result);
    await nextTask();
    this.drawEcdf(result);
    this.code.textContent = fitCode(result.fits.map((f) => f.family), this.handle?.n ?? 0, this.codeData());
  }

  private codeData(): string | undefined {
    const data = this.state['data'] as string;
    if (data.trim() !== '') return data;
    const real = REAL_DATASETS.find((d) => d.name === this.state['preset']);
    return this.customText === undefined && real ? real.text : undefined;
  }

  private readingText(result: FitFamiliesResult): string {
    const lang = this.uiLang;
    const [best, next] = result.fits;
    if (!best) return '';
    let second: string = TEXT.only[lang];
    if (next) {
      const d = next.deltaAic;
      const strength = d > 10 ? TEXT.strong : d > 2 ? TEXT.moderate : TEXT.close;
      second = fillTemplate(TEXT.second[lang], { name: this.familyLabel(next.family), delta: sig(d, 4), strength: strength[lang] });
    }
    return fillTemplate(TEXT.reading[lang], { best: this.familyLabel(best.family), w: sig(best.akaikeWeight, 3), second });
  }

  private drawTable(): void {
    const result = this.result;
    if (!result) return;
    const t = (text: Text) => text[this.uiLang];
    const table = this.resultTable;
    table.replaceChildren();
    const method = (result.intervalMethod === 'wald' ? TEXT.waldIntervals : TEXT.profileIntervals)[this.uiLang];
    table.createCaption().textContent = fillTemplate(TEXT.table[this.uiLang], { level: `${Math.round(result.level * 100)}%`, method });
    const head = table.createTHead().insertRow();
    for (const label of [t(TEXT.rank), t(TEXT.family), t(TEXT.parameter), t(TEXT.estimate), t(TEXT.interval), 'ℓ', 'AIC', 'ΔAIC', t(TEXT.weight), 'BIC', 'KS', 'CvM', 'AD']) {
      head.append(headerCell(label, 'col'));
    }
    const body = table.createTBody();
    for (const fit of result.fits) {
      const boot = this.pValues.get(fit.family);
      const rows = Math.max(1, fit.parameters.length);
      fit.parameters.forEach((p, i) => {
        const tr = body.insertRow();
        tr.dataset['family'] = fit.family;
        tr.dataset['parameter'] = p;
        const cell = (col: string, text: string, span = 1) => {
          const td = tr.insertCell();
          td.dataset['col'] = col;
          td.textContent = text;
          if (span > 1) td.rowSpan = span;
          return td;
        };
        if (i === 0) {
          cell('rank', String(fit.rank), rows);
          const th = headerCell(this.familyLabel(fit.family), 'row');
          th.rowSpan = rows;
          th.dataset['col'] = 'family';
          tr.append(th);
        }
        const ci = fit.intervals[p];
        cell('parameter', p).className = 'fl-name';
        cell('estimate', `${sig(fit.estimates[p] as number)} ± ${sig(fit.standardErrors[p] as number, 5)}`);
        cell('interval', ci ? `[${sig(ci.lower)}, ${sig(ci.upper)}]` : '—');
        if (i === 0) {
          cell('loglik', sig(fit.logLikelihood, 8), rows);
          cell('aic', sig(fit.aic, 8), rows);
          cell('delta', sig(fit.deltaAic, 5), rows);
          cell('weight', sig(fit.akaikeWeight, 4), rows);
          cell('bic', sig(fit.bic, 8), rows);
          const withP = (v: number, b?: { pValue: number }) => (b ? `${sig(v, 5)} (p = ${sig(b.pValue, 3)})` : sig(v, 5));
          cell('ks', withP(fit.ks, boot?.ks), rows);
          cell('cvm', withP(fit.cvm, boot?.cvm), rows);
          cell('ad', withP(fit.ad, boot?.ad), rows);
        }
      });
    }
  }

  private series(i: number): string {
    return `--fl-${(i % TOP) + 1}`;
  }

  private async drawDensity(result: FitFamiliesResult): Promise<void> {
    const t = (text: Text) => text[this.uiLang];
    const top = result.fits.slice(0, TOP);
    const label = fillTemplate((result.counts ? TEXT.bars : TEXT.density)[this.uiLang], { k: String(top.length) });
    // One chart per shape of the curve list: recreated when the families drawn change.
    this.density?.destroy();
    this.boxes.density.replaceChildren();
    this.density = createDensityChart({
      container: this.boxes.density,
      height: 280,
      label,
      xLabel: t(TEXT.value),
      yLabel: t(TEXT.densityAxis),
      curves: top.map((f, i) => ({ label: this.familyLabel(f.family), colour: this.series(i), width: i === 0 ? 2.5 : 1.5 })),
    });
    await nextTask();
    this.density.update({
      x: result.grid,
      curves: top.map((f) => Array.from(f.pdf, (v) => (Number.isFinite(v) ? v : null))),
      bars: [{ edges: result.histogram.edges, heights: result.histogram.density, colour: '--mle-bar' }],
    });
    this.srTables.density.update([{ name: t(TEXT.value), values: result.grid }, ...top.map((f) => ({ name: f.family, values: f.pdf }))]);
  }

  private drawEcdf(result: FitFamiliesResult): void {
    const t = (text: Text) => text[this.uiLang];
    const top = result.fits.slice(0, TOP);
    const joined = uPlot.join([
      [Array.from(result.ecdf.x), Array.from(result.ecdf.y)],
      [Array.from(result.grid), ...top.map((f) => Array.from(f.cdf))],
    ] as uPlot.AlignedData[]);
    this.charts.ecdf?.destroy();
    this.boxes.ecdf.replaceChildren();
    this.charts.ecdf = createChart({
      container: this.boxes.ecdf,
      height: 240,
      label: t(TEXT.ecdf),
      data: joined,
      options: (colour) => ({
        scales: { x: { time: false }, y: { range: [0, 1] } },
        axes: themedAxes(colour, { x: t(TEXT.value), y: 'F(x)' }),
        series: [
          {},
          { label: t(TEXT.data), stroke: colour('--mle-muted'), width: 1.5, spanGaps: true, ...(stepped ? { paths: stepped } : {}), points: { show: false } },
          ...top.map((f, i) => ({ label: this.familyLabel(f.family), stroke: colour(this.series(i)), width: i === 0 ? 2 : 1.25, spanGaps: true, points: { show: false } })),
        ],
      }),
    });
  }

  /** Q-Q, P-P and the profile for the family and parameter chosen in the select. */
  private async drawSelected(isStale: () => boolean = () => false): Promise<void> {
    const result = this.result;
    const handle = this.handle;
    if (!result || !handle) return;
    const [family, parameter] = (this.profileSelect.value || '').split(':');
    const fit = result.fits.find((f) => f.family === family) ?? result.fits[0];
    if (!fit) return;
    await nextTask();
    this.drawPoints('qq', fit, fit.qq, TEXT.qq);
    await nextTask();
    this.drawPoints('pp', fit, fit.pp, TEXT.pp);
    const p = parameter && fit.parameters.includes(parameter) ? parameter : fit.parameters[0];
    if (!p) return;
    const outcome = await runLongJob(this.progress, `${this.jobKey}-profile`, isStale, (control) =>
      sharedClient().profile(handle, fit.family, p, { level: result.level }, control),
    );
    if (outcome.status !== 'done') return;
    await nextTask();
    this.drawProfile(outcome.value);
  }

  private drawPoints(which: 'qq' | 'pp', fit: FamilyFit, points: { theoretical: Float64Array; empirical: Float64Array }, title: Text): void {
    const t = (text: Text) => text[this.uiLang];
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < points.theoretical.length; i++) {
      const a = points.theoretical[i] as number;
      const b = points.empirical[i] as number;
      if (Number.isFinite(a) && Number.isFinite(b)) {
        x.push(a);
        y.push(b);
      }
    }
    const data: uPlot.AlignedData = [x, y, x];
    this.charts[which]?.destroy();
    this.boxes[which].replaceChildren();
    this.charts[which] = createChart({
      container: this.boxes[which],
      height: 240,
      label: `${t(title)} — ${this.familyLabel(fit.family)}`,
      data,
      options: (colour) => ({
        scales: { x: { time: false } },
        axes: themedAxes(colour, { x: `${t(TEXT.fitted)} (${this.familyLabel(fit.family)})`, y: t(TEXT.data) }),
        series: [
          {},
          { label: t(TEXT.data), stroke: colour('--fl-1'), width: 0, points: { show: true, size: 4, fill: colour('--fl-1') } },
          { label: t(TEXT.identity), stroke: colour('--mle-muted'), width: 1, dash: [4, 4], points: { show: false } },
        ],
      }),
    });
  }

  private drawProfile(curve: ProfileCurve): void {
    const t = (text: Text) => text[this.uiLang];
    const x = Array.from(curve.x);
    const inside = x.map((v) => (v >= curve.interval.lower && v <= curve.interval.upper ? curve.cut : null));
    const data: uPlot.AlignedData = [x, Array.from(curve.profile, (v) => (Number.isFinite(v) ? v : null)), x.map(() => curve.cut), inside];
    this.charts.profile?.destroy();
    this.boxes.profile.replaceChildren();
    this.charts.profile = createChart({
      container: this.boxes.profile,
      height: 240,
      label: `${t(TEXT.profile)} — ${this.familyLabel(curve.family)}: ${curve.parameter}`,
      data,
      options: (colour) => ({
        scales: { x: { time: false } },
        axes: themedAxes(colour, { x: `${this.familyLabel(curve.family)}: ${curve.parameter}`, y: 'ℓ_p' }),
        series: [
          {},
          { label: 'ℓ_p', stroke: colour('--fl-5'), width: 2, points: { show: false } },
          { label: t(TEXT.cut), stroke: colour('--mle-muted'), width: 1, dash: [5, 4], points: { show: false } },
          { label: `${t(TEXT.inside)} [${sig(curve.interval.lower)}, ${sig(curve.interval.upper)}]`, stroke: colour('--fl-2'), width: 4, points: { show: false } },
        ],
      }),
    });
    this.srTables.profile.update([
      { name: curve.parameter, values: curve.x },
      { name: 'profile log-likelihood', values: curve.profile },
    ]);
  }

  protected override onThemeChange(): void {
    this.density?.restyle();
    for (const chart of Object.values(this.charts)) chart?.restyle();
  }

  protected override announcement(): string {
    return this.result ? this.reading.textContent ?? '' : '';
  }

  private csvColumns(): { name: string; values: (number | string)[] }[] {
    const result = this.result;
    if (!result) return [];
    const rows = result.fits.flatMap((f) => f.parameters.map((p) => ({ f, p })));
    const col = (name: string, get: (r: { f: FamilyFit; p: string }) => number | string) => ({ name, values: rows.map(get) });
    const boot = (key: 'ks' | 'cvm' | 'ad') => (r: { f: FamilyFit }) => this.pValues.get(r.f.family)?.[key].pValue ?? '';
    return [
      col('rank', (r) => r.f.rank),
      col('family', (r) => r.f.family),
      col('parameter', (r) => r.p),
      col('estimate', (r) => r.f.estimates[r.p] as number),
      col('se', (r) => r.f.standardErrors[r.p] as number),
      col('lower', (r) => r.f.intervals[r.p]?.lower ?? NaN),
      col('upper', (r) => r.f.intervals[r.p]?.upper ?? NaN),
      col('loglik', (r) => r.f.logLikelihood),
      col('aic', (r) => r.f.aic),
      col('delta_aic', (r) => r.f.deltaAic),
      col('akaike_weight', (r) => r.f.akaikeWeight),
      col('bic', (r) => r.f.bic),
      col('ks', (r) => r.f.ks),
      col('cvm', (r) => r.f.cvm),
      col('ad', (r) => r.f.ad),
      col('ks_p', boot('ks')),
      col('cvm_p', boot('cvm')),
      col('ad_p', boot('ad')),
    ];
  }
}
