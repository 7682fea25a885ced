import { toCsv, type CsvColumn } from './csv.ts';
import type { Lang } from './i18n.ts';

/** What the action bar needs from its widget. */
export interface ActionSource {
  /** The element (for its tag and attributes). */
  element: HTMLElement;
  /** The widget's state as attribute/query pairs. */
  state(): Record<string, string>;
  /** Data and results as CSV columns (fetched from the worker if needed). */
  csv(): Promise<readonly CsvColumn[]>;
  /** The canvases to save as one PNG, top to bottom. */
  canvases(): HTMLCanvasElement[];
  /** File name stem, e.g. 'mle-data-explorer'. */
  name: string;
}

const LABELS = {
  link: { zh: '复制链接', en: 'Copy link' },
  embed: { zh: '复制嵌入代码', en: 'Copy embed code' },
  csv: { zh: '下载 CSV', en: 'Download CSV' },
  png: { zh: '保存 PNG', en: 'Save PNG' },
  copied: { zh: '已复制', en: 'Copied' },
  downloaded: { zh: '已下载 ', en: 'Downloaded ' },
  copyFailed: { zh: '无法访问剪贴板，请手动复制：', en: 'The clipboard is not available; copy this by hand: ' },
};

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The script URL the widgets were loaded from (for embed snippets), else this page's origin. */
function embedScriptUrl(): string {
  const script = [...document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')].find((s) => /\/embed\/widgets\.js(\?|$)/.test(s.src));
  return script?.src ?? new URL('/embed/widgets.js', location.href).href;
}

/** A link to this page that reproduces the widget's state through the URL. */
export function stateLink(state: Record<string, string>, prefix = ''): string {
  const url = new URL(location.href);
  for (const [k, v] of Object.entries(state)) url.searchParams.set(`${prefix}${k}`, v);
  return url.href;
}

/** The HTML that embeds this widget with this state elsewhere. */
export function embedCode(tag: string, state: Record<string, string>): string {
  const attrs = Object.entries(state)
    .map(([k, v]) => ` ${k}="${v.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`)
    .join('');
  return `<script type="module" src="${embedScriptUrl()}"></script>\n<${tag}${attrs}></${tag}>`;
}

/** Draws several canvases into one PNG, top to bottom, on the widget's background colour. */
export async function canvasesToPng(canvases: HTMLCanvasElement[], background: string): Promise<Blob> {
  const width = Math.max(1, ...canvases.map((c) => c.width));
  const height = Math.max(1, canvases.reduce((h, c) => h + c.height, 0));
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('save PNG: this browser cannot draw on a canvas');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, width, height);
  let y = 0;
  for (const c of canvases) {
    ctx.drawImage(c, 0, y);
    y += c.height;
  }
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('save PNG: encoding failed'))), 'image/png'));
}

/**
 * The row of buttons under every widget: copy link, copy embed code, download CSV, save PNG.
 * `status` receives short confirmations for the widget's live region.
 */
export function createActionBar(source: ActionSource, lang: Lang, status: (message: string) => void): HTMLElement {
  const bar = document.createElement('div');
  bar.className = 'actions';
  const button = (label: string, action: () => Promise<void>) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', () => {
      action().catch((error: unknown) => status(error instanceof Error ? error.message : String(error)));
    });
    bar.append(b);
    return b;
  };
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      status(LABELS.copied[lang]);
    } catch {
      status(LABELS.copyFailed[lang] + text);
    }
  };
  button(LABELS.link[lang], () => copy(stateLink(source.state(), source.element.getAttribute('url-prefix') ?? '')));
  button(LABELS.embed[lang], () => copy(embedCode(source.element.localName, source.state())));
  button(LABELS.csv[lang], async () => {
    download(new Blob([toCsv(await source.csv())], { type: 'text/csv' }), `${source.name}.csv`);
    // Replaces an earlier "Copied", which would otherwise still be what the live region says.
    status(`${LABELS.downloaded[lang]}${source.name}.csv`);
  });
  button(LABELS.png[lang], async () => {
    const background = getComputedStyle(source.element).getPropertyValue('--mle-bg').trim() || '#fff';
    download(await canvasesToPng(source.canvases(), background), `${source.name}.png`);
    status(`${LABELS.downloaded[lang]}${source.name}.png`);
  });
  return bar;
}
