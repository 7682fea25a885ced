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

/** Watches every display formula and Markdown table on the page (one ResizeObserver) and keeps `markScrollable` current. */
export function watchScrollableFormulas(root: ParentNode = document): void {
  const boxes = root.querySelectorAll<HTMLElement>('.math-display, .sl-markdown-content table');
  if (boxes.length === 0) return;
  const label = scrollLabel(document.documentElement.lang);
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const el = entry.target as HTMLElement;
      markScrollable(el, el.localName === 'table' ? undefined : label);
    }
  });
  for (const el of boxes) observer.observe(el);
}
