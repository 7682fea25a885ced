// Entry point of the root npm scripts: `node scripts/run.mjs <start|test|build|dev|bench|check>`.
import { ensureChromium, fail, log, run, setup } from './bootstrap.mjs';

const task = process.argv[2];
const turbo = (...args) => run('pnpm', ['exec', 'turbo', 'run', ...args, '--log-order=grouped']);

const tasks = {
  start() {
    turbo('build');
    log(`serving the built site (Ctrl+C stops it)`);
    run('node', ['scripts/serve.mjs']);
  },
  build() {
    turbo('build');
  },
  dev() {
    turbo('build', '--filter=./packages/*');
    run('pnpm', ['--filter', '@mle-lab/docs', 'run', 'dev']);
  },
  check() {
    turbo('lint', 'typecheck');
  },
  test() {
    const chromium = ensureChromium();
    process.env.CHROMIUM_PATH = chromium;
    log(`browser tests use ${chromium}`);
    turbo('lint', 'typecheck', 'build');
    // One package at a time: the browser suites each start a Chromium and this machine has 2 cores.
    turbo('test', '--concurrency=1');
    turbo('e2e', '--concurrency=1');
    log('all checks passed');
  },
  bench() {
    turbo('bench', '--concurrency=1');
  },
};

if (!(task in tasks)) fail(`unknown task "${task}"; use one of: ${Object.keys(tasks).join(', ')}`);
setup();
tasks[task]();
