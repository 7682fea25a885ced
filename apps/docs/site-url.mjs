// The address the site is deployed at: canonical links, hreflang alternates, og:url and the sitemap
// are built from it. Set SITE_URL when building a copy for anywhere else (see the README).

/** Used when SITE_URL is not set: a reserved `.example` name, never a real host nor loopback. */
export const DEFAULT_SITE_URL = 'https://mle-lab.example';

/**
 * The site's origin from `env.SITE_URL` (else DEFAULT_SITE_URL), checked: an absolute http(s) URL
 * with no path, query or fragment, since every link on the site is rooted at `/`.
 *
 * @example
 * siteUrl({ SITE_URL: 'https://stats.example.edu/' }); // => 'https://stats.example.edu'
 * siteUrl({}); // => 'https://mle-lab.example'
 */
export function siteUrl(env) {
  const raw = env.SITE_URL?.trim() || DEFAULT_SITE_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`siteUrl: SITE_URL must be an absolute URL such as https://mle-lab.example, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`siteUrl: SITE_URL must use http or https, got "${raw}"`);
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new Error(`siteUrl: SITE_URL must be an origin only (the site is served from /), got "${raw}"`);
  }
  return url.origin;
}
