// A small static file server for the built site (npm start, end-to-end tests). Only 127.0.0.1.
//
// What it guarantees, each covered by apps/docs/test/static-server.test.ts:
// - nothing outside the root is ever read (a separator-aware containment check on the resolved path
//   and on its real path, so `/..%2fdist-private%2f…` cannot reach a sibling folder named like the root);
// - redirects (a folder without its trailing slash) point at a path built from the file found, always
//   `/…` on this origin: `GET //data` or `//evil%2ecom/…` never becomes a redirect to another host;
// - only GET and HEAD (405 with `Allow` otherwise; HEAD sends the headers and no body);
// - gzip, or brotli when the client accepts it, for text-like types, with `Vary: Accept-Encoding`;
// - `X-Content-Type-Options: nosniff`, `Referrer-Policy`, and on HTML a Content-Security-Policy.
//
// The CSP is computed here, at serve time, from each HTML file: a SHA-256 hash of every inline
// <script> in that file goes into `script-src`, so only the scripts the build wrote run (no
// 'unsafe-inline', no inline event handlers). Why not Astro's own `security.csp`: it delivers the
// policy in a <meta> tag, which cannot carry `frame-ancestors` (the embed pages need `*`, the course
// pages 'self'), and it hashes <style> elements too, which would switch off 'unsafe-inline' for styles
// and break KaTeX's hundreds of style="" attributes and the <style> elements the widgets build in their
// shadow roots at run time. Styles therefore keep 'unsafe-inline' (CSS cannot run script); scripts
// are locked down. Hashing at serve time also covers every inline script Starlight, Expressive Code
// and our own pages emit without a list to keep in step with them. 'wasm-unsafe-eval' is for
// Pagefind's WebAssembly search index; `blob:` workers are how the widgets start their worker when the
// embed script is served from another origin.
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

/** Types worth compressing (Pagefind's .pf_* files are gzip already; images and fonts are compressed). */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json|wasm)|image\/svg\+xml)/;

const METHODS = 'GET, HEAD';

/** The widget pages made for other sites' iframes (not /embed/ itself, the page about embedding). */
const EMBED_PAGE = /^embed\/[^/]+\/index\.html$/;

const compress = {
  // Quality 5: about a tenth of quality 11's time for ~20 % more bytes, and still well ahead of gzip;
  // the server compresses on first request (then caches), so a page must not wait a second for it.
  br: (raw) => promisify(brotliCompress)(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
  gzip: (raw) => promisify(gzip)(raw, { level: 9 }),
};

/** Headers on every response. */
const BASE_HEADERS = {
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/**
 * The Content-Security-Policy for an HTML page, given the hashes of its inline scripts. The widget
 * pages /embed/<name>/ may be framed by any site (that is what they are for); every other page only
 * by this site.
 */
export function contentSecurityPolicy({ scriptHashes, embeddable }) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${scriptHashes.map((h) => ` '${h}'`).join('')}`,
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${embeddable ? '*' : "'self'"}`,
  ].join('; ');
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** `sha256-…` of the text of every <script> without a `src` in `html`, in order, without repeats. */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(match[1] ?? '')) continue;
    hashes.add(`sha256-${createHash('sha256').update(match[2] ?? '', 'utf8').digest('base64')}`);
  }
  return [...hashes];
}

/** Per file (path, size and mtime): its inline-script hashes and compressed bodies, computed once. */
const cache = new Map();

function cached(file, stats, key, compute) {
  const id = `${file}\0${stats.size}\0${stats.mtimeMs}`;
  let entry = cache.get(file);
  if (entry?.id !== id) {
    entry = { id, values: new Map() };
    cache.set(file, entry);
  }
  if (!entry.values.has(key)) entry.values.set(key, compute());
  return entry.values.get(key);
}

/** The encoding to send for an Accept-Encoding header: 'br', 'gzip' or undefined (identity). */
export function chooseEncoding(acceptEncoding) {
  const accepted = new Map();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const quality = (name) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (quality('br') > 0) return 'br';
  if (quality('gzip') > 0) return 'gzip';
  return undefined;
}

/** True when `child` is `parent` or lies inside it (separator-aware, not a string prefix). */
function isInside(parent, child) {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function fileStats(path) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The file for a request path: itself, its index.html, or `<path>.html`; undefined when none exists,
 * the path is malformed, or it would leave the root. `directory` says that an index.html was used.
 */
function resolveFile(rootDir, realRoot, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const target = resolve(rootDir, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  if (!isInside(rootDir, target)) return undefined;
  const candidates = [
    { file: target, directory: false },
    { file: join(target, 'index.html'), directory: true },
    { file: `${target}.html`, directory: false },
  ];
  for (const { file, directory } of candidates) {
    const stats = fileStats(file);
    if (!stats?.isFile() || !isInside(rootDir, file)) continue;
    // Symbolic links must not lead out of the root either.
    let real;
    try {
      real = realpathSync(file);
    } catch {
      continue;
    }
    if (!isInside(realRoot, real)) continue;
    return { file, directory, stats, dir: target };
  }
  return undefined;
}

/** Sends `file` (200 or `status`) with its type, security headers and, where it pays, compression. */
function sendFile(request, response, { file, stats, status = 200, rootDir, csp }) {
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const headers = { ...BASE_HEADERS, 'Content-Type': type };
  if (type.startsWith('text/html')) {
    if (csp) {
      const scriptHashes = cached(file, stats, 'hashes', () => inlineScriptHashes(readFileSync(file, 'utf8')));
      // Decided by the file served, not the address asked for: /embed/..%2fdata/ is the data page.
      const embeddable = EMBED_PAGE.test(relative(rootDir, file).split(sep).join('/'));
      headers['Content-Security-Policy'] = contentSecurityPolicy({ scriptHashes, embeddable });
    }
  } else {
    // Scripts, the worker, styles and fonts: pages on other origins load the embed bundle.
    headers['Access-Control-Allow-Origin'] = '*';
  }
  const compressible = COMPRESSIBLE.test(type);
  const encoding = compressible ? chooseEncoding(request.headers['accept-encoding']) : undefined;
  if (compressible) headers['Vary'] = 'Accept-Encoding';
  if (encoding) {
    const body = cached(file, stats, encoding, () => compress[encoding](readFileSync(file)));
    body.then(
      (bytes) => {
        response.writeHead(status, { ...headers, 'Content-Encoding': encoding, 'Content-Length': bytes.length });
        response.end(request.method === 'HEAD' ? undefined : bytes);
      },
      () => response.destroy(),
    );
    return;
  }
  response.writeHead(status, { ...headers, 'Content-Length': stats.size });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  pipeline(createReadStream(file), response, () => {});
}

function sendText(request, response, status, text, extra = {}) {
  const body = Buffer.from(text, 'utf8');
  response.writeHead(status, { ...BASE_HEADERS, 'Content-Type': TYPES['.txt'], 'Content-Length': body.length, ...extra });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** The page for a missing path: the English 404 under /en/ when the build has one, else the root 404. */
function notFoundPage(rootDir, pathname) {
  const candidates = pathname.startsWith('/en/') ? ['en/404/index.html', 'en/404.html', '404.html'] : ['404.html'];
  for (const name of candidates) {
    const file = join(rootDir, name);
    const stats = fileStats(file);
    if (stats?.isFile()) return { file, stats };
  }
  return undefined;
}

/**
 * The request handler for `root`. `csp: false` leaves out the Content-Security-Policy: only for test
 * pages that stand in for other people's sites (they load our embed script from another origin).
 */
export function staticHandler(root, { csp = true } = {}) {
  const rootDir = resolve(root);
  const realRoot = realpathSync(rootDir);
  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(request, response, 405, `Method ${request.method} is not allowed: use ${METHODS}.\n`, { Allow: METHODS });
      return;
    }
    const target = request.url ?? '/';
    // Only origin-form request targets ("/path?query"); anything else is not for a static site.
    if (!target.startsWith('/')) {
      sendText(request, response, 400, 'Bad request target.\n');
      return;
    }
    const queryAt = target.indexOf('?');
    const pathname = queryAt === -1 ? target : target.slice(0, queryAt);
    const search = queryAt === -1 ? '' : target.slice(queryAt);
    const found = resolveFile(rootDir, realRoot, pathname);
    if (!found) {
      const page = notFoundPage(rootDir, pathname);
      if (page) sendFile(request, response, { ...page, status: 404, rootDir, csp });
      else sendText(request, response, 404, 'Not found.\n');
      return;
    }
    if (found.directory && !pathname.endsWith('/')) {
      // The canonical address of a folder ends in '/'. Built from the folder found on disk, never from
      // the raw request, so it is always a path on this origin ('/a/b/'), never '//host/…'.
      const parts = relative(rootDir, found.dir).split(sep).filter(Boolean).map(encodeURIComponent);
      const location = `/${parts.join('/')}${parts.length ? '/' : ''}${search}`;
      response.writeHead(301, { ...BASE_HEADERS, Location: location, 'Content-Length': 0 });
      response.end();
      return;
    }
    sendFile(request, response, { file: found.file, stats: found.stats, rootDir, csp });
  };
}

/**
 * Serves `root` on host:port. Resolves to `{ url, port, close }` once listening.
 * Scripts, styles and other assets allow cross-origin reads, so pages on other origins can load the
 * embed script and its worker. `csp: false`: see staticHandler.
 */
export function startStaticServer({ root, port = 4321, host = '127.0.0.1', csp = true }) {
  const server = createServer(staticHandler(root, { csp }));
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolvePromise({
        url: `http://${host}:${actualPort}`,
        port: actualPort,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // Browsers keep connections alive; do not wait for them.
            server.closeAllConnections();
          }),
      });
    });
  });
}
