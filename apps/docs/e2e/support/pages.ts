import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { distDir } from './site.ts';

/** Every page of the built site (each `index.html` under dist/), as a path such as `/en/data/`. */
export function builtPages(dir = distDir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...builtPages(full));
    else if (name === 'index.html') out.push(`/${relative(distDir, dir).split(sep).join('/')}/`.replace('//', '/'));
  }
  return out.toSorted();
}

/** The course sections (each has a Chinese page at /<name>/ and an English one at /en/<name>/). */
export const sections = [
  'data',
  'closed-form-mle',
  'coin-to-counts',
  'density',
  'gradient-descent',
  'beyond-normal',
  'how-sure',
  'beyond-mle',
  'normal-pdf',
  'cross-entropy',
  'fit-your-data',
];

/** Whether a path is a widget's embed page, /embed/<widget>/. */
export const isEmbedPage = (path: string): boolean => /^\/embed\/[^/]+\/$/.test(path);
