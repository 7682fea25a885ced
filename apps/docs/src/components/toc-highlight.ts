// The "On this page" highlight without its long task. Starlight 0.42's <starlight-toc> (and the mobile
// one) find the section in view by observing every block of the article, chosen with four `:has()`
// selectors; on a page of 13,000 KaTeX elements that query alone took 70–330 ms per table of contents,
// two long tasks on every course page. Here the current section is the last heading above the reading
// line, read from the headings' positions (a few dozen) once a frame while the page scrolls: the same
// answer, found in well under 1 ms.
//
// Starlight schedules its `init` for an idle moment after the element upgrades and looks the method
// up on the instance then; it is replaced on each instance before that moment comes. If a later
// Starlight renames it, nothing breaks: its own (slow) highlight runs instead.

/** The part of Starlight's table-of-contents element this relies on. */
interface StarlightToc extends HTMLElement {
  init: () => void;
  current: HTMLAnchorElement;
}

/** Starlight's id for the page title, the first entry ("Overview") of its table of contents. */
const PAGE_TITLE_ID = '_top';

/**
 * The index of the heading a reader at `line` (px from the viewport's top) is reading: the last one
 * whose top is above the line, else the first.
 *
 * @example
 * currentHeadingIndex([-400, -20, 300], 100); // => 1
 */
export function currentHeadingIndex(tops: readonly number[], line: number): number {
  let current = 0;
  for (const [i, top] of tops.entries()) if (top <= line) current = i;
  return current;
}

function fastInit(toc: StarlightToc): void {
  const links = [...toc.querySelectorAll('a')].filter((a) => a.hash.length > 1);
  const targets = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
  const pairs = links.flatMap((link, i) => (targets[i] ? [{ link, heading: targets[i] }] : []));
  if (pairs.length === 0) return;
  const update = (): void => {
    // Starlight's reading line: under the header (and the mobile summary), plus its 2rem and 53 px.
    const line =
      (document.querySelector('header')?.getBoundingClientRect().height ?? 0) + (toc.querySelector('summary')?.getBoundingClientRect().height ?? 0) + 32 + 53;
    const tops = pairs.map(({ heading }) => (heading.id === PAGE_TITLE_ID ? -Infinity : heading.getBoundingClientRect().top));
    const pair = pairs[currentHeadingIndex(tops, line)];
    if (pair) toc.current = pair.link;
  };
  // Once a frame at most while the page scrolls or resizes: a few dozen rectangles of a laid-out page.
  // (Not an IntersectionObserver on the headings: a jump to an anchor can skip a heading past any
  // band without it ever intersecting.)
  let queued = false;
  const schedule = (): void => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      update();
    });
  };
  addEventListener('scroll', schedule, { passive: true });
  addEventListener('resize', schedule, { passive: true });
  update();
}

/** Gives every Starlight table of contents on the page the heading-only highlight. */
export function speedUpTableOfContents(): void {
  for (const tag of ['starlight-toc', 'mobile-starlight-toc']) {
    void customElements.whenDefined(tag).then(() => {
      for (const toc of document.querySelectorAll<StarlightToc>(tag)) {
        if (typeof toc.init === 'function') toc.init = () => fastInit(toc);
      }
    });
  }
}
