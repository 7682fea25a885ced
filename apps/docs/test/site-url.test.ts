import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_URL, siteUrl } from '../site-url.mjs';

// SITE_URL picks the address canonical links, hreflang, og:url and the sitemap point at.
describe('siteUrl', () => {
  it('defaults to a non-loopback address', () => {
    expect(siteUrl({})).toBe(DEFAULT_SITE_URL);
    expect(siteUrl({ SITE_URL: '  ' })).toBe(DEFAULT_SITE_URL);
    expect(new URL(DEFAULT_SITE_URL).hostname).not.toMatch(/^(127\.|localhost$|\[::1\]$)/);
  });

  it('takes SITE_URL as an origin, with or without the trailing slash', () => {
    expect(siteUrl({ SITE_URL: 'https://stats.example.edu/' })).toBe('https://stats.example.edu');
    expect(siteUrl({ SITE_URL: 'http://192.0.2.7:8080' })).toBe('http://192.0.2.7:8080');
  });

  it('refuses what cannot be the root of the site, naming the variable', () => {
    for (const bad of ['stats.example.edu', 'ftp://stats.example.edu', 'https://example.edu/mle/', 'https://example.edu/?x=1', 'https://example.edu/#a', 'https://u:p@example.edu']) {
      expect(() => siteUrl({ SITE_URL: bad }), bad).toThrow(/SITE_URL/);
    }
  });
});
