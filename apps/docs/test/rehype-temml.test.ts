// src/rehype-temml.mjs: remark-math's math nodes become MathML (Temml), display formulas in their
// scroll box, with the TeX placements MathML Core would otherwise miss.
import type { Element, ElementContent, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import rehypeTemml from '../src/rehype-temml.mjs';

/** A paragraph holding one math node as remark-math leaves it (`<code class="language-math math-…">`). */
function tree(tex: string, display: boolean): Root {
  const code: Element = { type: 'element', tagName: 'code', properties: { className: ['language-math', display ? 'math-display' : 'math-inline'] }, children: [{ type: 'text', value: tex }] };
  const holder: Element = display ? { type: 'element', tagName: 'pre', properties: {}, children: [code] } : code;
  return { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [holder] }] };
}

function render(tex: string, display = false): Element {
  const root = tree(tex, display);
  rehypeTemml()(root, { path: 'page.mdx' });
  return (root.children[0] as Element).children[0] as Element;
}

/** Every element under `node` (itself included) in document order. */
function all(node: Element): Element[] {
  return [node, ...node.children.filter((c): c is Element => c.type === 'element').flatMap(all)];
}

const text = (node: ElementContent): string => (node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(text).join('') : '');
const classes = (node: Element): unknown[] => (Array.isArray(node.properties['className']) ? node.properties['className'] : []);

/** How many elements of the rendered formula carry the class `accent-base`. */
const marked = (tex: string): number => all(render(tex)).filter((e) => classes(e).includes('accent-base')).length;
/** The `form` of the first + or − of a rendered display formula. */
const form = (tex: string): unknown => all(render(tex, true)).find((e) => e.tagName === 'mo' && ['+', '−'].includes(text(e)))?.properties['form'];
/** Whether the rendered formula has a function name (log) led by a space. */
const spaced = (tex: string): boolean => all(render(tex)).some((e) => e.tagName === 'mrow' && (e.children[0] as Element | undefined)?.tagName === 'mspace' && text(e).includes('log'));

describe('rehypeTemml', () => {
  it('renders inline math as one <math> element, kept out of Starlight’s block spacing', () => {
    const math = render('x^2');
    expect(math.tagName).toBe('math');
    expect(classes(math)).toContain('not-content');
    expect(all(math).map((e) => e.tagName)).toEqual(['math', 'msup', 'mi', 'mn']);
  });

  it('lets inline math break after a top-level relation (one <mrow> per piece), as TeX does', () => {
    const math = render('a = b + c');
    expect(math.children.filter((c) => c.type === 'element').length).toBeGreaterThan(1);
  });

  it('keeps a list (x_1, \\dots, x_n) in one piece: TeX breaks after relations and operators, not commas', () => {
    const math = render('x_1, \\dots, x_n');
    expect(math.children.filter((c) => c.type === 'element').map((c) => (c as Element).tagName)).toEqual(['mrow']);
    expect(text(math)).toBe('x1,…,xn');
  });

  it('wraps display math (``` math or $$ … $$) in div.math-display, the box that scrolls when too wide', () => {
    const box = render('a = b', true);
    expect(box.tagName).toBe('div');
    expect(classes(box)).toEqual(['math-display']);
    const math = box.children[0] as Element;
    expect(math.tagName).toBe('math');
    expect(math.properties['display']).toBe('block');
  });

  it('sets no space around operators inside scripts (TeX’s script style), and keeps it outside', () => {
    const math = render('\\sum_{i=1}^n m_{t-1} = 0');
    const ops = all(math).filter((e) => e.tagName === 'mo');
    const spacing = Object.fromEntries(ops.map((mo) => [text(mo), [mo.properties['lspace'], mo.properties['rspace']]]));
    expect(spacing['−']).toEqual(['0em', '0em']);
    expect(ops.filter((mo) => text(mo) === '=').map((mo) => mo.properties['lspace'])).toEqual(['0em', undefined]);
    expect(spacing['∑']).toEqual([undefined, undefined]);
  });

  it('marks an accented letter that carries a script (\\hat\\sigma^2) and no other over-construct', () => {
    expect(marked('\\hat\\sigma^2')).toBe(1);
    expect(marked('\\hat\\sigma')).toBe(0);
    expect(marked('\\sigma^2')).toBe(0);
  });

  it('makes a + or − that starts a cell after & in aligned binary, and leaves a leading minus in a matrix unary', () => {
    expect(form('\\begin{aligned} a &= b \\\\ &+ c \\end{aligned}')).toBe('infix');
    expect(form('\\begin{pmatrix} -a & 0 \\end{pmatrix}')).toBe('prefix');
  });

  it('puts a thin space before a function name after a bracket or a subscripted symbol, as after a letter', () => {
    expect(spaced('(n-k)\\log(1-p)')).toBe(true);
    expect(spaced('x_i\\log\\lambda')).toBe(true);
    expect(spaced('k\\log p')).toBe(true);
    expect(spaced('= \\log p')).toBe(false);
    expect(spaced('\\log p')).toBe(false);
  });

  it('fails the build on a formula Temml cannot parse, naming the file and the formula', () => {
    expect(() => render('\\frac{1}{')).toThrow(/rehype-temml: cannot render the formula at page\.mdx.*\n {2}\\frac\{1\}\{/s);
  });
});
