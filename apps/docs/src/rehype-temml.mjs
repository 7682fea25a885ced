// @ts-check
// Math as MathML only, rendered at build time by Temml (a MathML-first fork of KaTeX's parser).
//
// KaTeX wrote every formula twice: an HTML rendering of absolutely positioned spans (about ten elements
// per symbol) and a hidden MathML copy for screen readers. On the formula pages that was 87–93 % of
// all elements, and their first style and layout was one long task that set the page's Total Blocking
// Time. Chromium (since 109), Firefox and Safari lay MathML Core out natively, so one MathML tree is
// both what is seen and what is read; it is drawn in a bundled OpenType MATH font (styles/math.css).
//
// Markup: remark-math's `math-inline` / `math-display` code elements become `<math>`; a display formula
// is wrapped in `<div class="math-display">`, the box that scrolls sideways when the formula is wider
// than the column (styles/site.css, components/scroll-regions.ts). A formula Temml cannot parse fails
// the build with the file, the position and Temml's message.
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toText } from 'hast-util-to-text';
import temml from 'temml';
import { SKIP, visitParents } from 'unist-util-visit-parents';

/**
 * A rehype plugin rendering remark-math's math nodes (and ```math blocks) with Temml, MathML only.
 *
 * @example
 *   unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeTemml] })
 *   // `$x^2$` => <math><msup><mi>x</mi><mn>2</mn></msup></math>
 * @returns {(tree: import("hast").Root, file: { path?: string }) => void}
 */
export default function rehypeTemml() {
  return function transform(tree, file) {
    visitParents(tree, 'element', (element, parents) => {
      const classes = Array.isArray(element.properties['className']) ? element.properties['className'] : [];
      const languageMath = classes.includes('language-math');
      const mathDisplay = classes.includes('math-display');
      const mathInline = classes.includes('math-inline');
      if (!languageMath && !mathDisplay && !mathInline) return;
      let parent = parents.at(-1);
      /** @type {import('hast').Element} */
      let scope = element;
      let displayMode = mathDisplay;
      // A ```math block: replace its <pre> too, and show it as display math.
      if (element.tagName === 'code' && languageMath && parent?.type === 'element' && parent.tagName === 'pre') {
        scope = parent;
        parent = parents.at(-2);
        displayMode = true;
      }
      if (!parent) return;
      const tex = toText(scope, { whitespace: 'pre' });
      let html;
      try {
        // Inline math may break after a top-level relation or binary operator, as TeX (and KaTeX) let
        // it: Temml then writes one <mrow> per piece, which its CSS wraps (math is an inline flexbox).
        html = temml.renderToString(tex, { displayMode, throwOnError: true, strict: true, ...(displayMode ? {} : { wrap: 'tex' }) });
      } catch (error) {
        const where = element.position ? `${element.position.start.line}:${element.position.start.column}` : '?';
        throw new Error(`rehype-temml: cannot render the formula at ${file.path ?? "(unknown file)"}:${where}: ${String(error)}\n  ${tex}`, { cause: error });
      }
      const math = /** @type {import('hast').ElementContent[]} */ (fromHtmlIsomorphic(html, { fragment: true }).children);
      // Starlight spaces the blocks of an article with `margin-top` on every element that follows a
      // sibling, unless it is inside `.not-content`: inside a formula that would pull every script and
      // denominator apart.
      for (const node of math) {
        if (node.type === 'element' && node.tagName === 'math') {
          const own = Array.isArray(node.properties['className']) ? node.properties['className'] : [];
          node.properties['className'] = [...own, 'not-content'];
          tightenScripts(node, false);
          if (!displayMode) joinPieces(node);
        }
      }
      /** @type {import('hast').ElementContent[]} */
      const replacement = displayMode ? [{ type: 'element', tagName: 'div', properties: { className: ['math-display'] }, children: math }] : math;
      parent.children.splice(parent.children.indexOf(scope), 1, ...replacement);
      return SKIP;
    });
  };
}

/** Elements whose children after the first are scripts (subscripts, superscripts, limits, accents). */
const SCRIPTED = new Set(['msub', 'msup', 'msubsup', 'munder', 'mover', 'munderover', 'mmultiscripts']);

/**
 * TeX sets no space around binary operators and relations in a subscript or superscript (`i=1` under
 * a sum, `t-1` in m_{t-1}); MathML Core spaces every `<mo>` by its operator dictionary at any script
 * level. Every operator inside a script without spacing of its own gets `lspace` and `rspace` 0.
 *
 * @example
 *   // <msub><mi>m</mi><mrow><mi>t</mi><mo>−</mo><mn>1</mn></mrow></msub>
 *   // => the <mo>−</mo> gets lspace="0em" rspace="0em"
 * @param {import('hast').Element} node
 * @param {boolean} inScript whether `node` lies inside a script
 */
function tightenScripts(node, inScript) {
  if (SCRIPTED.has(node.tagName)) markAccentedBase(node);
  spaceBeforeFunctions(node);
  if (node.tagName === 'mtable' && classList(node).includes('tml-jot')) {
    for (const row of node.children) {
      if (row.type !== 'element') continue;
      for (const cell of row.children) if (cell.type === 'element' && classList(cell).includes('tml-left')) binaryAtCellStart(cell);
    }
  }
  if (inScript && node.tagName === 'mo' && node.properties['lspace'] === undefined && node.properties['rspace'] === undefined) {
    node.properties['lspace'] = '0em';
    node.properties['rspace'] = '0em';
  }
  let index = 0;
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    tightenScripts(child, inScript || (SCRIPTED.has(node.tagName) && index > 0));
    index += 1;
  }
}

/**
 * TeX attaches the scripts of an accented letter to the letter (\hat\sigma^2: the 2 sits where it would
 * on a plain sigma); MathML Core places them by the height of the whole accented base, the 2 of σ̂²
 * well above the line. An accented base of a script gets the class `accent-base`, whose negative
 * top margin (styles/math.css) takes the accent out of the height the script is placed by.
 *
 * @example
 *   // <msup><mover><mi>σ</mi><mo>ˆ</mo></mover><mn>2</mn></msup> => the mover gets class="accent-base"
 * @param {import('hast').Element} scripted an msub, msup, … element
 */
function markAccentedBase(scripted) {
  const base = scripted.children.find((child) => child.type === 'element');
  if (base?.type !== 'element' || base.tagName !== 'mover' || !SCRIPTED.has(scripted.tagName) || scripted.tagName === 'mover') return;
  const parts = base.children.filter((child) => child.type === 'element');
  const accent = parts[1];
  if (parts.length !== 2 || parts[0]?.tagName !== 'mi' || accent?.tagName !== 'mo') return;
  const own = Array.isArray(base.properties['className']) ? base.properties['className'] : [];
  base.properties['className'] = [...own, 'accent-base'];
}

/**
 * In an aligned environment (Temml's `mtable.tml-jot`, whose cells after an `&` are `tml-left`) TeX
 * starts each cell after an `&` with an empty group, so `&+ x` is a
 * binary plus with its spaces; Temml writes the `+` as a prefix operator (no space: `dx+λ`). A `+`,
 * `−` or `±` that begins a cell's row is made infix again.
 *
 * @example
 *   // <mtd><mrow><mo form="prefix">+</mo><mi>x</mi></mrow></mtd> => the mo gets form="infix"
 * @param {import('hast').Element} cell an mtd element after an `&` of an aligned environment
 */
function binaryAtCellStart(cell) {
  const row = cell.children.find((child) => child.type === 'element');
  if (row?.type !== 'element' || row.tagName !== 'mrow') return;
  const first = row.children.find((child) => child.type === 'element');
  if (first?.type !== 'element' || first.tagName !== 'mo' || first.properties['form'] !== 'prefix') return;
  const text = first.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
  if (['+', '−', '±', '∓'].includes(text) && row.children.filter((child) => child.type === 'element').length > 1) first.properties['form'] = 'infix';
}

/** @param {import('hast').Element} node @returns {unknown[]} its classes */
function classList(node) {
  return Array.isArray(node.properties['className']) ? node.properties['className'] : [];
}

/**
 * Temml's `wrap: 'tex'` also breaks an inline formula after a comma and around `…` (x_1, \dots, x_n
 * became four pieces, a comma alone in one, drawn without its space). TeX breaks only after a
 * relation or a binary operator: a piece that ends in anything else is joined with the next one.
 *
 * @example
 *   // <math><mrow>x₁ ,</mrow><mrow>…</mrow><mrow>,</mrow><mrow>xₙ</mrow></math>
 *   // => <math><mrow>x₁ , … , xₙ</mrow></math>
 * @param {import('hast').Element} math an inline <math> element
 */
function joinPieces(math) {
  /** @type {import('hast').Element[]} */
  const pieces = [];
  for (const child of math.children) {
    if (child.type !== 'element') continue;
    const last = pieces.at(-1);
    if (last !== undefined && child.tagName === 'mrow' && !breaksAfter(last)) last.children.push(...child.children);
    else pieces.push(child);
  }
  math.children = pieces;
}

/** Whether TeX may break a line after this piece of an inline formula: it ends in a relation or binary operator. */
function breaksAfter(/** @type {import('hast').Element} */ piece) {
  if (piece.tagName !== 'mrow') return true;
  const last = piece.children.filter((child) => child.type === 'element').at(-1);
  if (last?.type !== 'element' || last.tagName !== 'mo') return false;
  const text = last.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
  return last.properties['separator'] === undefined && !['…', '⋯', '⋮', '⋱'].includes(text);
}

/**
 * TeX sets a thin space between a function name (\log, \exp, \operatorname) and an ordinary
 * symbol or closing bracket before it; Temml writes it only after a letter (k\log p), not after a
 * subscripted symbol or a bracket: (n-k)\log(1-p) read "(n−k)log(1−p)". Each function name in a row
 * that follows such an element gets a leading <mspace> of 0.1667em.
 *
 * @example
 *   // <mrow><mrow>(n−k)</mrow><mrow><mi>log</mi><mo>⁡</mo></mrow>…</mrow>
 *   // => <mrow><mrow>(n−k)</mrow><mrow><mspace width="0.1667em"/><mi>log</mi><mo>⁡</mo></mrow>…</mrow>
 * @param {import('hast').Element} row any element; its children are looked at
 */
function spaceBeforeFunctions(row) {
  /** @type {import('hast').Element | undefined} */
  let previous;
  for (const child of row.children) {
    if (child.type !== 'element') continue;
    if (previous !== undefined && isFunctionName(child) && endsAsSymbol(previous)) {
      child.children.unshift({ type: 'element', tagName: 'mspace', properties: { width: '0.1667em' }, children: [] });
    }
    previous = child;
  }
}

/** An <mrow> holding a multi-letter <mi> followed by U+2061 (function application), as Temml writes \log. */
function isFunctionName(/** @type {import('hast').Element} */ node) {
  if (node.tagName !== 'mrow') return false;
  const parts = node.children.filter((child) => child.type === 'element');
  return parts[0]?.tagName === 'mi' && parts[1]?.tagName === 'mo' && textOf(parts[1]) === '\u2061' && textOf(parts[0]).length > 1;
}

/** Whether an element ends as an ordinary symbol or a closing bracket (not an operator, a space or an opening bracket). */
function endsAsSymbol(/** @type {import('hast').Element} */ node) {
  if (node.tagName === 'mspace') return false;
  if (node.tagName === 'mo') return node.properties['form'] === 'postfix';
  if (node.tagName === 'mrow') {
    const last = node.children.filter((child) => child.type === 'element').at(-1);
    return last?.type === 'element' && endsAsSymbol(last);
  }
  return true;
}

/** The text of an element. */
function textOf(/** @type {import('hast').ElementContent} */ node) {
  return node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';
}
