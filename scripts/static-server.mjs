// A small static file server for the built site (npm start, end-to-end tests). Only 127.0.0.1.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

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

function resolveFile(rootDir, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  const file = normalize(join(rootDir, path));
  if (!file.startsWith(rootDir)) return undefined;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  if (existsSync(index)) return index;
  const html = `${file}.html`;
  if (existsSync(html)) return html;
  return undefined;
}

/**
 * Serves `root` on host:port. Resolves to `{ url, close }` once listening.
 * Every response allows cross-origin reads, so pages on other origins can load the embed script
 * and its worker.
 */
export function startStaticServer({ root, port = 4321, host = '127.0.0.1' }) {
  const rootDir = resolve(root);
  const server = createServer((request, response) => {
    const urlPath = request.url ?? '/';
    const file = resolveFile(rootDir, urlPath);
    const headers = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache' };
    if (!file) {
      const notFound = join(rootDir, '404.html');
      response.writeHead(404, { ...headers, 'Content-Type': TYPES['.html'] });
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end('Not found');
      return;
    }
    if (urlPath.split('?')[0]?.endsWith('/') === false && file.endsWith('index.html') && !urlPath.includes('.')) {
      response.writeHead(301, { ...headers, Location: `${urlPath.split('?')[0]}/${urlPath.includes('?') ? urlPath.slice(urlPath.indexOf('?')) : ''}` });
      response.end();
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
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
