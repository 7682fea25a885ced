import uplotCss from 'uplot/dist/uPlot.min.css?inline';

/** Styles every widget shares (inside its shadow root). Colours follow the page's light/dark scheme. */
export const baseCss = `
${uplotCss}
:host {
  --mle-fg: #1f2328;
  --mle-muted: #59636e;
  --mle-bg: #ffffff;
  --mle-panel: #f6f8fa;
  --mle-border: #d0d7de;
  --mle-accent: #0969da;
  --mle-truth: #cf222e;
  --mle-fit: #1a7f37;
  --mle-bar: rgba(9, 105, 218, 0.35);
  --mle-bar-alt: rgba(26, 127, 55, 0.3);
  --mle-kde: #8250df;
  --mle-warn: #9a6700;
  --mle-error: #cf222e;
  display: block;
  box-sizing: border-box;
  min-height: var(--mle-min-height, 520px);
  max-width: 100%;
  color: var(--mle-fg);
  background: var(--mle-bg);
  border: 1px solid var(--mle-border);
  border-radius: 8px;
  padding: 12px;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", sans-serif;
  contain: layout;
}
:host([data-theme="dark"]) {
  --mle-fg: #e6edf3;
  --mle-muted: #9198a1;
  --mle-bg: #0d1117;
  --mle-panel: #161b22;
  --mle-border: #3d444d;
  --mle-accent: #4493f8;
  --mle-truth: #ff7b72;
  --mle-fit: #3fb950;
  --mle-bar: rgba(68, 147, 248, 0.4);
  --mle-bar-alt: rgba(63, 185, 80, 0.35);
  --mle-kde: #a371f7;
  --mle-warn: #d29922;
  --mle-error: #ff7b72;
}
* { box-sizing: border-box; }
/* Until its first render is shown, a widget's body fills in unseen: controls, readouts, charts and code
   reach their final sizes in several steps, which shifted what was below them inside the widget when it
   built in view (a reader following a link to its section). A long first job's progress bar shows
   meanwhile, and a widget that reports an error shows everything. */
:host(:not([data-ready], [data-error])) .body { visibility: hidden; }
:host(:not([data-ready], [data-error])) .body .progress { visibility: visible; }
/* Meanwhile a screen reader reads the widget's name and that it loads when reached (waiting-note.ts). */
:host([data-ready]) .waiting, :host([data-error]) .waiting { display: none; }
.controls {
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
  gap: 8px 16px;
  margin: 0 0 10px;
  padding: 0;
  border: 0;
}
.control { display: grid; grid-template-columns: 1fr 6.5em; grid-template-rows: auto auto; gap: 2px 8px; align-items: center; }
.control label { grid-column: 1 / 3; font-weight: 600; font-size: 13px; }
.control-no-slider input[type="number"] { grid-column: 1 / 3; max-width: 12em; }
.control input[type="range"] { width: 100%; min-height: 28px; accent-color: var(--mle-accent); }
.control input[type="number"], .control select {
  width: 100%; min-height: 30px; font: inherit; color: var(--mle-fg); background: var(--mle-panel);
  border: 1px solid var(--mle-border); border-radius: 4px; padding: 2px 4px;
}
.control select { grid-column: 1 / 3; }
.control input[type="text"] {
  grid-column: 1 / 3; width: 100%; min-height: 30px; font: inherit; color: var(--mle-fg); background: var(--mle-panel);
  border: 1px solid var(--mle-border); border-radius: 4px; padding: 2px 6px; font-variant-numeric: tabular-nums;
}
.control .hint { grid-column: 1 / 3; color: var(--mle-muted); font-size: 12px; }
input:focus-visible, select:focus-visible, button:focus-visible { outline: 2px solid var(--mle-accent); outline-offset: 1px; }
.control input[aria-invalid="true"] { border-color: var(--mle-error); }
.readouts { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 8px 0; font-variant-numeric: tabular-nums; }
.readouts output { font-weight: 600; }
.chart { position: relative; width: 100%; min-height: 260px; }
.chart.compact { min-height: 120px; }
.legend-note { color: var(--mle-muted); font-size: 12px; }
.code { margin: 8px 0 0; padding: 8px; background: var(--mle-panel); border-radius: 4px; overflow-x: auto; font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre; }
.error { margin: 0 0 8px; padding: 6px 10px; border-left: 4px solid var(--mle-error); background: var(--mle-panel); color: var(--mle-error); }
.error:empty { display: none; }
.table-scroll { overflow-x: auto; }
.table-scroll th, .table-scroll td { white-space: nowrap; }
.table-scroll[data-scrolls], .code[data-scrolls] {
  --cover: var(--mle-bg);
  background:
    linear-gradient(to right, var(--cover) 30%, transparent) left center / 32px 100% no-repeat local,
    linear-gradient(to left, var(--cover) 30%, transparent) right center / 32px 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, color-mix(in srgb, var(--mle-fg) 35%, transparent), transparent) left center / 12px 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, color-mix(in srgb, var(--mle-fg) 35%, transparent), transparent) right center / 12px 100% no-repeat scroll;
}
.code[data-scrolls] { --cover: var(--mle-panel); background-color: var(--mle-panel); }
.table-scroll:focus-visible, .code:focus-visible { outline: 2px solid var(--mle-accent); outline-offset: 1px; }
.scroll-hint { margin: 2px 0 6px; color: var(--mle-muted); font-size: 12px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.colour-scale { display: flex; flex-wrap: wrap; align-items: center; gap: 2px 10px; margin: 6px 0 2px; font-size: 12px; }
.colour-scale-label { color: var(--mle-muted); }
.colour-scale-track { flex: 1 1 180px; max-width: 340px; padding: 0 8px; }
.colour-scale-bar { position: relative; height: 12px; border-radius: 2px; box-shadow: inset 0 0 0 1px var(--mle-border); }
.colour-scale-marker {
  position: absolute; top: -3px; bottom: -3px; width: 3px; margin-left: -1.5px;
  background: var(--mle-fg); box-shadow: 0 0 0 1px var(--mle-bg); border-radius: 1px;
}
.colour-scale-ticks { position: relative; height: 16px; color: var(--mle-muted); font-variant-numeric: tabular-nums; }
.colour-scale-ticks span { position: absolute; top: 1px; transform: translateX(-50%); }
button {
  font: inherit; font-size: 13px; min-height: 32px; padding: 4px 10px; cursor: pointer;
  color: var(--mle-fg); background: var(--mle-panel); border: 1px solid var(--mle-border); border-radius: 4px;
}
button:hover { border-color: var(--mle-accent); }
.progress { display: flex; align-items: center; gap: 8px; margin: 6px 0; }
.progress[hidden] { display: none; }
.progress progress { flex: 1; height: 10px; accent-color: var(--mle-accent); }
.uplot { font-family: inherit; color: var(--mle-fg); }
.u-legend { font-size: 12px; }
.u-legend .u-marker { border-radius: 2px; }
@media (max-width: 420px) {
  :host { padding: 8px; }
  .controls { grid-template-columns: 1fr; }
}
@media (prefers-reduced-motion: reduce) {
  * { transition: none !important; animation: none !important; }
}
`;
