// The height each widget reserves before and after it renders, so pages do not jump. One source:
// catalogue.json's `reserve` (measured rendered heights, rounded up). Plain JS so that the widgets,
// the embed loader and the docs site's Astro config can all import it.
import catalogue from '../../catalogue.json' with { type: 'json' };

function rules(selector, reserve) {
  const wide = `${selector} { --mle-min-height: ${reserve.height}px; }`;
  if (!reserve.narrow) return wide;
  return `${wide} @media (max-width: ${reserve.narrow.maxWidth}px) { ${selector} { --mle-min-height: ${reserve.narrow.height}px; } }`;
}

/** `:host` rules setting `--mle-min-height` for one widget (inside its shadow root). */
export function hostReserveCss(tag) {
  const entry = catalogue.find((e) => e.tag === tag);
  return entry?.reserve ? rules(':host', entry.reserve) : '';
}

/** Page-level rules that hold each widget's space while its code is still loading. */
export function placeholderReserveCss() {
  const base = catalogue.map((e) => `${e.tag}:not(:defined)`).join(', ');
  return [
    `${base} { display: block; min-height: var(--mle-min-height, 520px); }`,
    ...catalogue.filter((e) => e.reserve).map((e) => rules(`${e.tag}:not(:defined)`, e.reserve)),
  ].join('\n');
}
