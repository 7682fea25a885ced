// The static server behind `npm start` and the end-to-end tests (scripts/static-server.mjs), driven
// over a real socket with raw request targets (node:http sends the path exactly as written, unlike
// fetch, which would normalise `..` and `//` away before they reach the server).
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, inlineScriptHashes, startStaticServer, type StaticServer } from '../../../scripts/static-server.mjs';

const SECRET = 'TOP SECRET: outside the root';
const INLINE = "document.documentElement.dataset['ok'] = 'yes';";
const INDEX = `<!doctype html><html><head><title>home</title><script>${INLINE}</script><script type="module" src="/app.js"></script></head><body>${'<p>Some text that compresses well.</p>'.repeat(200)}</body></html>`;
const APP = `export const answer = 42;\n${'// padding so that compression pays\n'.repeat(100)}`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

let base: string;
let server: StaticServer;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Sends `method path` as written, with `headers`, and collects the reply. */
function send(path: string, { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'mle-lab-server-'));
  // The root is `dist`; `dist-private` beside it starts with the root's name (the prefix trap).
  const root = join(base, 'dist');
  for (const dir of ['data', 'embed/widget', 'en/404']) mkdirSync(join(root, dir), { recursive: true });
  mkdirSync(join(base, 'dist-private'));
  writeFileSync(join(base, 'dist-private', 'secret.txt'), SECRET);
  writeFileSync(join(base, 'secret.txt'), SECRET);
  symlinkSync(join(base, 'dist-private'), join(root, 'linked'));
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'data', 'index.html'), '<!doctype html><title>data</title><p>data</p>');
  writeFileSync(join(root, 'embed', 'index.html'), '<!doctype html><title>how to embed</title>');
  writeFileSync(join(root, 'embed', 'widget', 'index.html'), '<!doctype html><title>embed</title><script>var a = 1;</script>');
  writeFileSync(join(root, '404.html'), '<!doctype html><title>未找到</title><p>页面不存在</p>');
  writeFileSync(join(root, 'en', '404', 'index.html'), '<!doctype html><html lang="en"><title>404</title><p>Page not found</p>');
  writeFileSync(join(root, 'app.js'), APP);
  writeFileSync(join(root, 'image.png'), PNG);
  server = await startStaticServer({ root, port: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(base, { recursive: true, force: true });
});

describe('static server: files', () => {
  it('serves a file with its type, a folder by its index.html, and a 404 page for anything missing', async () => {
    const app = await send('/app.js');
    expect(app.status).toBe(200);
    expect(app.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(app.body.toString()).toBe(APP);
    const data = await send('/data/');
    expect(data.status).toBe(200);
    expect(data.body.toString()).toContain('<p>data</p>');
    const missing = await send('/nowhere/');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('页面不存在');
  });

  it('answers a missing English page with the English 404 page', async () => {
    for (const path of ['/en/nowhere/', '/en/data/nowhere']) {
      const reply = await send(path);
      expect(reply.status, path).toBe(404);
      expect(reply.body.toString(), path).toContain('Page not found');
    }
    expect((await send('/nowhere/en/')).body.toString()).toContain('页面不存在');
  });

  it('redirects a folder without its trailing slash to the same path with it, keeping the query', async () => {
    const reply = await send('/data?seed=42');
    expect(reply.status).toBe(301);
    expect(reply.headers['location']).toBe('/data/?seed=42');
  });
});

describe('static server: nothing outside the root', () => {
  const escapes = [
    '/..%2fdist-private%2fsecret.txt',
    '/..%2Fdist-private%2Fsecret.txt',
    '/%2e%2e%2fdist-private%2fsecret.txt',
    '/../dist-private/secret.txt',
    '/data/..%2f..%2fdist-private%2fsecret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/..%5cdist-private%5csecret.txt',
    '/linked/secret.txt',
    '/secret.txt%00.html',
    '/%E0%A4%A',
  ];
  for (const path of escapes) {
    it(`GET ${path} reads nothing outside the root`, async () => {
      const reply = await send(path);
      expect([400, 404]).toContain(reply.status);
      expect(reply.body.toString()).not.toContain(SECRET);
    });
  }
});

describe('static server: no redirect leaves the site', () => {
  const targets = ['//data', '//data?x=1', '//evil%2ecom/', '//evil%2ecom/data', '//evil.com', '/%2fdata', '/%2f%2fevil.com', '/\\evil.com', '/\\data', '///data', '//127.0.0.2:9/data'];
  for (const path of targets) {
    it(`GET ${path} is not redirected to another host`, async () => {
      const reply = await send(path);
      const location = reply.headers['location'];
      if (reply.status >= 300 && reply.status < 400) {
        expect(typeof location).toBe('string');
        expect(location).toMatch(/^\/(?![/\\])/);
        const origin = `http://127.0.0.1:${server.port}`;
        expect(new URL(String(location), `${origin}${path.replace(/^\/+/, '/')}`).origin).toBe(origin);
      } else {
        expect(location).toBeUndefined();
      }
    });
  }

  it('GET //data goes to /data/ on this site', async () => {
    const reply = await send('//data');
    expect(reply.status).toBe(301);
    expect(reply.headers['location']).toBe('/data/');
  });
});

describe('static server: methods', () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) {
    it(`${method} is refused with 405 and Allow`, async () => {
      const reply = await send('/index.html', { method });
      expect(reply.status).toBe(405);
      expect(reply.headers['allow']).toBe('GET, HEAD');
      expect(reply.body.toString()).not.toContain('<title>home</title>');
    });
  }

  it('HEAD sends the GET headers and no body', async () => {
    for (const encoding of ['identity', 'gzip', 'br']) {
      const get = await send('/app.js', { headers: { 'accept-encoding': encoding } });
      const head = await send('/app.js', { method: 'HEAD', headers: { 'accept-encoding': encoding } });
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      for (const name of ['content-type', 'content-length', 'content-encoding', 'vary', 'x-content-type-options']) {
        expect(head.headers[name], `${encoding} ${name}`).toEqual(get.headers[name]);
      }
    }
  });
});

describe('static server: compression', () => {
  it('sends brotli when accepted, else gzip, else the file as it is, and always says it varies', async () => {
    const cases: [string, string | undefined][] = [
      ['gzip, deflate, br, zstd', 'br'],
      ['br', 'br'],
      ['gzip, deflate', 'gzip'],
      ['br;q=0, gzip;q=0.5', 'gzip'],
      ['identity', undefined],
      ['', undefined],
    ];
    for (const [accept, expected] of cases) {
      const reply = await send('/', { headers: { 'accept-encoding': accept } });
      expect(reply.status).toBe(200);
      expect(reply.headers['content-encoding'], accept).toBe(expected);
      expect(reply.headers['vary']).toBe('Accept-Encoding');
      const body = expected === 'br' ? brotliDecompressSync(reply.body) : expected === 'gzip' ? gunzipSync(reply.body) : reply.body;
      expect(body.toString()).toBe(INDEX);
      if (expected) expect(reply.body.length).toBeLessThan(INDEX.length / 4);
    }
  });

  it('leaves images alone', async () => {
    const reply = await send('/image.png', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.body.equals(PNG)).toBe(true);
  });

  it('chooseEncoding reads q-values and *', () => {
    expect(chooseEncoding(undefined)).toBeUndefined();
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0')).toBeUndefined();
    expect(chooseEncoding('GZIP')).toBe('gzip');
  });
});

describe('static server: security headers', () => {
  it('every response carries nosniff and a referrer policy', async () => {
    for (const [path, method] of [['/', 'GET'], ['/app.js', 'GET'], ['/image.png', 'GET'], ['/missing', 'GET'], ['/data', 'GET'], ['/', 'POST']] as const) {
      const reply = await send(path, { method });
      expect(reply.headers['x-content-type-options'], path).toBe('nosniff');
      expect(reply.headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    }
  });

  it('a course page may be framed only by the site; its inline scripts are allowed by hash, nothing else inline', async () => {
    const csp = String((await send('/')).headers['content-security-policy']);
    const directives = new Map(csp.split(';').map((d) => { const [name = '', ...values] = d.trim().split(/\s+/); return [name, values]; }));
    expect(directives.get('frame-ancestors')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toContain(`'${sha256(INLINE)}'`);
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(directives.get('script-src-attr')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('an embed page may be framed by any site', async () => {
    const csp = String((await send('/embed/widget/')).headers['content-security-policy']);
    expect(csp).toContain('frame-ancestors *');
    expect(csp).toContain(`'${sha256('var a = 1;')}'`);
  });

  it('only the widget pages may be framed by any site, whatever the address says', async () => {
    for (const path of ['/embed/', '/embed/..%2fdata/', '/embed/%2e%2e/data/', '/embed/widget/..%2f..%2fdata/', '/embed/nowhere/']) {
      const reply = await send(path);
      expect(String(reply.headers['content-security-policy']), path).toContain("frame-ancestors 'self'");
    }
    expect(String((await send('/embed/widget/?lang=en')).headers['content-security-policy'])).toContain('frame-ancestors *');
  });

  it('HTML is not readable cross-origin', async () => {
    expect((await send('/')).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('scripts allow cross-origin reads (the embed bundle and its worker)', async () => {
    expect((await send('/app.js')).headers['access-control-allow-origin']).toBe('*');
  });

  it('inlineScriptHashes hashes inline scripts only, once each', () => {
    const html = '<script>a()</script><script type="module" src="/x.js"></script><SCRIPT type="module">b()</SCRIPT><script>a()</script>';
    expect(inlineScriptHashes(html)).toEqual([sha256('a()'), sha256('b()')]);
  });
});
