// Set-up shared by every root command: a known Node and pnpm, the workspace's dependencies,
// telemetry switched off, and (for browser tests) a Chromium. Runs on the machine's own Node (>= 18).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const toolchain = join(root, '.toolchain');
const toolchainBin = join(toolchain, 'node_modules', '.bin');

/** Environment every tool runs with: no telemetry, no browser downloads, toolchain first on PATH. */
export function toolEnv(extra = {}) {
  return {
    ...process.env,
    PATH: `${toolchainBin}:${process.env.PATH ?? ''}`,
    ASTRO_TELEMETRY_DISABLED: '1',
    TURBO_TELEMETRY_DISABLED: '1',
    TURBO_NO_UPDATE_NOTIFIER: '1',
    DO_NOT_TRACK: '1',
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...extra,
  };
}

export function log(message) {
  process.stdout.write(`\x1b[36m[mle-lab]\x1b[0m ${message}\n`);
}

export function fail(message) {
  process.stderr.write(`\x1b[31m[mle-lab]\x1b[0m ${message}\n`);
  process.exit(1);
}

/** Runs a command with inherited output; exits the process with its code when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: toolEnv(), ...options });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function expectedToolchainVersion(name) {
  return JSON.parse(readFileSync(join(toolchain, 'package.json'), 'utf8')).dependencies[name];
}

function installedVersion(name) {
  const file = join(toolchain, 'node_modules', name, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined;
}

/** Installs the repo-local Node and pnpm (from the npm registry) unless they are already there. */
function ensureToolchain() {
  const ready = ['node', 'pnpm'].every((name) => installedVersion(name) === expectedToolchainVersion(name));
  if (ready && existsSync(join(toolchainBin, 'node'))) return;
  log(`installing the repo-local toolchain (node ${expectedToolchainVersion('node')}, pnpm ${expectedToolchainVersion('pnpm')}) from the npm registry`);
  // The machine's npm installs it; the `node` package fetches its binary from the registry too.
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: toolchain, env: { ...process.env, npm_config_nodedir: '' } });
}

function newer(a, b) {
  return existsSync(a) && existsSync(b) && statSync(a).mtimeMs >= statSync(b).mtimeMs;
}

/** Installs the workspace's dependencies with the lockfile as it is. */
function ensureDependencies() {
  const marker = join(root, 'node_modules', '.modules.yaml');
  if (newer(marker, join(root, 'pnpm-lock.yaml')) && !process.env.CI) return;
  log('installing workspace dependencies (pnpm install --frozen-lockfile)');
  run('pnpm', ['install', '--frozen-lockfile', '--reporter=append-only']);
}

export function setup() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 18) fail(`Node ${process.versions.node} is too old to start the set-up; install Node 18 or newer.`);
  if (major < 22 || (major === 22 && minor < 12)) {
    log(`the machine's Node is ${process.versions.node}; MLE Lab runs on its own Node 24 (repo-local, in .toolchain/)`);
  }
  ensureToolchain();
  ensureDependencies();
}

function isExecutable(path) {
  return Boolean(path) && existsSync(path);
}

/** Finds Chromium (CHROMIUM_PATH, then /usr/bin/chromium); as root with apt, installs Debian's. */
export function ensureChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'];
  const found = candidates.find(isExecutable);
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    log("no Chromium found: installing Debian's chromium package (apt-get)");
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  fail(
    'No Chromium found for the browser tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
      'or point CHROMIUM_PATH at a Chromium or Chrome executable, then run `npm test` again.',
  );
}
