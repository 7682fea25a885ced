import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every Markdown table on the site, and in the README, has as many cells in each row as in its header.
// The benchmark tables are partly written by scripts that replace rows by their first cell; a row from
// a wider table once landed in a narrower one with the same first cell (the English Performance page's
// "legacy normal generation" row had eight cells under a five-column header), and Markdown renders that
// without complaint.

const docsDir = fileURLToPath(new URL('../src/content/docs/', import.meta.url));
const readme = fileURLToPath(new URL('../../../README.md', import.meta.url));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return /\.mdx?$/.test(entry.name) ? [path] : [];
  });
}

/** The cells of a table row: split at pipes that are neither escaped nor inside a code span. */
function cells(row: string): string[] {
  const out: string[] = [];
  let cell = '';
  let code = false;
  const body = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === '\\' && body[i + 1] === '|') {
      cell += '\\|';
      i++;
    } else if (c === '`') {
      code = !code;
      cell += c;
    } else if (c === '|' && !code) {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  out.push(cell);
  return out;
}

const DELIMITER = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Each table's rows that do not have the header's number of cells, as "line N: k cells, header m". */
function raggedRows(source: string): string[] {
  const lines = source.split(/\r?\n/);
  const problems: string[] = [];
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^\s*(`{3,}|~{3,})/.test(line)) fenced = !fenced;
    if (fenced || !line.trim().startsWith('|') || !DELIMITER.test(lines[i + 1] ?? '')) continue;
    const width = cells(line).length;
    expect(cells(lines[i + 1] as string).length, `line ${i + 2}: the delimiter row`).toBe(width);
    let j = i + 2;
    for (; j < lines.length && (lines[j] as string).trim().startsWith('|'); j++) {
      const n = cells(lines[j] as string).length;
      if (n !== width) problems.push(`line ${j + 1}: ${n} cells, header ${width}`);
    }
    i = j - 1;
  }
  return problems;
}

describe('Markdown tables', () => {
  const files = [...markdownFiles(docsDir), readme];
  it(`every row of every table in the ${files.length - 1} pages and the README has its header's number of cells`, () => {
    let tables = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      tables += source.split(/\r?\n/).filter((l) => DELIMITER.test(l) && l.includes('-')).length;
      expect(raggedRows(source), relative(join(docsDir, '..', '..', '..', '..'), file)).toEqual([]);
    }
    expect(tables).toBeGreaterThan(20); // the tables are really found
  });

  it('finds a row with a cell too many, and ignores pipes in code spans and escaped ones', () => {
    expect(raggedRows('| a | b |\n| --- | ---: |\n| 1 | 2 |\n| 1 | 2 | 3 |\n')).toEqual(['line 4: 3 cells, header 2']);
    expect(raggedRows('| a | b |\n| --- | --- |\n| `x | y` | 2 |\n| a \\| b | 2 |\n')).toEqual([]);
  });
});
