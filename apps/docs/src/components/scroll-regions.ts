// Wide display formulas and tables on a narrow screen: a `.math-display` (or a Markdown table, which
// Starlight makes its own scroll box) that is wider than the column scrolls sideways. A scroll region only a mouse or finger can move is unreachable by keyboard (WCAG 2.1.1,
// axe `scrollable-region-focusable`), so every formula that overflows becomes a focusable, labelled
// group (arrow keys then scroll it), every such table a focusable table (its caption-less content
// names it), and each stops being one when the column grows wide enough again.
// The visible cue that it scrolls is CSS (site.css: edge shadows that follow the scroll position).

/** The label a scrolling formula gets, in the page's language. */
export function scrollLabel(lang: string): string {
  return lang.toLowerCase().startsWith('zh') ? '公式（可左右滚动）' : 'Formula (scrolls sideways)';
}

/**
 * Makes `el` reachable by keyboard while its content overflows (and plain otherwise); with a `label`
 * it also becomes a named group (a formula), without one it keeps its own role (a table).
 */
export function markScrollable(el: HTMLElement, label?: string): void {
  const overflows = el.scrollWidth > el.clientWidth + 1;
  if (overflows === el.hasAttribute('data-scrolls')) return;
  if (overflows) {
    el.tabIndex = 0;
    if (label !== undefined) {
      el.setAttribute('role', 'group');
      el.setAttribute('aria-label', label);
    }
    el.dataset['scrolls'] = '';
  } else {
    el.removeAttribute('tabindex');
    if (label !== undefined) {
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
    }
    delete el.dataset['scrolls'];
  }
}

/** The boxes that may scroll sideways: display formulas and Markdown tables. */
const SCROLL_BOXES = '.math-display, .sl-markdown-content table';

/** Marks one box (see markScrollable): a formula with the page's label, a table with none. */
function markBox(el: HTMLElement, label: string): void {
  markScrollable(el, el.localName === 'table' ? undefined : label);
}

/**
 * Marks the boxes in `blocks` (each block itself or inside it) now, once they are laid out: for blocks
 * that were skipped while far from the screen (render-ahead.ts), whose size the observer below may
 * never see change.
 */
export function markScrollRegionsIn(blocks: readonly HTMLElement[]): void {
  const label = scrollLabel(document.documentElement.lang);
  for (const block of blocks) {
    if (block.matches(SCROLL_BOXES)) markBox(block, label);
    for (const el of block.querySelectorAll<HTMLElement>(SCROLL_BOXES)) markBox(el, label);
  }
}

/** Watches every display formula and Markdown table on the page (one ResizeObserver) and keeps `markScrollable` current. */
export function watchScrollableFormulas(root: ParentNode = document): void {
  const boxes = root.querySelectorAll<HTMLElement>(SCROLL_BOXES);
  if (boxes.length === 0) return;
  const label = scrollLabel(document.documentElement.lang);
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) markBox(entry.target as HTMLElement, label);
  });
  for (const el of boxes) observer.observe(el);
}
