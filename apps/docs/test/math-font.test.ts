// The site's math font is a subset (scripts/subset-math-font.py writes src/fonts/mle-math.woff2 and the
// list of code points it covers, src/fonts/mle-math.json). A character a formula uses that the subset
// lacks would be drawn in some other font the reader happens to have (or a box): every formula of every
// page, in both languages, is rendered here as the build renders it (Temml) and each character the
// browser will draw is looked up, after the italic mapping the browser applies to one-letter <mi>.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import temml from 'temml';
import { describe, expect, it } from 'vitest';

const docsDir = fileURLToPath(new URL('../src/content/docs/', import.meta.url));
const font = JSON.parse(readFileSync(fileURLToPath(new URL('../src/fonts/mle-math.json', import.meta.url)), 'utf8')) as { codepoints: number[] };
const covered = new Set(font.codepoints);

/** Every formula's TeX in an MDX source: `$$ … $$` blocks and `$…$` spans outside code. */
function formulas(source: string): string[] {
  const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').replace(/^\s*(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\s*\1\s*$/gm, '');
  const found: string[] = [];
  const prose = body.replace(/\$\$([\s\S]+?)\$\$/g, (_, tex: string) => {
    found.push(tex);
    return '';
  });
  const text = prose.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '').replace(/\\\$/g, '');
  for (const m of text.matchAll(/\$([^$]+?)\$/g)) found.push(m[1] ?? '');
  return found;
}

/**
 * The character the browser draws for `c` in a one-letter <mi> (CSS text-transform: math-auto, the
 * italic mapping of MathML Core): Latin and Greek letters, dotless i and j, ∂ and ∇ become their
 * mathematical italic forms.
 */
function mathItalic(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return 0x1d434 + (c - 0x41);
  if (c === 0x68) return 0x210e; // ℎ (planck constant: the italic h is not in the math block)
  if (c >= 0x61 && c <= 0x7a) return 0x1d44e + (c - 0x61);
  if (c === 0x131) return 0x1d6a4;
  if (c === 0x237) return 0x1d6a5;
  if (c >= 0x391 && c <= 0x3a9) return 0x1d6e2 + (c - 0x391);
  if (c === 0x3f4) return 0x1d6f3;
  if (c === 0x2207) return 0x1d6fb;
  if (c >= 0x3b1 && c <= 0x3c9) return 0x1d6fc + (c - 0x3b1);
  const symbols: Record<number, number> = { 0x2202: 0x1d715, 0x3f5: 0x1d716, 0x3d1: 0x1d717, 0x3f0: 0x1d718, 0x3d5: 0x1d719, 0x3f1: 0x1d71a, 0x3d6: 0x1d71b };
  return symbols[c] ?? c;
}

/** Undoes the escapes Temml writes in text (&lt; &gt; &quot; &amp;). */
function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** The code points the browser draws for a Temml MathML string (text of every element, one-letter <mi> mapped to italic). */
function drawnCodepoints(mathml: string): number[] {
  const out: number[] = [];
  for (const m of mathml.matchAll(/<(m[a-z]+)((?:\s[^>]*)?)>([^<]+)</g)) {
    const [, tag, attributes = '', raw = ''] = m;
    const chars = [...decode(raw)].map((ch) => ch.codePointAt(0) ?? 0);
    const autoItalic = tag === 'mi' && chars.length === 1 && !/\smathvariant=/.test(attributes);
    out.push(...(autoItalic ? chars.map(mathItalic) : chars));
  }
  return out;
}

const pages = readdirSync(docsDir, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.mdx')).toSorted();

describe('drawnCodepoints', () => {
  it('maps a one-letter identifier to its italic form and leaves longer ones, numbers and operators alone', () => {
    // temml.renderToString('h + \\partial\\mu - \\operatorname{LSE}2'): h → ℎ (U+210E), ∂ → 𝜕 (U+1D715), μ → 𝜇 (U+1D707).
    const drawn = drawnCodepoints(temml.renderToString('h + \\partial\\mu - \\operatorname{LSE}2'));
    expect(drawn).toEqual(expect.arrayContaining([0x210e, 0x2b, 0x1d715, 0x1d707, 0x2212, 0x4c, 0x53, 0x45, 0x32]));
    expect(drawn).not.toContain(0x68);
  });

  it('takes the text inside \\text{…} and \\mathbf as written', () => {
    // Temml writes \mathbf z as the code point 𝐳 (U+1D433) itself.
    const drawn = drawnCodepoints(temml.renderToString('\\mathbf z\\text{ab}'));
    expect(drawn).toContain(0x1d433);
    expect(drawn).toEqual(expect.arrayContaining([0x61, 0x62]));
  });
});

describe('the math font subset', () => {
  it('finds formulas in every course page', () => {
    expect(pages.length).toBeGreaterThan(20);
    expect(formulas(readFileSync(join(docsDir, 'en', 'normal-pdf.mdx'), 'utf8')).length).toBeGreaterThan(50);
  });

  for (const page of pages) {
    it(`${page}: covers every character its formulas draw (Chinese text falls back to the page's font)`, () => {
      const missing = new Set<string>();
      for (const tex of formulas(readFileSync(join(docsDir, page), 'utf8'))) {
        for (const c of drawnCodepoints(temml.renderToString(tex, { displayMode: true, throwOnError: true, strict: true }))) {
          if (!covered.has(c) && !/\p{Script=Han}/u.test(String.fromCodePoint(c))) missing.add(`U+${c.toString(16).toUpperCase()} ${String.fromCodePoint(c)} in ${tex.trim().slice(0, 60)}`);
        }
      }
      expect([...missing]).toEqual([]);
    });
  }
});
