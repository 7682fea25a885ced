import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every Chinese page (src/content/docs, root locale) must have an English twin under en/ with the same
// skeleton: heading levels, display and inline math, code blocks, and widget tags with their attributes.
// The comparison is structural (counts and sequences), not textual: the prose is translated, the
// formulas, code and widgets are shared.

const docsDir = fileURLToPath(new URL('../src/content/docs/', import.meta.url));
const enDir = join(docsDir, 'en');

/** The parts of an MDX page that both languages must share. */
interface Outline {
  headings: number[];
  displayMath: number;
  inlineMath: number;
  codeBlocks: number;
  widgets: string[];
  unclosedWidgets: string[];
}

const FENCE = /^\s*(`{3,}|~{3,})/;
const WIDGET_OPEN = /<(mle-[a-z0-9-]+)((?:\s+[^\s>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** A widget tag as a canonical string: the tag name and its attributes sorted by name. */
function widgetKey(tag: string, attributes: string): string {
  const pairs: string[] = [];
  for (const m of attributes.matchAll(ATTRIBUTE)) {
    pairs.push(`${m[1]}=${JSON.stringify(m[2] ?? m[3] ?? m[4] ?? '')}`);
  }
  pairs.sort();
  return `<${tag}${pairs.map((p) => ` ${p}`).join('')}>`;
}

/** Splits an MDX source into its outline (headings, math, code blocks, widgets), ignoring the frontmatter. */
function outline(source: string): Outline {
  const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
  const lines = body.split(/\r?\n/);
  const prose: string[] = [];
  const headings: number[] = [];
  let codeBlocks = 0;
  let displayMath = 0;
  let fence: string | null = null;
  let inDisplay = false;

  for (const line of lines) {
    const trimmed = line.trim();
    if (fence !== null) {
      if (trimmed.startsWith(fence) && /^(`+|~+)$/.test(trimmed)) {
        fence = null;
      }
      continue;
    }
    if (inDisplay) {
      if (trimmed.endsWith('$$')) inDisplay = false;
      prose.push('');
      continue;
    }
    const open = FENCE.exec(line);
    if (open?.[1] !== undefined) {
      fence = open[1];
      codeBlocks += 1;
      prose.push('');
      continue;
    }
    if (trimmed.startsWith('$$')) {
      displayMath += 1;
      const rest = trimmed.slice(2);
      // `$$ … $$` on a single line closes itself; a bare `$$` opens a block closed by a later `$$`.
      inDisplay = !(rest.length >= 2 && rest.endsWith('$$'));
      prose.push('');
      continue;
    }
    const heading = /^(#{1,6})\s+\S/.exec(line);
    if (heading?.[1] !== undefined) headings.push(heading[1].length);
    prose.push(line);
  }

  // Inline code may contain `$` or `<mle-…>` literally: drop it before looking for math and widgets.
  const text = prose
    .join('\n')
    .replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '')
    .replace(/\\\$/g, '');
  const inlineMath = [...text.matchAll(/(\$+)(?!\$)[^$]+?\1/g)].length;

  const widgets: string[] = [];
  const unclosedWidgets: string[] = [];
  for (const m of text.matchAll(WIDGET_OPEN)) {
    const tag = m[1] ?? '';
    widgets.push(widgetKey(tag, m[2] ?? ''));
    const selfClosing = m[3] === '/';
    if (!selfClosing && !text.slice((m.index ?? 0) + m[0].length).includes(`</${tag}>`)) unclosedWidgets.push(tag);
  }
  return { headings, displayMath, inlineMath, codeBlocks, widgets, unclosedWidgets };
}

function mdxFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...mdxFiles(path));
    else if (entry.isFile() && entry.name.endsWith('.mdx')) files.push(path);
  }
  return files.toSorted();
}

const zhPages = mdxFiles(docsDir)
  .map((path) => relative(docsDir, path))
  .filter((rel) => rel.split(sep)[0] !== 'en');
const enPages = mdxFiles(enDir).map((path) => relative(enDir, path));

describe('outline parser', () => {
  it('counts display math, inline math, code blocks and headings outside code', () => {
    const page = [
      '---',
      'title: $x$ in the title is ignored',
      '---',
      '## A heading with $a$',
      '',
      '$$',
      'f(x) = \\frac{1}{2}',
      '$$',
      '',
      'Inline $b$ and $c$, an escaped \\$5, and code `$d$` and `<mle-x a="1">`.',
      '',
      '```python',
      '# not a heading; $e$ not math; <mle-y> not a widget',
      '```',
      '',
      '### Next',
      '',
      '<mle-z b="2" a="1"></mle-z>',
    ].join('\n');
    expect(outline(page)).toEqual({
      headings: [2, 3],
      displayMath: 1,
      inlineMath: 3,
      codeBlocks: 1,
      widgets: ['<mle-z a="1" b="2">'],
      unclosedWidgets: [],
    });
  });

  it('reports widget tags that are never closed', () => {
    expect(outline('<mle-a n="1">\n\n<mle-b /> <mle-c></mle-c>').unclosedWidgets).toEqual(['mle-a']);
  });
});

describe('every Chinese page has an English twin with the same skeleton', () => {
  it('finds the pages', () => {
    expect(zhPages.length).toBeGreaterThan(0);
  });

  describe.each(zhPages)('%s', (rel) => {
    const enPath = join(enDir, rel);

    it('has an English twin', () => {
      expect(existsSync(enPath), `missing en/${rel}`).toBe(true);
    });

    if (!existsSync(enPath)) return;
    const zh = outline(readFileSync(join(docsDir, rel), 'utf8'));
    const en = outline(readFileSync(enPath, 'utf8'));

    it('has the same sequence of heading levels', () => {
      expect(en.headings).toEqual(zh.headings);
    });

    it('has the same number of display-math blocks and inline-math spans', () => {
      expect({ display: en.displayMath, inline: en.inlineMath }).toEqual({
        display: zh.displayMath,
        inline: zh.inlineMath,
      });
    });

    it('has the same number of code blocks', () => {
      expect(en.codeBlocks).toBe(zh.codeBlocks);
    });

    it('has the same widget tags with the same attributes in the same order, all closed', () => {
      expect(en.widgets).toEqual(zh.widgets);
      expect(zh.unclosedWidgets).toEqual([]);
      expect(en.unclosedWidgets).toEqual([]);
    });
  });
});

describe('every English page has a Chinese original', () => {
  it.each(enPages)('%s', (rel) => {
    expect(existsSync(join(docsDir, rel)), `en/${rel} has no Chinese page`).toBe(true);
  });
});
