// The built site points at its deployed address (SITE_URL, else the default in site-url.mjs), never
// at the loopback address it is tested on: canonical links, hreflang alternates, og:url and the
// sitemap. Reads dist/ (no browser); the build and this test see the same SITE_URL (turbo globalEnv).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteUrl } from '../site-url.mjs';
import { distDir } from './support/site.ts';

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full, keep) : keep(name) ? [full] : [];
  });
}

const site = siteUrl(process.env);
const pages = files(distDir, (name) => name === 'index.html').filter((file) => !file.includes(`${join('dist', 'embed')}`) || file.endsWith(join('dist', 'embed', 'index.html')));

describe(`absolute links use the site address (${site})`, () => {
  it('every course page’s canonical link, hreflang alternates and og:url', () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      expect(canonical, file).toBeDefined();
      expect(canonical?.startsWith(`${site}/`), `${file}: ${canonical}`).toBe(true);
      const absolute = [...html.matchAll(/<link rel="alternate" hreflang="[^"]+" href="([^"]+)"/g), ...html.matchAll(/<meta property="og:url" content="([^"]+)"/g)];
      expect(absolute.length, file).toBeGreaterThanOrEqual(2);
      for (const m of absolute) expect(m[1]?.startsWith(`${site}/`), `${file}: ${m[1]}`).toBe(true);
    }
  });

  it('the sitemap', () => {
    const sitemaps = files(distDir, (name) => /^sitemap.*\.xml$/.test(name));
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const file of sitemaps) {
      const locs = [...readFileSync(file, 'utf8').matchAll(/<loc>([^<]+)<\/loc>|href="([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? '');
      expect(locs.length).toBeGreaterThan(0);
      for (const loc of locs) expect(loc.startsWith(`${site}/`), `${file}: ${loc}`).toBe(true);
    }
  });

  it('no built file names the loopback address', () => {
    const offenders = files(distDir, (name) => /\.(html|xml|txt|json)$/.test(name)).filter((file) => /127\.0\.0\.1|localhost:\d/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
