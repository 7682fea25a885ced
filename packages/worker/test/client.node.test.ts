import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeClient } from '@mle-lab/worker/node';
import { describe, expect, it } from 'vitest';
import { clientSuite } from './client-suite.ts';

clientSuite('Node (worker_threads)', () => createNodeClient());

describe('Node client in a script', () => {
  it('lets the process end without terminate(): an idle worker thread keeps nothing alive', () => {
    // A file, not --eval: worker threads inherit the process's flags, and --input-type breaks them.
    const file = join(mkdtempSync(join(tmpdir(), 'mle-worker-script-')), 'script.mjs');
    writeFileSync(
      file,
      `
      import { createNodeClient } from ${JSON.stringify(import.meta.resolve('@mle-lab/worker/node'))};
      const client = createNodeClient();
      const handle = await client.generate({ seed: 42, mu: 5, sigma: 2, n: 1000 });
      const fit = await client.fit(handle, { method: 'adam', learningRate: 0.05, maxIterations: 20000 }, { onProgress() {} });
      console.log(JSON.stringify({ mu: fit.mu, iterations: fit.iterations }));
    `,
    );
    const started = Date.now();
    const child = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 20_000 });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    // The notebook's Adam run (fixtures/summary.py): 175 iterations to μ = 5.038656935830904
    expect(JSON.parse(child.stdout)).toEqual({ mu: 5.038656935830904, iterations: 175 });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
