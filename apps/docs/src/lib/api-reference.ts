// Builds the API reference of @mle-lab/core from its source: the barrel's section headings and
// each export's TSDoc. Runs at build time only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ApiParam {
  name: string;
  text: string;
}

export interface ApiEntry {
  name: string;
  kind: 'function' | 'const' | 'interface' | 'type';
  signature: string;
  summary: string;
  params: ApiParam[];
  returns: string;
  throws: string[];
  example: string;
  /** Source file, relative to packages/core. */
  file: string;
}

export interface ApiSection {
  title: string;
  entries: ApiEntry[];
}

// Astro builds from apps/docs (and bundles this module, so import.meta.url is not where it was written).
const coreDir = join(process.cwd(), '..', '..', 'packages', 'core');

interface ParsedDoc {
  summary: string;
  params: ApiParam[];
  returns: string;
  throws: string[];
  example: string;
}

function parseDoc(comment: string): ParsedDoc {
  const lines = comment
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''));
  const doc: ParsedDoc = { summary: '', params: [], returns: '', throws: [], example: '' };
  let tag = 'summary';
  const summary: string[] = [];
  const example: string[] = [];
  for (const line of lines) {
    const match = /^@(\w+)\s*(.*)$/.exec(line);
    if (match) {
      tag = match[1] ?? '';
      const rest = match[2] ?? '';
      if (tag === 'param') {
        const p = /^(\S+?)\s*(?:-\s*)?(.*)$/.exec(rest);
        doc.params.push({ name: p?.[1] ?? rest, text: p?.[2] ?? '' });
      } else if (tag === 'returns') doc.returns = rest;
      else if (tag === 'throws') doc.throws.push(rest);
      else if (tag === 'example' && rest) example.push(rest);
      continue;
    }
    if (tag === 'summary') summary.push(line);
    else if (tag === 'example') example.push(line);
    else if (tag === 'param' && doc.params.length > 0 && line.trim()) {
      const last = doc.params[doc.params.length - 1];
      if (last) last.text += ` ${line.trim()}`;
    } else if (tag === 'returns' && line.trim()) doc.returns += ` ${line.trim()}`;
    else if (tag === 'throws' && line.trim() && doc.throws.length > 0) doc.throws[doc.throws.length - 1] += ` ${line.trim()}`;
  }
  doc.summary = summary.join('\n').trim();
  doc.example = example.join('\n').trim();
  return doc;
}

function findDeclaration(source: string, name: string): { kind: ApiEntry['kind']; signature: string; doc: ParsedDoc } | undefined {
  const pattern = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*?\\*/)\\s*export\\s+(function|const|interface|type)\\s+${name}\\b`);
  const match = pattern.exec(source);
  const fallback = new RegExp(`export\\s+(function|const|interface|type)\\s+${name}\\b`).exec(source);
  const at = match ? match.index + (match[1]?.length ?? 0) : fallback?.index;
  if (at === undefined) return undefined;
  const kind = (match?.[2] ?? fallback?.[1]) as ApiEntry['kind'];
  const rest = source.slice(at).replace(/^\s*/, '');
  let signature: string;
  if (kind === 'function') {
    // Up to the body's opening brace: the first "{" at the end of a line after the parameter list.
    const end = rest.search(/\)\s*(?::[^\n{]*(?:\{[^\n]*\}[^\n{]*)*)?\s*\{\s*\n/);
    const close = end >= 0 ? rest.indexOf('{', rest.indexOf(')', end)) : -1;
    signature = (close > 0 ? rest.slice(0, close) : rest.split('\n')[0] ?? '').trim();
  } else if (kind === 'interface') {
    const end = rest.indexOf('\n}');
    signature = end > 0 ? rest.slice(0, end + 2) : (rest.split('\n')[0] ?? '');
  } else {
    signature = (rest.split(/;\s*\n/)[0] ?? '').trim();
    if (kind === 'const') signature = signature.split('=')[0]?.trim() ?? signature;
  }
  signature = signature.replace(/^export\s+/, '');
  return { kind, signature, doc: match?.[1] ? parseDoc(match[1]) : parseDoc('') };
}

/** Every export of @mle-lab/core, grouped by the barrel's comment headings, with its TSDoc. */
export function coreApiReference(): ApiSection[] {
  const index = readFileSync(join(coreDir, 'src', 'index.ts'), 'utf8');
  const sections: ApiSection[] = [];
  let current: ApiSection | undefined;
  const statements = index.split('\n');
  let buffer = '';
  for (const line of statements) {
    const heading = /^\/\/\s*──\s*(.+?)\s*─*\s*$/.exec(line);
    if (heading) {
      current = { title: heading[1] ?? '', entries: [] };
      sections.push(current);
      continue;
    }
    buffer += `${line}\n`;
    if (!/from\s+['"][^'"]+['"];?\s*$/.test(line)) continue;
    const statement = buffer;
    buffer = '';
    const m = /export\s+(type\s+)?\{([\s\S]*?)\}\s*from\s+['"]\.\/([^'"]+)['"]/.exec(statement);
    if (!m || !current) continue;
    const file = `src/${m[3]}`;
    const source = readFileSync(join(coreDir, file), 'utf8');
    for (const raw of (m[2] ?? '').split(',')) {
      const name = raw.replace(/^\s*type\s+/, '').split(/\s+as\s+/).pop()?.trim();
      if (!name) continue;
      const found = findDeclaration(source, name);
      if (!found) continue;
      current.entries.push({ name, kind: found.kind, signature: found.signature, file, ...found.doc });
    }
  }
  return sections.filter((s) => s.entries.length > 0);
}
