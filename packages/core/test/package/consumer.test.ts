// What a user who imports @mle-lab/core into their own package gets: the packed tarball installed
// into a scratch project outside the workspace, imported from plain Node ESM and type-checked from a
// TypeScript file; publint on the package; the bundle size of everything and of one import.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { publint } from 'publint';
import { beforeAll, describe, expect, it } from 'vitest';
import manifest from '../../package.json' with { type: 'json' };

const coreDir = fileURLToPath(new URL('../../', import.meta.url));
const tscBin = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
let scratch = '';

/** A strict NodeNext tsconfig for the scratch project. */
function tsconfig(files: string[]): string {
  return JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', noEmit: true, skipLibCheck: false, types: [] }, files });
}

/** Bundles `contents` against the built package with esbuild (minified ESM); bytes and gzip bytes. */
async function bundle(contents: string): Promise<{ bytes: number; gzip: number }> {
  const result = await build({
    stdin: { contents, resolveDir: coreDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    alias: { '@mle-lab/core': join(coreDir, 'dist', 'index.js') },
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { bytes: code.length, gzip: gzipSync(code).length };
}

beforeAll(() => {
  const packDir = mkdtempSync(join(tmpdir(), 'mle-core-pack-'));
  execFileSync('pnpm', ['pack', '--pack-destination', packDir], { cwd: coreDir, stdio: 'pipe' });
  const tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('pnpm pack wrote no tarball');
  scratch = mkdtempSync(join(tmpdir(), 'mle-core-consumer-'));
  writeFileSync(
    join(scratch, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { '@mle-lab/core': `file:${join(packDir, tarball)}` } }),
  );
  // No dependencies to fetch: an offline install of the tarball is what a user's npm does.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: scratch, stdio: 'pipe' });
}, 120_000);

describe('the packed package in a project outside the workspace', () => {
  it('imports from plain Node ESM and reproduces numpy', () => {
    writeFileSync(
      join(scratch, 'main.mjs'),
      `import { createRandomState, normalMle } from '@mle-lab/core';
const fit = normalMle(createRandomState(42).normal(5, 2, 1000));
console.log(JSON.stringify({ mu: fit.mu.toFixed(4), sigma: fit.sigma.toFixed(4) }));`,
    );
    const out = execFileSync('node', ['main.mjs'], { cwd: scratch, encoding: 'utf8' });
    // numpy: np.random.seed(42); x = np.random.normal(5, 2, 1000); x.mean(), x.std()
    expect(JSON.parse(out)).toEqual({ mu: '5.0387', sigma: '1.9575' });
  });

  it('type-checks from a strict TypeScript file (and rejects a wrong call)', () => {
    writeFileSync(
      join(scratch, 'main.ts'),
      `import { createRandomState, normalMle, type RandomState } from '@mle-lab/core';
const rs: RandomState = createRandomState(1);
const mu: number = normalMle(rs.normal(0, 1, 10)).mu;
export { mu };
`,
    );
    writeFileSync(join(scratch, 'bad.ts'), `import { normalMle } from '@mle-lab/core';\nexport const s: string = normalMle([1, 2]).mu;\n`);
    writeFileSync(join(scratch, 'tsconfig.json'), tsconfig(['main.ts']));
    writeFileSync(join(scratch, 'tsconfig.bad.json'), tsconfig(['bad.ts']));
    expect(() => execFileSync('node', [tscBin, '-p', 'tsconfig.json'], { cwd: scratch, stdio: 'pipe' })).not.toThrow();
    let failure = '';
    try {
      execFileSync('node', [tscBin, '-p', 'tsconfig.bad.json'], { cwd: scratch, stdio: 'pipe', encoding: 'utf8' });
    } catch (error) {
      failure = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(failure).toMatch(/Type 'number' is not assignable to type 'string'/);
  });
});

describe('package metadata', () => {
  it('passes publint with no dependencies and no side effects', async () => {
    const { messages } = await publint({ pkgDir: coreDir, level: 'suggestion', strict: true });
    expect(messages).toEqual([]);
    expect((manifest as { dependencies?: object }).dependencies).toBeUndefined();
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.type).toBe('module');
    expect(Object.keys(manifest.exports['.'])[0]).toBe('types');
  });

  it('tree-shakes: one import bundles to a small part of the whole library', async () => {
    const whole = await bundle(`export * from '@mle-lab/core';`);
    const one = await bundle(`import { normalPdf } from '@mle-lab/core'; console.log(normalPdf(0, 0, 1));`);
    console.log(`@mle-lab/core size: whole library ${whole.bytes} B min (${whole.gzip} B gzip); normalPdf alone ${one.bytes} B min (${one.gzip} B gzip)`);
    expect(one.bytes).toBeLessThan(whole.bytes / 5);
  });
});
